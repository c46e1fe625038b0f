package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import org.hotbeat.access.Role;
import org.hotbeat.density.DensityRequest;
import org.hotbeat.density.Kernel;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.tiles.HeatQuery;

/**
 * The density parameters shared by heat tiles and density exports: the incident filters of
 * {@link IncidentParams}, {@code bandwidth} (true metres, default {@value #DEFAULT_BANDWIDTH}),
 * {@code kernel} (default quartic) and {@code per} (day, week, month or year: a rate over the
 * {@code from}–{@code to} period).
 */
final class DensityParams {
  static final double DEFAULT_BANDWIDTH = 300;
  private static final Map<String, Duration> UNITS = Map.of("day", Duration.ofDays(1),
      "week", Duration.ofDays(7), "month", Duration.ofMinutes(43_830),
      "year", Duration.ofMinutes(525_960));

  private DensityParams() {}

  /** Callers without a patrol or analyst token may not go below {@code publicMinBandwidth}. */
  static HeatQuery read(Context ctx, double publicMinBandwidth) {
    Validator<Double> bandwidth = ctx.queryParamAsClass("bandwidth", Double.class)
        .check(b -> b == null || (b > 0 && b <= DensityRequest.MAX_BANDWIDTH_M),
            "must be more than 0 and at most " + (int) DensityRequest.MAX_BANDWIDTH_M + " m");
    Validator<String> per = ctx.queryParamAsClass("per", String.class)
        .check(p -> p == null || UNITS.containsKey(p), "must be day, week, month or year");
    QueryParams.validateAll(bandwidth, per);
    Kernel kernel;
    try {
      kernel = Kernel.parse(ctx.queryParamAsClass("kernel", String.class).getOrDefault("quartic"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("kernel", e.getMessage());
    }
    double bw = bandwidth.getOrDefault(DEFAULT_BANDWIDTH);
    if (bw < publicMinBandwidth && !AccessControl.caller(ctx).role().grants(Role.PATROL)) {
      throw ProblemException.badRequest("bandwidth", "public maps use at least "
          + (int) publicMinBandwidth + " m, so that no single address can be read off them");
    }
    IncidentQuery filter = IncidentParams.read(ctx, 1);
    String unit = per.getOrNull();
    double periods = 1;
    if (unit != null) {
      if (filter.from() == null || filter.to() == null) {
        throw ProblemException.badRequest("per", "a rate per " + unit + " needs from and to");
      }
      periods = Duration.between(filter.from(), filter.to()).toMinutes()
          / (double) UNITS.get(unit).toMinutes();
    }
    String key = String.join("|", String.valueOf(filter.agency()),
        filter.bbox() == null ? "" : java.util.Arrays.toString(filter.bbox()),
        String.valueOf(filter.from()), String.valueOf(filter.to()),
        new TreeSet<>(filter.categories()).toString(), new TreeSet<>(filter.offenses()).toString(),
        new TreeSet<>(filter.hours()).toString(), new TreeSet<>(filter.weekdays()).toString(),
        String.valueOf(filter.beat()), kernel.name(), Double.toString(bw), String.valueOf(unit));
    return new HeatQuery(filter, kernel, bw, periods, unit, key);
  }

}
