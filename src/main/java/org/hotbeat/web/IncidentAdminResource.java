package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.ingest.IncidentValues;
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
  private final Clock clock;

  IncidentAdminResource(IncidentCorrections corrections, Clock clock) {
    this.corrections = corrections;
    this.clock = clock;
  }

  void delete(Context ctx) throws SQLException {
    if (!corrections.delete(ctx.pathParam("agency"), ctx.pathParam("sourceId"),
        AccessControl.caller(ctx).name())) {
      throw notFound(ctx);
    }
    ctx.status(204);
  }

  /**
   * Validates every field by the rules imports follow ({@link IncidentValues}, and the agency's
   * beats for a moved point), so a correction can store nothing an import would refuse.
   */
  void patch(Context ctx) throws SQLException {
    String agency = ctx.pathParam("agency");
    String sourceId = ctx.pathParam("sourceId");
    // Read strictly by the app's JSON mapper: null, a non-object or an unknown field is a 400.
    Patch p = ctx.bodyAsClass(Patch.class);
    FieldErrors errors = new FieldErrors();
    Instant at = null;
    if (p.occurred_at() != null) {
      try {
        at = TimeParams.instant(ctx, "occurred_at", p.occurred_at(), agency);
        errors.addIfAny("occurred_at", IncidentValues.timeProblem(p.occurred_at(), at, clock));
      } catch (InvalidInputException e) {
        errors.add(e);
      }
    }
    if (p.offense() != null) {
      errors.addIfAny("offense", IncidentValues.textProblem("the offence code", p.offense(),
          IncidentValues.MAX_CODE_CHARS));
    }
    if (p.category() != null && !Taxonomy.isCategory(p.category())) {
      errors.add("category", "must be one of " + Taxonomy.CATEGORIES);
    }
    if ((p.lon() == null) != (p.lat() == null)) {
      errors.add("lat", "lon and lat go together");
    } else if (p.lon() != null) {
      String bad = IncidentValues.pointProblem(p.lon(), p.lat());
      if (bad == null) {
        bad = corrections.beatEnvelope(agency).map(b -> b.whyOutside(p.lon(), p.lat()))
            .orElse(null);
      }
      errors.addIfAny("lon", bad);
    }
    if (p.location_precision() != null
        && !List.of("exact", "block", "street", "anonymised").contains(p.location_precision())) {
      errors.add("location_precision", "must be exact, block, street or anonymised");
    }
    errors.throwIfAny();
    String after = corrections.correct(agency, sourceId,
        new IncidentCorrections.Correction(at, p.offense(), p.category(), p.lon(), p.lat(),
            p.location_precision()), AccessControl.caller(ctx).name())
        .orElseThrow(() -> notFound(ctx));
    ctx.json(new Corrected(after));
  }

  private static NotFoundException notFound(Context ctx) {
    return new NotFoundException("agency " + ctx.pathParam("agency") + " has no incident "
        + ctx.pathParam("sourceId"));
  }
}
