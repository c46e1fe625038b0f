package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.hotbeat.InvalidInputException;
import org.hotbeat.community.AuditRepository;
import org.hotbeat.community.CommunityProblem;
import org.hotbeat.community.CommunityProblemRepository;
import org.hotbeat.community.Meeting;
import org.hotbeat.community.MeetingRepository;
import org.hotbeat.community.ProblemResponse;
import org.hotbeat.community.PublicSummaries;
import org.hotbeat.community.ResponseRepository;
import org.hotbeat.geo.GeoJsonAreas;
import org.hotbeat.time.TimeWindow;

/**
 * The problem log under {@code /api/community}: meetings, problems (SARA), notes, responses and
 * the audit. Created and changed by patrol or analyst tokens, deleted by admins; every change is
 * audited with the token's name.
 */
final class CommunityResource {
  /**
   * A problem as clients send it; {@code area} is {@code {"beat": "0111"}},
   * {@code {"polygon": <GeoJSON>}} or {@code {"hotspot": <GeoJSON from the density layer>}}.
   */
  record ProblemBody(String agency, String title, JsonNode area, List<String> categories,
      LocalDate raisedOn, String raisedBeat, String raisedBy, Long meetingId, String status) {
    CommunityProblem.Input input() {
      return new CommunityProblem.Input(agency, title, area == null ? null : area(area), categories,
          raisedOn, raisedBeat, raisedBy, meetingId, status);
    }

    private static CommunityProblem.Area area(JsonNode a) {
      if (a.hasNonNull("beat") && a.size() == 1) {
        return new CommunityProblem.Area("beat", a.get("beat").asText(), null);
      }
      for (String kind : List.of("polygon", "hotspot")) {
        if (a.hasNonNull(kind) && a.size() == 1) {
          return new CommunityProblem.Area(kind, null, GeoJsonAreas.write(
              GeoJsonAreas.read("area." + kind, a.get(kind).toString())));
        }
      }
      throw new InvalidInputException("area", "give one of beat, polygon or hotspot");
    }
  }

  record NoteBody(LocalDate date, String text) {}

  record Feature(String type, long id, @JsonRawValue String geometry,
      ProblemProperties properties) {}

  /** What the map shows of a problem. */
  record ProblemProperties(String title, String status, List<String> categories, String raisedOn,
      String raisedBeat, String raisedBy, String areaKind) {}

  /** A list's {@code from}/{@code to} as calendar days of the agency's clock, {@code to} excluded. */
  private record Days(LocalDate from, LocalDate to) {
    static Days of(Context ctx) {
      TimeWindow w = TimeParams.window(ctx, "from", "to");
      Supplier<ZoneId> clock = TimeParams.clock(ctx, ctx.queryParam("agency"));
      return new Days(day(w.from(), clock), day(w.to(), clock));
    }

    private static LocalDate day(Instant at, Supplier<ZoneId> clock) {
      return at == null ? null : LocalDate.ofInstant(at, clock.get());
    }
  }

  record FeatureCollection(String type, List<Feature> features) {}

  private final MeetingRepository meetings;
  private final CommunityProblemRepository problems;
  private final ResponseRepository responses;
  private final AuditRepository audit;
  private final PublicSummaries summaries;

  CommunityResource(MeetingRepository meetings, CommunityProblemRepository problems, ResponseRepository responses,
      AuditRepository audit, PublicSummaries summaries) {
    this.meetings = meetings;
    this.problems = problems;
    this.responses = responses;
    this.audit = audit;
    this.summaries = summaries;
  }

  /** The text a problem, note or response shows the public; null withdraws it. */
  record PublicSummaryBody(String publicSummary) {}

  /**
   * {@code PUT /api/community/{problems|notes|responses}/{id}/public-summary}: sets what the
   * public may read of a record (docs/privacy.md); 204.
   */
  Handler publicSummary(String kind) {
    return ctx -> {
      summaries.set(kind, id(ctx), body(ctx, PublicSummaryBody.class).publicSummary(), who(ctx));
      ctx.status(204);
    };
  }

  private static String who(Context ctx) {
    return AccessControl.caller(ctx).name();
  }

