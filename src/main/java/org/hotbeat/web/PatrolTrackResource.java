package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
  private final DosageService dosage;

  PatrolTrackResource(DosageService dosage) {
    this.dosage = dosage;
  }

  void upload(Context ctx) throws Exception {
    Validator<Double> merge = ctx.queryParamAsClass("mergeGapMinutes", Double.class)
        .check(m -> m == null || m >= 0 && m <= 60, "must be 0 to 60 minutes");
    Validator<Double> maxGap = ctx.queryParamAsClass("maxFixGapMinutes", Double.class)
        .check(m -> m == null || m > 0 && m <= 240, "must be more than 0 and at most 240 minutes");
    QueryParams.validateAll(merge, maxGap);
    List<Long> problems = new ArrayList<>();
    for (String p : ctx.queryParams("problem")) {
      try {
        problems.add(Long.parseLong(p.strip()));
      } catch (NumberFormatException e) {
        throw ProblemException.badRequest("problem", "'" + p + "' is not a problem id");
      }
    }
    List<Dosage.Area> circles = new ArrayList<>();
    for (String h : ctx.queryParams("hotspot")) {
      circles.add(circle(h, circles.size() + 1));
    }
    ZoneId zone = null;
    String tz = ctx.queryParam("timeZone");
    if (tz != null) {
      try {
        zone = ZoneId.of(tz);
      } catch (DateTimeException e) {
        throw ProblemException.badRequest("timeZone", "'" + tz + "' is not a time zone such as "
            + "America/Chicago");
      }
    }
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

  private static Dosage.Area circle(String text, int n) {
    String[] p = text.split(",");
    try {
      if (p.length == 3 || p.length == 4) {
        double lon = Double.parseDouble(p[0]);
        double lat = Double.parseDouble(p[1]);
        if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
          Dosage.Area a = Dosage.Area.circle("hotspot:" + n, "hotspot " + n, lon, lat,
              Double.parseDouble(p[2]));
          return p.length == 4 ? a.planned(Double.parseDouble(p[3])) : a;
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.badRequest("hotspot", "'" + text + "' is not "
        + "LON,LAT,RADIUS_M[,PLANNED_MINUTES]");
  }
}
