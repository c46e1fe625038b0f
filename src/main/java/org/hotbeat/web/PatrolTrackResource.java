package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotbeat.InvalidInputException;
import org.hotbeat.community.Dosage;
import org.hotbeat.community.DosageService;

/**
 * {@code POST /api/patrol-tracks}: a GPX track of a patrol as driven or walked (the body, streamed;
 * CSV pings with {@code Content-Type: text/csv}) and the minutes and visits it gave each hotspot per day. Query: {@code problem=ID} and
 * {@code hotspot=LON,LAT,RADIUS_M[,PLANNED_MINUTES]} (each repeatable, at least one; the planned
 * minutes, e.g. a plan's visits × dwell, give the observed share of the plan), {@code unit}, {@code planId},
 * {@code timeZone} (default: the agency's), {@code mergeGapMinutes} (default 2),
 * {@code maxFixGapMinutes} (default 10), {@code agency}.
 */
final class PatrolTrackResource {
  private static final String NUMBER = "\\s*([-+]?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)\\s*";
  private static final Pattern CIRCLE = Pattern.compile(NUMBER + "," + NUMBER + "," + NUMBER
      + "(?:," + NUMBER + ")?");
  private final DosageService dosage;

  PatrolTrackResource(DosageService dosage) {
    this.dosage = dosage;
  }

  void upload(Context ctx) throws Exception {
    Validator<Double> merge = ctx.queryParamAsClass("mergeGapMinutes", Double.class)
        .check(m -> m == null || m >= 0 && m <= 60, "must be 0 to 60 minutes");
    Validator<Double> maxGap = ctx.queryParamAsClass("maxFixGapMinutes", Double.class)
        .check(m -> m == null || m > 0 && m <= 240, "must be more than 0 and at most 240 minutes");
    Validator<List<Long>> problemIds = ctx.queryParamsAsClass("problem", Long.class);
    // The days of a track are the agency's unless the shift kept another clock.
    Validator<String> timeZone = ctx.queryParamAsClass("timeZone", String.class)
        .check(tz -> tz == null || ZoneId.getAvailableZoneIds().contains(tz),
            "is not a time zone such as America/Chicago");
    QueryParams.validateAll(merge, maxGap, problemIds, timeZone);
    List<Long> problems = problemIds.getOrDefault(List.of());
    List<Dosage.Area> circles = new ArrayList<>();
    for (String h : ctx.queryParams("hotspot")) {
      circles.add(circle(h, circles.size() + 1));
    }
    ZoneId zone = timeZone.getOrNull() == null ? null : ZoneId.of(timeZone.get());
    DosageService.Stored s;
    try (InputStream in = ctx.bodyInputStream()) {
      String type = ctx.contentType() == null ? "" : ctx.contentType();
      s = dosage.upload(in, type.startsWith("text/csv"), new DosageService.Upload(ctx.queryParam("agency"),
          ctx.queryParam("unit"), ctx.queryParam("planId"), zone,
          minutes(merge.getOrDefault(2.0)), minutes(maxGap.getOrDefault(10.0)), problems, circles),
          AccessControl.caller(ctx).name());
    }
    ctx.status(201).header("Location", "/api/patrol-tracks/" + s.trackId()).json(s);
  }

  private static Duration minutes(double m) {
    return Duration.ofMillis(Math.round(m * 60_000));
  }

  /** {@code LON,LAT,RADIUS_M[,PLANNED_MINUTES]}, with LON and LAT in range. */
  private static Dosage.Area circle(String text, int n) {
    Matcher m = CIRCLE.matcher(text);
    double lon = m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
    double lat = m.matches() ? Double.parseDouble(m.group(2)) : Double.NaN;
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
      throw new InvalidInputException("hotspot", "'" + text + "' is not "
          + "LON,LAT,RADIUS_M[,PLANNED_MINUTES]");
    }
    Dosage.Area a = Dosage.Area.circle("hotspot:" + n, "hotspot " + n, lon, lat,
        Double.parseDouble(m.group(3)));
    return m.group(4) == null ? a : a.planned(Double.parseDouble(m.group(4)));
  }
}
