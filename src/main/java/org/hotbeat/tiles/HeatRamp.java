package org.hotbeat.tiles;

/**
 * The heat layer's colours: ColorBrewer's 7-class YlOrRd, which stays readable for the common
 * colour-vision deficiencies and in greyscale, with opacity rising with density so the streets
 * under low densities stay visible. Class 0 is transparent.
 */
public final class HeatRamp {
  static final int[] RGB = {0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026};
  static final int[] ALPHA = {110, 135, 160, 180, 200, 215, 230};
  /** Classes are halvings below the layer's peak: peak/64, /32, /16, /8, /4, /2. */
  static final int CLASSES = RGB.length;

  private HeatRamp() {}

  /** ARGB of class {@code c} (1 to {@link #CLASSES}); 0 for class 0. */
  public static int argb(int c) {
    return c == 0 ? 0 : ALPHA[c - 1] << 24 | RGB[c - 1];
  }

  public static String hex(int c) {
    return String.format("#%06x", RGB[c - 1]);
  }

  /** Lower bounds of classes 1..7 for a layer whose highest density is {@code peak}. */
  public static double[] breaks(double peak) {
    double[] b = new double[CLASSES];
    for (int i = 0; i < CLASSES; i++) {
      b[i] = peak > 0 ? peak / Math.pow(2, CLASSES - 1 - i) / 2 : Double.POSITIVE_INFINITY;
    }
    return b;
  }
}
