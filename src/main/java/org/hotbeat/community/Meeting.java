package org.hotbeat.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A community meeting of a beat: when, how many came, the concerns raised, and the share of those
 * surveyed who said they were satisfied (0–100), if a survey was taken.
 */
public record Meeting(long id, String agency, String beat, LocalDate heldOn, Integer attendance,
    List<String> concerns, Double satisfaction, String createdBy, Instant createdAt,
    Instant updatedAt) {

  /** A new meeting, or the fields a change sets (null: unchanged). */
  public record Input(String agency, String beat, LocalDate heldOn, Integer attendance,
      List<String> concerns, Double satisfaction) {
    /** Checks the fields that are set; with {@code create} the required ones must be. */
    public Input checked(boolean create) {
      if (create) {
        Checks.required("beat", beat);
        Checks.required("heldOn", heldOn);
      }
      Checks.text("beat", beat, 50);
      Checks.range("attendance", attendance, 0, 100_000);
      Checks.range("satisfaction", satisfaction, 0, 100);
      Checks.texts("concerns", concerns, 100, 500);
      return this;
    }
  }
}
