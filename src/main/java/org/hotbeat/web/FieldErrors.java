package org.hotbeat.web;

import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotbeat.InvalidInputException;

/**
 * The bad fields of one request body, gathered so the client learns every mistake in one answer
 * (400 with an error per field, through the one exception mapper). Not thread-safe: one per
 * request.
 */
final class FieldErrors {
  private final Map<String, List<ValidationError<?>>> byField = new LinkedHashMap<>();

  void add(String field, String message) {
    byField.computeIfAbsent(field, f -> new ArrayList<>())
        .add(new ValidationError<>(message, Map.of(), null, null));
  }

  void add(InvalidInputException e) {
    add(e.field(), e.reason());
  }

  /** Adds {@code problem} for {@code field} unless it is null. */
  void addIfAny(String field, String problem) {
    if (problem != null) {
      add(field, problem);
    }
  }

  boolean isEmpty() {
    return byField.isEmpty();
  }

  /** Throws every gathered error at once, if there is one. */
  void throwIfAny() {
    if (!byField.isEmpty()) {
      throw new ValidationException(byField);
    }
  }
}
