package org.hotbeat.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.hotbeat.InvalidInputException;

/**
 * A dated intervention on a problem: hotspot patrols, lighting, a closure, partner work… A
 * hotspot patrol may name the patrol plan (issue 7) that set its planned presence.
 * {@code publicSummary} is what the public may read of it, null until an officer sets it.
 */
public record ProblemResponse(long id, long problemId, String kind, String description,
    LocalDate startedOn, LocalDate endedOn, String planId, String createdBy, Instant createdAt,
    Instant updatedAt, String publicSummary) {
  public static final Set<String> KINDS = Set.of("hotspot patrol", "lighting", "closure",
      "partner", "environmental", "other");

  /** A new response, or the fields a change sets (null: unchanged). */
  public record Input(String kind, String description, LocalDate startedOn, LocalDate endedOn,
      String planId) {
    public Input checked(boolean create) {
      if (create) {
        Checks.required("kind", kind);
        Checks.required("description", description);
        Checks.required("startedOn", startedOn);
      }
      Checks.oneOf("kind", kind, KINDS);
      Checks.text("description", description, 2000);
      Checks.text("planId", planId, 100);
      if (startedOn != null && endedOn != null && endedOn.isBefore(startedOn)) {
        throw new InvalidInputException("endedOn", "is before startedOn");
      }
      return this;
    }
  }
}
