package org.hotbeat.community;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A number that may be undefined for the data at hand (a zero count in a denominator, say). An
 * undefined measure carries the reason in plain words instead of a NaN or an infinity, so clients
 * and reports can say why.
 *
 * @param value the measure, or null when undefined
 * @param undefined why there is no value, or null when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measure(Double value, String undefined) {
  public Measure {
    if ((value == null) == (undefined == null)) {
      throw new IllegalArgumentException("a measure has either a value or a reason, not both");
    }
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException("a measure's value must be finite, not " + value);
    }
  }

  public static Measure of(double value) {
    return new Measure(value, null);
  }

  public static Measure undefined(String reason) {
    return new Measure(null, reason);
  }

  public boolean defined() {
    return value != null;
  }
}
