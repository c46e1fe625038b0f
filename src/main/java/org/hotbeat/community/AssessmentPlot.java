package org.hotbeat.community;

import java.util.List;
import java.util.Locale;

/**
 * The monthly series of an {@link Assessment} as SVG: each area as an index (its 'before'
 * monthly mean = 100) so areas of different sizes share one axis, with the response start marked.
 */
public final class AssessmentPlot {
  private static final String[] COLOURS = {"#d95f02", "#7570b3", "#1b9e77"};
  private static final String[] NAMES = {"response", "buffer", "control"};

  private AssessmentPlot() {}

  public static String svg(Assessment a) {
    int w = 860;
    int h = 400;
    int left = 60;
    int right = 560;
    int top = 40;
    int bottom = 340;
    List<Assessment.Month> months = a.months();
    int beforeMonths = (int) months.stream()
        .filter(m -> m.month().compareTo(a.after().from().toString().substring(0, 7)) < 0).count();
    double[][] index = new double[3][months.size()];
    double max = 150;
    for (int k = 0; k < 3; k++) {
      double mean = 0;
      for (int i = 0; i < beforeMonths; i++) {
        mean += value(months.get(i), k);
      }
      mean = beforeMonths == 0 ? 0 : mean / beforeMonths;
      for (int i = 0; i < months.size(); i++) {
        index[k][i] = mean > 0 ? 100 * value(months.get(i), k) / mean : Double.NaN;
        if (index[k][i] > max) {
          max = index[k][i];
        }
      }
    }
    max = Math.ceil(max / 50) * 50;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' "
            + "font-size='12'>%n<rect width='100%%' height='100%%' fill='white'/>%n", w, h));
    s.append(String.format(Locale.ROOT, "<text x='%d' y='24' font-size='14'>Incidents per month, "
        + "index (before-period mean = 100)</text>%n", left));
    s.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>"
        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>%n", left, bottom, right, bottom,
        left, bottom, left, top));
    for (double v = 0; v <= max; v += 50) {
      double y = bottom - (bottom - top) * v / max;
      s.append(String.format(Locale.ROOT, "<text x='%d' y='%.0f' text-anchor='end'>%.0f</text>%n",
          left - 6, y + 4, v));
    }
    int n = months.size();
    double step = n > 1 ? (right - left) / (double) (n - 1) : 0;
    for (int i = 0; i < n; i += Math.max(1, n / 8)) {
      s.append(String.format(Locale.ROOT, "<text x='%.0f' y='%d' text-anchor='middle'>%s</text>%n",
          left + i * step, bottom + 16, months.get(i).month()));
    }
    double xStart = left + (beforeMonths - 0.5) * step;
    s.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='black' "
        + "stroke-dasharray='4 3'/><text x='%.1f' y='%d'>response starts %s</text>%n", xStart,
        top, xStart, bottom, xStart + 4, top + 12, a.responseStart()));
    String[] labels = {a.areas().response().label(), a.areas().buffer().label(),
        a.areas().control().label()};
    for (int k = 0; k < 3; k++) {
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(index[k][i])) {
          pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + i * step,
              bottom - (bottom - top) * index[k][i] / max));
        }
      }
      s.append(String.format(Locale.ROOT, "<polyline fill='none' stroke='%s' stroke-width='2' "
          + "points='%s'/>%n", COLOURS[k], pts.toString().strip()));
      s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='14' height='4' fill='%s'/>"
          + "<text x='%d' y='%d'>%s: %s%s</text>%n", right + 12, top + 10 + 20 * k, COLOURS[k],
          right + 30, top + 15 + 20 * k, NAMES[k], escape(labels[k]),
          pts.length() == 0 ? " (no incidents before)" : ""));
    }
    return s.append("</svg>\n").toString();
  }

  private static long value(Assessment.Month m, int k) {
    return k == 0 ? m.response() : k == 1 ? m.buffer() : m.control();
  }

  private static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;");
  }
}
