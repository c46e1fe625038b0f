package org.hotbeat.density;

import java.util.stream.IntStream;

/**
 * In-place radix-2 complex FFT on 2-D arrays (row-major, separate real and imaginary parts),
 * rows and columns spread over the common fork-join pool. Sizes must be powers of two.
 */
final class Fft {
  private final int n;
  private final double[] cos;
  private final double[] sin;
  private final int[] reversed;

  Fft(int n) {
    if (Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two, got " + n);
    }
    this.n = n;
    cos = new double[n / 2];
    sin = new double[n / 2];
    for (int k = 0; k < n / 2; k++) {
      cos[k] = Math.cos(2 * Math.PI * k / n);
      sin[k] = Math.sin(2 * Math.PI * k / n);
    }
    reversed = new int[n];
    int bits = Integer.numberOfTrailingZeros(n);
    for (int i = 0; i < n; i++) {
      reversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
    }
  }

  static int sizeFor(int atLeast) {
    return Math.max(1, Integer.highestOneBit(Math.max(1, atLeast - 1)) << 1);
  }

  /** Transforms re/im[off, off + n·stride) with the given stride; inverse without the 1/n. */
  void transform(double[] re, double[] im, int off, int stride, boolean inverse) {
    for (int i = 0; i < n; i++) {
      int j = reversed[i];
      if (j > i) {
        int a = off + i * stride;
        int b = off + j * stride;
        double t = re[a];
        re[a] = re[b];
        re[b] = t;
        t = im[a];
        im[a] = im[b];
        im[b] = t;
      }
    }
    double sign = inverse ? 1 : -1;
    for (int len = 2; len <= n; len <<= 1) {
      int half = len >> 1;
      int tw = n / len;
      for (int s = 0; s < n; s += len) {
        for (int k = 0; k < half; k++) {
          double c = cos[k * tw];
          double si = sign * sin[k * tw];
          int a = off + (s + k) * stride;
          int b = a + half * stride;
          double xr = re[b] * c - im[b] * si;
          double xi = re[b] * si + im[b] * c;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }

  /** 2-D transform of an {@code rows.n} × {@code cols.n} array (cols fastest). */
  static void transform2d(double[] re, double[] im, Fft cols, Fft rows, boolean inverse) {
    int w = cols.n;
    int h = rows.n;
    IntStream.range(0, h).parallel().forEach(r -> cols.transform(re, im, r * w, 1, inverse));
    // Columns in blocks copied out contiguously, which keeps the cache happy.
    int block = 8;
    IntStream.range(0, (w + block - 1) / block).parallel().forEach(b -> {
      double[] tr = new double[h];
      double[] ti = new double[h];
      for (int c = b * block; c < Math.min(w, (b + 1) * block); c++) {
        for (int r = 0; r < h; r++) {
          tr[r] = re[r * w + c];
          ti[r] = im[r * w + c];
        }
        rows.transform(tr, ti, 0, 1, inverse);
        for (int r = 0; r < h; r++) {
          re[r * w + c] = tr[r];
          im[r * w + c] = ti[r];
        }
      }
    });
  }
}
