package org.hotbeat.evaluation;

import java.util.List;
import java.util.Locale;
import org.hotbeat.density.HeatDefaults;

/**
 * A way of building a risk surface from past incidents, as a backtest names it. The named methods
 * are {@link #NAMES}; any other setting can be written
 * {@code kde:BANDWIDTH[:HALF_LIFE[:SHARE[:NARROW]]]} (metres, days, 0–1, metres), e.g.
 * {@code kde:100:180} or {@code kde:400:0:0.8}, so that a search over settings needs no new code.
 * The "own count" is the count in the backtest's cell, so {@code default} follows {@code --cell}.
 *
 * <p>The risk of a cell is {@code (1 − share) · KDE mass in the cell + share · incidents in the
 * cell}, both weighted by {@code 0.5^(age / halfLife)} when a half-life is given (age at the end
 * of training). {@code share = 1} with no half-life is the naive baseline.
 *
 * @param name as written by the user
 * @param bandwidth quartic support radius in metres (unused when {@code countShare} is 1)
 * @param halfLifeDays 0 for no time decay
 * @param countShare weight of the cell's own count, 0–1
 * @param narrowBandwidth when more than 0, the "own count" part is itself a quartic KDE of this
 *     radius (metres): a two-kernel mixture a map can draw
 */
public record Method(String name, double bandwidth, double halfLifeDays, double countShare,
    double narrowBandwidth) {
  /** The heat layer's default settings: the winner of the backtest in docs/hotspots.md. */
  public static final Method DEFAULT = new Method("default", HeatDefaults.BANDWIDTH_M,
      HeatDefaults.HALF_LIFE_DAYS, HeatDefaults.COUNT_SHARE, 0);
  public static final List<String> NAMES = List.of("naive", "default", "kde", "prospective",
      "kde-wide");

  public Method {
    if (!(bandwidth > 0) || bandwidth > 50_000) {
      throw new IllegalArgumentException("method '" + name + "': the bandwidth must be more than 0 "
          + "and at most 50000 m");
    }
    if (!(halfLifeDays >= 0) || !Double.isFinite(halfLifeDays)) {
      throw new IllegalArgumentException("method '" + name + "': the half-life must be 0 (none) "
          + "or a positive number of days");
    }
    if (!(narrowBandwidth >= 0 && narrowBandwidth <= bandwidth)) {
      throw new IllegalArgumentException("method '" + name + "': the narrow bandwidth must be 0 "
          + "(raw counts) or a positive radius up to the bandwidth");
    }
    if (!(countShare >= 0 && countShare <= 1)) {
      throw new IllegalArgumentException("method '" + name + "': the count share must be 0 to 1");
    }
  }

  /** A named method or a {@code kde:…} setting; an unknown name is refused with the list. */
  public static Method parse(String spec) {
    switch (spec) {
      case "naive":
        return new Method(spec, 1, 0, 1, 0);
      case "default":
        return DEFAULT;
      case "prospective":
        return new Method(spec, 300, 56, 0, 0);
      case "kde":
        return new Method(spec, 300, 0, 0, 0);
      case "kde-wide":
        return new Method(spec, 1000, 0, 0, 0);
      default:
        break;
    }
    if (spec.startsWith("kde:")) {
      String[] p = spec.substring(4).split(":", -1);
      if (p.length <= 4) {
        try {
          return new Method(spec, Double.parseDouble(p[0]),
              p.length > 1 ? Double.parseDouble(p[1]) : 0,
              p.length > 2 ? Double.parseDouble(p[2]) : 0,
              p.length > 3 ? Double.parseDouble(p[3]) : 0);
        } catch (NumberFormatException e) {
          // falls through to the message below
        }
      }
      throw new IllegalArgumentException("method '" + spec + "': write kde:BANDWIDTH_M"
          + "[:HALF_LIFE_DAYS[:SHARE[:NARROW_M]]], e.g. kde:100:180");
    }
    throw new IllegalArgumentException("unknown method '" + spec + "'; known: "
        + String.join(", ", NAMES) + ", or kde:BANDWIDTH_M[:HALF_LIFE_DAYS[:SHARE[:NARROW_M]]]");
  }

  /** The settings in words, for tables and the API. */
  public String describe() {
    if (countShare == 1 && halfLifeDays == 0 && narrowBandwidth == 0) {
      return "training counts per cell";
    }
    StringBuilder s = new StringBuilder(countShare == 1 ? "training counts"
        : String.format(Locale.ROOT, "quartic KDE %.0f m", bandwidth));
    if (countShare > 0 && countShare < 1) {
      s.append(narrowBandwidth > 0
          ? String.format(Locale.ROOT, " mixed with %.0f %% of a %.0f m one", 100 * countShare,
              narrowBandwidth)
          : String.format(Locale.ROOT, " + %.0f %% own-cell counts", 100 * countShare));
    }
    if (halfLifeDays > 0) {
      s.append(String.format(Locale.ROOT, ", weights halving every %.0f days", halfLifeDays));
    }
    return s.toString();
  }
}
