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
      double[] c = m.hitRateCurve();
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

  /** The same plot as a PNG (Java2D, no fonts beyond the JDK's logical ones). */
  public static byte[] png(Backtest.Result r, String title) {
    int w = 640;
    int h = 420;
    int left = 60;
    int bottom = 360;
    int right = 460;
    int top = 40;
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING,
          java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setColor(java.awt.Color.BLACK);
      g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
      g.drawString(title, left, 24);
      g.drawLine(left, bottom, right, bottom);
      g.drawLine(left, bottom, left, top);
      for (int p = 0; p <= 100; p += 20) {
        int x = left + (right - left) * p / 100;
        int y = bottom - (bottom - top) * p / 100;
        g.drawString(p + "%", x - 10, bottom + 16);
        g.drawString(p + "%", left - 36, y + 4);
      }
      g.drawString("share of the study area flagged", (left + right) / 2 - 90, bottom + 36);
      g.setStroke(new java.awt.BasicStroke(2f));
      int k = 0;
      for (Backtest.MethodResult m : r.methods()) {
        g.setColor(java.awt.Color.decode(COLOURS[k % COLOURS.length]));
        double[] c = m.hitRateCurve();
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        for (int p = 0; p <= 100; p++) {
          double x = left + (right - left) * p / 100.0;
          double y = bottom - (bottom - top) * c[p];
          if (p == 0) {
            path.moveTo(x, y);
          } else {
            path.lineTo(x, y);
          }
        }
        g.draw(path);
        g.fillRect(right + 20, top + 10 + 20 * k, 14, 4);
        g.setColor(java.awt.Color.BLACK);
        g.drawString(m.method(), right + 40, top + 15 + 20 * k);
        k++;
      }
    } finally {
      g.dispose();
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(img, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;");
  }
}