  private static long id(Context ctx) {
    return ctx.pathParamAsClass("id", Long.class).get();
  }

  private static <T> T body(Context ctx, Class<T> type) {
    T b = ctx.bodyAsClass(type);
    if (b == null) {
      throw new InvalidInputException("body", "is required");
    }
    return b;
  }

  private static void created(Context ctx, String path, long id, Object body) {
    ctx.status(201).header("Location", path + "/" + id).json(body);
  }

  void createMeeting(Context ctx) throws SQLException {
    Meeting m = meetings.create(body(ctx, Meeting.Input.class), who(ctx));
    created(ctx, "/api/community/meetings", m.id(), m);
  }

  void meeting(Context ctx) throws SQLException {
    ctx.json(meetings.get(id(ctx)));
  }

  void updateMeeting(Context ctx) throws SQLException {
    ctx.json(meetings.update(id(ctx), body(ctx, Meeting.Input.class), who(ctx)));
  }

  void deleteMeeting(Context ctx) throws SQLException {
    meetings.delete(id(ctx), who(ctx));
    ctx.status(204);
  }

  void listMeetings(Context ctx) throws SQLException {
    Days days = Days.of(ctx);
    ctx.json(meetings.list(ctx.queryParam("agency"), ctx.queryParam("beat"), days.from(),
        days.to(), 1000));
  }

  void createProblem(Context ctx) throws SQLException {
    CommunityProblem p = problems.create(body(ctx, ProblemBody.class).input(), who(ctx));
    created(ctx, "/api/community/problems", p.id(), p);
  }

  void problem(Context ctx) throws SQLException {
    ctx.json(problems.get(id(ctx)));
  }

  void updateProblem(Context ctx) throws SQLException {
    ctx.json(problems.update(id(ctx), body(ctx, ProblemBody.class).input(), who(ctx)));
  }

  void deleteProblem(Context ctx) throws SQLException {
    problems.delete(id(ctx), who(ctx));
    ctx.status(204);
  }

  /** The problems as GeoJSON, for the map: each problem's area with its title and status. */
  void listProblems(Context ctx) throws SQLException {
    Days days = Days.of(ctx);
    List<Feature> features = problems.list(ctx.queryParam("agency"), ctx.queryParam("beat"),
        ctx.queryParam("status"), days.from(), days.to(), 1000).stream()
        .map(p -> new Feature("Feature", p.id(), p.area(), new ProblemProperties(p.title(),
            p.status(), p.categories(), p.raisedOn().toString(), p.raisedBeat(), p.raisedBy(),
            p.areaKind())))
        .toList();
    ctx.json(new FeatureCollection("FeatureCollection", features));
  }

  void addNote(Context ctx) throws SQLException {
    NoteBody b = body(ctx, NoteBody.class);
    long problem = id(ctx);
    CommunityProblem.Note n = problems.addNote(problem, b.date(), b.text(), who(ctx));
    created(ctx, "/api/community/problems/" + problem + "/notes", n.id(), n);
  }

  void addResponse(Context ctx) throws SQLException {
    ProblemResponse r = responses.create(id(ctx), body(ctx, ProblemResponse.Input.class),
        who(ctx));
    created(ctx, "/api/community/responses", r.id(), r);
  }

  void updateResponse(Context ctx) throws SQLException {
    ctx.json(responses.update(id(ctx), body(ctx, ProblemResponse.Input.class), who(ctx)));
  }

  void deleteResponse(Context ctx) throws SQLException {
    responses.delete(id(ctx), who(ctx));
    ctx.status(204);
  }

  /** {@code GET /api/community/audit?entity=problem&id=3}: the changes, oldest first. */
  void audit(Context ctx) throws SQLException {
    Validator<Long> id = ctx.queryParamAsClass("id", Long.class);
    QueryParams.validateAll(id);
    String entity = ctx.queryParam("entity");
    if (entity != null && !List.of("meeting", "problem", "note", "response").contains(entity)) {
      throw new InvalidInputException("entity", "must be meeting, problem, note or response");
    }
    ctx.json(audit.list(entity, id.getOrNull(), 1000));
  }
}
