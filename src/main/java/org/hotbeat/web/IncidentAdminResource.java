package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.InvalidInputException;
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

  private static final ObjectMapper JSON = WebApp.objectMapper();
  private static final List<String> FIELDS = List.of("occurred_at", "offense", "category", "lon",
      "lat", "location_precision");

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
    Patch p = readPatch(ctx);
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    Instant at = null;
    if (p.occurred_at() != null) {
      try {
        at = TimeParams.instant(ctx, "occurred_at", p.occurred_at(), agency);
        addIfBad(errors, "occurred_at", IncidentValues.timeProblem(p.occurred_at(), at, clock));
      } catch (InvalidInputException e) {
        errors.add(new ProblemDetail.FieldError(e.field(), e.reason()));
      }
    }
    if (p.offense() != null) {
      addIfBad(errors, "offense", IncidentValues.textProblem("the offence code", p.offense(),
          IncidentValues.MAX_CODE_CHARS));
    }
    if (p.category() != null && !Taxonomy.isCategory(p.category())) {
      errors.add(new ProblemDetail.FieldError("category", "must be one of " + Taxonomy.CATEGORIES));
    }
    if ((p.lon() == null) != (p.lat() == null)) {
      errors.add(new ProblemDetail.FieldError("lat", "lon and lat go together"));
    } else if (p.lon() != null) {
      String bad = IncidentValues.pointProblem(p.lon(), p.lat());
      if (bad == null) {
        bad = corrections.beatEnvelope(agency).map(b -> b.whyOutside(p.lon(), p.lat()))
            .orElse(null);
      }
      addIfBad(errors, "lon", bad);
    }
    if (p.location_precision() != null
        && !List.of("exact", "block", "street", "anonymised").contains(p.location_precision())) {
      errors.add(new ProblemDetail.FieldError("location_precision",
          "must be exact, block, street or anonymised"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(400, "Bad Request", "invalid correction", errors);
    }
    String after = corrections.correct(agency, sourceId,
        new IncidentCorrections.Correction(at, p.offense(), p.category(), p.lon(), p.lat(),
            p.location_precision()), AccessControl.caller(ctx).name())
        .orElseThrow(() -> notFound(ctx));
    ctx.json(new Corrected(after));
  }

  /** The body as a {@link Patch}; anything but a JSON object of its fields is a 400. */
  private static Patch readPatch(Context ctx) {
    JsonNode node;
    try {
      node = JSON.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw new ProblemException(400, "Bad Request", "the body is not valid JSON: "
          + e.getOriginalMessage(), null);
    }
    if (node == null || !node.isObject()) {
      throw new ProblemException(400, "Bad Request", "the body must be a JSON object of the "
          + "fields to change: " + String.join(", ", FIELDS), null);
    }
    try {
      return JSON.treeToValue(node, Patch.class);
    } catch (JsonProcessingException e) {
      // Jackson's own message names Java types; say it in the API's terms.
      String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
          ? m.getPath().get(0).getFieldName() : "body";
      String why = e instanceof UnrecognizedPropertyException
          ? "is not a field of a correction (" + String.join(", ", FIELDS) + ")"
          : "has the wrong type";
      throw new ProblemException(400, "Bad Request", "invalid correction",
          List.of(new ProblemDetail.FieldError(field, why)));
    }
  }

  private static void addIfBad(List<ProblemDetail.FieldError> errors, String field, String reason) {
    if (reason != null) {
      errors.add(new ProblemDetail.FieldError(field, reason));
    }
  }

  private static ProblemException notFound(Context ctx) {
    return ProblemException.notFound("agency " + ctx.pathParam("agency") + " has no incident "
        + ctx.pathParam("sourceId"));
  }
}
