package org.hotbeat.web;

import io.javalin.validation.ValidationException;
import io.javalin.validation.ValidationKt;
import io.javalin.validation.Validator;
import java.util.List;

/** Validates several parameters together, so a client learns every mistake in one answer. */
final class QueryParams {
  private QueryParams() {}

  static void validateAll(Validator<?>... validators) {
    var errors = ValidationKt.collectErrors(List.of(validators));
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
