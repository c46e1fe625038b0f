package org.hotbeat.community;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A problem in the SARA model (scanning, analysis, response, assessment; then closed): what, where
 * (a beat, a polygon drawn on the map, or a hotspot area from the density layer), which incident
 * categories, where and by whom it was raised, with dated notes and the responses to it.
 *
 * @param area the area as GeoJSON (EPSG:4326)
 * @param publicSummary what the public may read of it, written for the public; null until an
 *     officer sets it ({@link PublicSummaries}); internal text never reaches the public
 */
public record CommunityProblem(long id, String agency, String title, String areaKind, String areaBeat,
    @JsonRawValue String area, List<String> categories, LocalDate raisedOn, String raisedBeat,
    String raisedBy, Long meetingId, String status, String createdBy, Instant createdAt,
    Instant updatedAt, List<Note> notes, List<ProblemResponse> responses, String publicSummary) {

  static final Set<String> RAISED_BY = Set.of("community", "police");

  /** A dated note on a problem; {@code publicSummary} is null until an officer sets it. */
  public record Note(long id, long problemId, LocalDate notedOn, String text, String createdBy,
      Instant createdAt, String publicSummary) {}

  /**
   * Where a problem is: {@code kind} beat (with {@code beat}), polygon or hotspot (with the
   * GeoJSON polygon).
   */
  public record Area(String kind, String beat, String polygonGeoJson) {}

  /** A new problem, or the fields a change sets (null: unchanged). */
  public record Input(String agency, String title, Area area, List<String> categories,
      LocalDate raisedOn, String raisedBeat, String raisedBy, Long meetingId, String status) {
    public Input checked(boolean create) {
      if (create) {
        Checks.required("title", title);
        Checks.required("area", area);
        Checks.required("raisedOn", raisedOn);
        Checks.required("raisedBeat", raisedBeat);
        Checks.required("raisedBy", raisedBy);
      }
      Checks.text("title", title, 200);
      Checks.texts("categories", categories, 50, 100);
      Checks.text("raisedBeat", raisedBeat, 50);
      Checks.oneOf("raisedBy", raisedBy, RAISED_BY);
      Checks.oneOf("status", status, Checks.SARA);
      return this;
    }
  }
}
