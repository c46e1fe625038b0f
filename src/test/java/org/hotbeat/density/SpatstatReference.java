package org.hotbeat.density;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The R spatstat reference outputs in {@code ../shared/reference/} (see its README): point
 * patterns, their windows, KDE grids and bandwidth-selector curves. Read in place, never copied
 * into the repository; tests that need them skip when the folder is absent (a user's clone).
 */
final class SpatstatReference {
  static final Path DIR = Path.of("..", "shared", "reference");

  private SpatstatReference() {}

  static Path file(String name) {
    Path p = DIR.resolve(name);
    assumeTrue(Files.isReadable(p), "spatstat reference " + p + " is not here; skipping");
    return p;
  }

  /** Rows of a CSV as maps from column name to text (quotes removed). */
  static List<Map<String, String>> csv(String name) {
    Path p = file(name);
    try (InputStream raw = Files.newInputStream(p);
         InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] head = r.readLine().replace("\"", "").split(",");
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < head.length && i < f.length; i++) {
          m.put(head[i], f[i].replace("\"", ""));
        }
        rows.add(m);
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + p, e);
    }
  }

  /** Numeric columns of a CSV, for the big files. */
  static double[][] columns(String name, String... cols) {
    List<Map<String, String>> rows = csv(name);
    double[][] out = new double[cols.length][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < cols.length; c++) {
        out[c][i] = Double.parseDouble(rows.get(i).get(cols[c]));
      }
    }
    return out;
  }

  static Points points(String pattern) {
    String name = "points_" + pattern + ".csv" + (pattern.equals("synthetic") ? ".gz" : "");
    double[][] xy = columns(name, "x", "y");
    return Points.of(xy[0], xy[1]);
  }

  /** The pattern's rectangular window as xmin, xmax, ymin, ymax. */
  static Envelope window(String pattern) {
    for (Map<String, String> row : csv("windows.csv")) {
      if (row.get("pattern").equals(pattern)) {
        return new Envelope(Double.parseDouble(row.get("xmin")), Double.parseDouble(row.get("xmax")),
            Double.parseDouble(row.get("ymin")), Double.parseDouble(row.get("ymax")));
      }
    }
    throw new IllegalArgumentException("no window for " + pattern);
  }

  static Geometry windowPolygon(String pattern) {
    return new GeometryFactory().toGeometry(window(pattern));
  }

  /** One of the kde_*.csv grids: spatstat's {@code value} and the {@code exact} sums. */
  record KdeGrid(GridSpec spec, double[] value, double[] exact) {
    /** Index into value/exact of our cell (col, row), row 0 being north. */
    int index(int col, int row) {
      return (spec.height() - 1 - row) * spec.width() + col;
    }

    double maxExact() {
      double m = 0;
      for (double v : exact) {
        m = Math.max(m, v);
      }
      return m;
    }
  }

  static KdeGrid kde(String file, String pattern, int nx, int ny) {
    double[][] c = columns(file, "value", "exact");
    Envelope w = window(pattern);
    GridSpec spec = new GridSpec(w.getMinX(), w.getMinY(), w.getWidth() / nx, nx, ny);
    return new KdeGrid(spec, c[0], c[1]);
  }

  /** The value of one bandwidth selector from bandwidths*.csv. */
  static double bandwidth(String pattern, String method) {
    String f = pattern.equals("synthetic") ? "bandwidths_synthetic.csv" : "bandwidths.csv";
    for (Map<String, String> row : csv(f)) {
      if (row.get("pattern").equals(pattern) && row.get("method").equals(method)) {
        return Double.parseDouble(row.get("value"));
      }
    }
    throw new IllegalArgumentException("no " + method + " for " + pattern);
  }
}
