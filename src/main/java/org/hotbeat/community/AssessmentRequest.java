package org.hotbeat.community;

import java.util.List;
import org.hotbeat.InvalidInputException;

/**
 * What to assess. The buffer is the ring of {@code bufferMetres} around the response area (the
 * response area itself excluded). Periods of different lengths are refused unless
 * {@code normalise}: the counts are then also given per day, and the report says so.
 *
 * @param agency the agency, or null when the database holds only one
 * @param categories incident categories, or empty for all
 */
public record AssessmentRequest(String agency, AreaSpec response, double bufferMetres,
    AreaSpec control, Period before, Period after, List<String> categories, boolean normalise) {
  public static final double MAX_BUFFER_METRES = 10_000;

  public AssessmentRequest {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** Checks everything that needs no database; throws {@link InvalidInputException}. */
  public AssessmentRequest checked() {
    if (response == null) {
      throw new InvalidInputException("response", "is required (a beat or a polygon)");
    }
    if (control == null) {
      throw new InvalidInputException("control", "is required (a beat or a polygon)");
    }
    response.checked("response");
    control.checked("control");
    if (!(bufferMetres > 0 && bufferMetres <= MAX_BUFFER_METRES)) {
      throw new InvalidInputException("bufferMetres", "must be more than 0 and at most "
          + (int) MAX_BUFFER_METRES + " metres");
    }
    if (before == null) {
      throw new InvalidInputException("before", "is required");
    }
    if (after == null) {
      throw new InvalidInputException("after", "is required");
    }
    Period.checked("before", before);
    Period.checked("after", after);
    if (after.from().isBefore(before.to())) {
      throw new InvalidInputException("after", "starts (" + after.from() + ") before the 'before' "
          + "period ends (" + before.to() + "): the periods overlap");
    }
    if (before.days() != after.days() && !normalise) {
      throw new InvalidInputException("after", "lasts " + after.days() + " days but 'before' lasts "
          + before.days() + ": give periods of equal length, or set normalise to compare counts "
          + "per day");
    }
    return this;
  }
}
