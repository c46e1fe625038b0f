package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import io.javalin.validation.ValidationKt;
import io.javalin.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotbeat.InvalidInputException;

/** Validates several parameters together, so a client learns every mistake in one answer. */
final class QueryParams {
  private QueryParams() {}

  /**
   * Refuses a NUL character in any query or path parameter, before a handler sees it: no text
   * column can hold one, so PostgreSQL would fail the statement (a 500). Registered for every
   * matched route.
   */
  static void refuseNulCharacters(Context ctx) {
    if (ctx.endpoints().matchedHttpEndpoint() == null) {
      return;
    }
    Map<String, List<ValidationError<?>>> errors = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((name, values) -> {
      if (values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
        errors.put(name, List.of(nulError()));
      }
    });
    ctx.pathParamMap().forEach((name, value) -> {
      if (value.indexOf('\0') >= 0) {
        errors.put(name, List.of(nulError()));
      }
    });
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static ValidationError<?> nulError() {
    return new ValidationError<>("contains a NUL byte (\\u0000), which no text field can hold",
        Map.of(), null, null);
  }

  static void validateAll(Validator<?>... validators) {
    validateAll(() -> null, validators);
  }

  /**
   * Validates, and also runs {@code read} (a parse that throws {@link InvalidInputException},
   * such as a time window), reporting its error beside the others; returns what it read.
   */
  static <T> T validateAll(Supplier<T> read, Validator<?>... validators) {
    Map<String, List<ValidationError<?>>> errors = new LinkedHashMap<>();
    ValidationKt.collectErrors(List.of(validators)).forEach((field, list) ->
        errors.put(field, new ArrayList<>(list)));
    T value = null;
    try {
      value = read.get();
    } catch (InvalidInputException e) {
      errors.computeIfAbsent(e.field(), f -> new ArrayList<>())
          .add(new ValidationError<>(e.reason(), Map.of(), null, null));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return value;
  }
}
