package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.ingest.Taxonomy;
import org.hotbeat.store.IncidentCorrections;

/**
 * Admin corrections of single records, each audited: {@code DELETE} and {@code PATCH}
 * {@code /api/incidents/{agency}/{sourceId}}. A PATCH body names only what changes:
 * {@code occurred_at}, {@code offense}, {@code category}, {@code lon} + {@code lat},
 * {@code location_precision}.
 */
final class IncidentAdminResource {
  /** The PATCH body. */
  record Patch(String occurred_at, String offense, String category, Double lon, Double lat,
      String location_precision) {}

  record Corrected(@JsonRawValue String incident) {}

  private final IncidentCorrections corrections;

  IncidentAdminResource(IncidentCorrections corrections) {
    this.corrections = corrections;
  }

  void delete(Context ctx) throws SQLException {
    if (!corrections.delete(ctx.pathParam("agency"), ctx.pathParam("sourceId"),
        AccessControl.caller(ctx).name())) {
      throw notFound(ctx);
    }
    ctx.status(204);
  }

  void patch(Context ctx) throws SQLException {
    Patch p = ctx.bodyAsClass(Patch.class);
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    Instant at = null;
    if (p.occurred_at() != null) {
      try {
        at = TimeParams.instant(ctx, "occurred_at", p.occurred_at(), ctx.pathParam("agency"));
      } catch (InvalidInputException e) {
        errors.add(new ProblemDetail.FieldError(e.field(), e.reason()));
      }
    }
    if (p.category() != null && !Taxonomy.isCategory(p.category())) {
      errors.add(new ProblemDetail.FieldError("category", "must be one of " + Taxonomy.CATEGORIES));
    }
    if ((p.lon() == null) != (p.lat() == null)) {
      errors.add(new ProblemDetail.FieldError("lat", "lon and lat go together"));
    } else if (p.lon() != null && !(Math.abs(p.lon()) <= 180 && Math.abs(p.lat()) <= 90)) {
      errors.add(new ProblemDetail.FieldError("lon", "lon/lat out of range"));
    }
    if (p.location_precision() != null
        && !List.of("exact", "block", "street", "anonymised").contains(p.location_precision())) {
      errors.add(new ProblemDetail.FieldError("location_precision",
          "must be exact, block, street or anonymised"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(400, "Bad Request", "invalid correction", errors);
    }
    String after = corrections.correct(ctx.pathParam("agency"), ctx.pathParam("sourceId"),
        new IncidentCorrections.Correction(at, p.offense(), p.category(), p.lon(), p.lat(),
            p.location_precision()), AccessControl.caller(ctx).name())
        .orElseThrow(() -> notFound(ctx));
    ctx.json(new Corrected(after));
  }

  private static ProblemException notFound(Context ctx) {
    return ProblemException.notFound("agency " + ctx.pathParam("agency") + " has no incident "
        + ctx.pathParam("sourceId"));
  }
}
