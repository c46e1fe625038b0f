package org.hotbeat.community;

import java.util.List;
import java.util.Set;
import org.hotbeat.InvalidInputException;

/** Field checks shared by the community inputs; each throws {@link InvalidInputException}. */
final class Checks {
  static final Set<String> SARA = Set.of("scanning", "analysis", "response", "assessment",
      "closed");

  private Checks() {}

  static void required(String field, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
  }

  static void text(String field, String value, int max) {
    if (value != null && (value.isBlank() || value.length() > max)) {
      throw new InvalidInputException(field, "must be 1 to " + max + " characters");
    }
  }

  static void range(String field, Number value, double min, double max) {
    if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
      throw new InvalidInputException(field, "must be from " + (long) min + " to " + (long) max);
    }
  }

  static void texts(String field, List<String> values, int maxCount, int maxLength) {
    if (values == null) {
      return;
    }
    if (values.size() > maxCount) {
      throw new InvalidInputException(field, "at most " + maxCount + " entries");
    }
    for (String v : values) {
      if (v == null || v.isBlank() || v.length() > maxLength) {
        throw new InvalidInputException(field, "each entry must be 1 to " + maxLength
            + " characters");
      }
    }
  }

  static void oneOf(String field, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new InvalidInputException(field, "must be one of " + String.join(", ",
          allowed.stream().sorted().toList()) + ", not '" + value + "'");
    }
  }
}
