package org.hotbeat.evaluation;

import java.util.Locale;

/** The hit-rate curves of a backtest as a small SVG: share of area flagged → share of incidents. */
public final class HitRatePlot {
  private static final String[] COLOURS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"};

  private HitRatePlot() {}

  public static String svg(Backtest.Result r, String title) {
    int w = 640;
    int h = 420;
    int left = 60;
    int bottom = 360;
    int right = 460;
    int top = 40;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' "
            + "font-size='12'>%n<rect width='100%%' height='100%%' fill='white'/>%n", w, h));
    s.append(String.format(Locale.ROOT, "<text x='%d' y='24' font-size='14'>%s</text>%n", left,
        escape(title)));
    s.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>"
        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>%n", left, bottom, right, bottom,
        left, bottom, left, top));
    for (int p = 0; p <= 100; p += 20) {
      double x = left + (right - left) * p / 100.0;
      double y = bottom - (bottom - top) * p / 100.0;
      s.append(String.format(Locale.ROOT, "<text x='%.0f' y='%d' text-anchor='middle'>%d%%</text>"
          + "<text x='%d' y='%.0f' text-anchor='end'>%d%%</text>%n", x, bottom + 16, p,
          left - 6, y + 4, p));
    }
    s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>share of the "
        + "study area flagged</text>%n", (left + right) / 2, bottom + 36));
    s.append(String.format(Locale.ROOT, "<text x='16' y='%d' transform='rotate(-90 16 %d)' "
        + "text-anchor='middle'>share of test incidents captured</text>%n", (top + bottom) / 2,
        (top + bottom) / 2));
    int k = 0;
    for (Backtest.MethodResult m : r.methods()) {
      String colour = COLOURS[k % COLOURS.length];
      StringBuilder pts = new StringBuilder();
      double[] c = m.curve();
      for (int p = 0; p <= 100; p++) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + (right - left) * p / 100.0,
            bottom - (bottom - top) * c[p]));
      }
      s.append(String.format(Locale.ROOT, "<polyline fill='none' stroke='%s' stroke-width='2' "
          + "points='%s'/>%n", colour, pts.toString().strip()));
      s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='14' height='4' fill='%s'/>"
          + "<text x='%d' y='%d'>%s</text>%n", right + 20, top + 10 + 20 * k, colour, right + 40,
          top + 15 + 20 * k, escape(m.method())));
      k++;
    }
    return s.append("</svg>\n").toString();
  }

  private static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;");
  }
}
