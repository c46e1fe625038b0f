package org.hotbeat.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.community.AreaSpec;
import org.hotbeat.community.AssessmentPlot;
import org.hotbeat.community.AssessmentRequest;
import org.hotbeat.community.AssessmentService;
import org.hotbeat.community.ControlCandidates;
import org.hotbeat.community.Period;

/**
 * {@code POST /api/assessments}: WDQ and relative effect size for a response area against a
 * buffer and a control area ({@code ?format=svg}: the monthly plot instead), and
 * {@code GET /api/assessments/control-candidates}: control beats like the response beat.
 */
final class AssessmentResource {
  /** An area: {@code {"beat": "0111"}} or {@code {"polygon": <GeoJSON>}}. */
  record AreaBody(String beat, JsonNode polygon) {
    AreaSpec spec() {
      // The service reads the polygon (geo.GeoJsonAreas), naming the field.
      return new AreaSpec(beat, polygon == null || polygon.isNull() ? null : polygon.toString());
    }
  }

  /** The request body; periods as {@code FROM/TO} (ISO dates, TO exclusive). */
  record Body(String agency, AreaBody response, Double bufferMetres, AreaBody control,
      String before, String after, List<String> categories, Boolean normalise) {}

  private final AssessmentService assessments;
  private final ControlCandidates candidates;

  AssessmentResource(AssessmentService assessments, ControlCandidates candidates) {
    this.assessments = assessments;
    this.candidates = candidates;
  }

  void assess(Context ctx) throws SQLException {
    String format = ctx.queryParam("format");
    if (format != null && !format.equals("json") && !format.equals("svg")) {
      throw new InvalidInputException("format", "must be json or svg");
    }
    Body b = ctx.bodyAsClass(Body.class);
    if (b == null) {
      throw new InvalidInputException("body", "is required");
    }
    if (b.bufferMetres() == null) {
      throw new InvalidInputException("bufferMetres", "is required");
    }
    var result = assessments.assess(new AssessmentRequest(b.agency(),
        b.response() == null ? null : b.response().spec(), b.bufferMetres(),
        b.control() == null ? null : b.control().spec(), Period.parse("before",
        b.before()), Period.parse("after", b.after()), b.categories(),
        Boolean.TRUE.equals(b.normalise())));
    if ("svg".equals(format)) {
      ctx.contentType("image/svg+xml").result(AssessmentPlot.svg(result));
    } else {
      ctx.json(result);
    }
  }

  void controlCandidates(Context ctx) throws SQLException {
    Validator<String> response = ctx.queryParamAsClass("response", String.class).required();
    Validator<String> before = ctx.queryParamAsClass("before", String.class).required();
    Validator<Double> buffer = ctx.queryParamAsClass("bufferMetres", Double.class)
        .check(m -> m == null || m >= 0 && m <= AssessmentRequest.MAX_BUFFER_METRES,
            "must be 0 to 10000");
    Validator<Integer> limit = ctx.queryParamAsClass("limit", Integer.class)
        .check(n -> n == null || n >= 1 && n <= 100, "must be 1 to 100");
    QueryParams.validateAll(response, before, buffer, limit);
    String cats = ctx.queryParam("categories");
    ctx.json(candidates.suggest(ctx.queryParam("agency"), response.get(),
        Period.parse("before", before.get()), buffer.getOrDefault(400.0),
        cats == null || cats.isBlank() ? List.of()
            : Arrays.stream(cats.split(",")).map(String::strip).toList(),
        limit.getOrDefault(10)));
  }
}
