package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hotbeat.InvalidInputException;
import org.hotbeat.access.Role;
import org.hotbeat.config.Limits;
import org.hotbeat.density.HeatDefaults;
import org.hotbeat.density.Kernel;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.tiles.HeatQuery;

/**
 * The density parameters shared by heat tiles and density exports: the incident filters of
 * {@link IncidentParams}, {@code bandwidth} (true metres, default {@link HeatDefaults#BANDWIDTH_M}),
 * {@code kernel} (default quartic) and {@code per} (day, week, month or year: a rate over the
 * {@code from}–{@code to} period). Heat tiles also take {@code countShare} (0–1) and
 * {@code countCell} (metres): the blend with own-cell counts that the backtest chose, on by
 * default for patrol and analysts ({@link HeatDefaults}), never for the public.
 */
final class DensityParams {
  static final double DEFAULT_BANDWIDTH = HeatDefaults.BANDWIDTH_M;
  private static final Map<String, Duration> UNITS = Map.of("day", Duration.ofDays(1),
      "week", Duration.ofDays(7), "month", Duration.ofMinutes(43_830),
      "year", Duration.ofMinutes(525_960));

  private DensityParams() {}

  /**
   * Reads and validates the parameters, the bandwidth once and in true metres against
   * {@link Limits#maxBandwidthMetres()}. Callers without a patrol or analyst role may not go
   * below {@link Limits#publicMinBandwidthMetres()}. With {@code blend} false (exports) the count
   * blend is neither the default nor allowed.
   */
  static HeatQuery read(Context ctx, Limits limits, boolean blend) {
    double maxBandwidth = limits.maxBandwidthMetres();
    double publicMinBandwidth = limits.publicMinBandwidthMetres();
    Validator<Double> bandwidth = ctx.queryParamAsClass("bandwidth", Double.class)
        .check(b -> b == null || (b > 0 && b <= maxBandwidth), "must be more than 0 and at most "
            + (int) maxBandwidth + " m (limit " + Limits.MAX_BANDWIDTH + ")");
    Validator<String> per = ctx.queryParamAsClass("per", String.class)
        .check(p -> p == null || UNITS.containsKey(p), "must be day, week, month or year");
    Validator<Double> share = ctx.queryParamAsClass("countShare", Double.class)
        .check(v -> v == null || (v >= 0 && v <= 1), "must be 0 to 1");
    Validator<Double> countCell = ctx.queryParamAsClass("countCell", Double.class)
        .check(v -> v == null || (v > 0 && v <= maxBandwidth), "must be more than 0 and at most "
            + (int) maxBandwidth + " m (limit " + Limits.MAX_BANDWIDTH + ")");
    QueryParams.validateAll(bandwidth, per, share, countCell);
    Validator<String> kernelName = ctx.queryParamAsClass("kernel", String.class)
        .check(k -> k == null || Kernel.byName(k).isPresent(),
            "must be quartic, gaussian, epanechnikov or uniform");
    QueryParams.validateAll(kernelName);
    Kernel kernel = Kernel.parse(kernelName.getOrDefault("quartic"));
    Role role = AccessControl.caller(ctx).role();
    boolean full = role.grants(Role.PATROL);
    // Patrol sees no single incidents (access.Role): it keeps the default layer's coarseness.
    boolean coarse = !role.grants(Role.ANALYST);
    double bw = bandwidth.getOrDefault(full ? DEFAULT_BANDWIDTH
        : Math.max(DEFAULT_BANDWIDTH, publicMinBandwidth));
    if (bw < publicMinBandwidth && coarse) {
      throw new InvalidInputException("bandwidth", (full ? "the patrol role uses" : "public maps use")
          + " at least " + (int) publicMinBandwidth + " m, so that no single address can be read "
          + "off them");
    }
    if (share.getOrNull() != null && share.get() > 0 && !(full && blend)) {
      throw new InvalidInputException("countShare", full ? "exports are kernel densities only"
          : "public maps show smoothed densities only, never cell counts");
    }
    double countShare = full && blend ? share.getOrDefault(HeatDefaults.COUNT_SHARE) : 0;
    double cellM = countCell.getOrDefault(HeatDefaults.COUNT_CELL_M);
    if (countShare > 0 && coarse && cellM < HeatDefaults.COUNT_CELL_M) {
      throw new InvalidInputException("countCell", "the patrol role uses count cells of at least "
          + (int) HeatDefaults.COUNT_CELL_M + " m, so that no single incident can be read off "
          + "them");
    }
    if (!full && per.getOrNull() != null && !List.of("month", "year").contains(per.get())) {
      throw new InvalidInputException("per", "public maps give rates per month or year only");
    }
    IncidentQuery filter = IncidentParams.read(ctx, 1);
    String unit = per.getOrNull();
    double periods = 1;
    if (unit != null) {
      if (filter.from() == null || filter.to() == null) {
        throw new InvalidInputException("per", "a rate per " + unit + " needs from and to");
      }
      periods = Duration.between(filter.from(), filter.to()).toMinutes()
          / (double) UNITS.get(unit).toMinutes();
    }
    String key = String.join("|", String.valueOf(filter.agency()),
        filter.bbox() == null ? "" : java.util.Arrays.toString(filter.bbox()),
        String.valueOf(filter.from()), String.valueOf(filter.to()),
        new TreeSet<>(filter.categories()).toString(), new TreeSet<>(filter.offenses()).toString(),
        new TreeSet<>(filter.hours()).toString(), new TreeSet<>(filter.weekdays()).toString(),
        String.valueOf(filter.beat()), kernel.name(), Double.toString(bw), String.valueOf(unit),
        Double.toString(countShare), Double.toString(countShare > 0 ? cellM : 0),
        full ? "" : "public");
    return new HeatQuery(filter, kernel, bw, periods, unit, key, countShare,
        countShare > 0 ? cellM : 0, full ? 0 : limits.publicHeatCellMetres(),
        full ? 0 : limits.publicMinCount());
  }

}
