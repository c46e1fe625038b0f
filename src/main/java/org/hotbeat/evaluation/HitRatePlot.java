package org.hotbeat.evaluation;

import java.util.Locale;

/** The hit-rate curves of a backtest as a small SVG: share of area flagged → share of incidents. */
public final class HitRatePlot {
  private static final String[] COLOURS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"};

  /** The plot's size and the axes' box, in pixels, shared by the SVG and the PNG. */
  private static final int W = 640;
  private static final int H = 420;
  private static final int LEFT = 60;
  private static final int BOTTOM = 360;
  private static final int RIGHT = 460;
  private static final int TOP = 40;

  private HitRatePlot() {}

  public static String svg(Backtest.Result r, String title) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' "
            + "font-size='12'>%n<rect width='100%%' height='100%%' fill='white'/>%n", W, H));
    s.append(String.format(Locale.ROOT, "<text x='%d' y='24' font-size='14'>%s</text>%n", LEFT,
        escape(title)));
    s.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>"
        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>%n", LEFT, BOTTOM, RIGHT, BOTTOM,
        LEFT, BOTTOM, LEFT, TOP));
    for (int p = 0; p <= 100; p += 20) {
      double x = LEFT + (RIGHT - LEFT) * p / 100.0;
      double y = BOTTOM - (BOTTOM - TOP) * p / 100.0;
      s.append(String.format(Locale.ROOT, "<text x='%.0f' y='%d' text-anchor='middle'>%d%%</text>"
          + "<text x='%d' y='%.0f' text-anchor='end'>%d%%</text>%n", x, BOTTOM + 16, p,
          LEFT - 6, y + 4, p));
    }
    s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>share of the "
        + "study area flagged</text>%n", (LEFT + RIGHT) / 2, BOTTOM + 36));
    s.append(String.format(Locale.ROOT, "<text x='16' y='%d' transform='rotate(-90 16 %d)' "
        + "text-anchor='middle'>share of test incidents captured</text>%n", (TOP + BOTTOM) / 2,
        (TOP + BOTTOM) / 2));
    int k = 0;
    for (Backtest.MethodResult m : r.methods()) {
      String colour = COLOURS[k % COLOURS.length];
      StringBuilder pts = new StringBuilder();
      double[] c = m.hitRateCurve();
      for (int p = 0; p <= 100; p++) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + (RIGHT - LEFT) * p / 100.0,
            BOTTOM - (BOTTOM - TOP) * c[p]));
      }
      s.append(String.format(Locale.ROOT, "<polyline fill='none' stroke='%s' stroke-width='2' "
          + "points='%s'/>%n", colour, pts.toString().strip()));
      s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='14' height='4' fill='%s'/>"
          + "<text x='%d' y='%d'>%s</text>%n", RIGHT + 20, TOP + 10 + 20 * k, colour, RIGHT + 40,
          TOP + 15 + 20 * k, escape(m.method())));
      k++;
    }
    return s.append("</svg>\n").toString();
  }

  /** The same plot as a PNG (Java2D, no fonts beyond the JDK's logical ones). */
  public static byte[] png(Backtest.Result r, String title) {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(W, H,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING,
          java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, W, H);
      g.setColor(java.awt.Color.BLACK);
      g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
      g.drawString(title, LEFT, 24);
      g.drawLine(LEFT, BOTTOM, RIGHT, BOTTOM);
      g.drawLine(LEFT, BOTTOM, LEFT, TOP);
      for (int p = 0; p <= 100; p += 20) {
        int x = LEFT + (RIGHT - LEFT) * p / 100;
        int y = BOTTOM - (BOTTOM - TOP) * p / 100;
        g.drawString(p + "%", x - 10, BOTTOM + 16);
        g.drawString(p + "%", LEFT - 36, y + 4);
      }
      g.drawString("share of the study area flagged", (LEFT + RIGHT) / 2 - 90, BOTTOM + 36);
      g.setStroke(new java.awt.BasicStroke(2f));
      int k = 0;
      for (Backtest.MethodResult m : r.methods()) {
        g.setColor(java.awt.Color.decode(COLOURS[k % COLOURS.length]));
        double[] c = m.hitRateCurve();
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        for (int p = 0; p <= 100; p++) {
          double x = LEFT + (RIGHT - LEFT) * p / 100.0;
          double y = BOTTOM - (BOTTOM - TOP) * c[p];
          if (p == 0) {
            path.moveTo(x, y);
          } else {
            path.lineTo(x, y);
          }
        }
        g.draw(path);
        g.fillRect(RIGHT + 20, TOP + 10 + 20 * k, 14, 4);
        g.setColor(java.awt.Color.BLACK);
        g.drawString(m.method(), RIGHT + 40, TOP + 15 + 20 * k);
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
