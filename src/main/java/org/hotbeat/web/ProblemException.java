package org.hotbeat.web;

import java.util.List;

/** Thrown by handlers and services for anything a client got wrong; mapped once to problem+json. */
public final class ProblemException extends RuntimeException {
  private final int status;
  private final String title;
  private final List<ProblemDetail.FieldError> errors;

  public ProblemException(int status, String title, String detail, List<ProblemDetail.FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static ProblemException badRequest(String field, String message) {
    return new ProblemException(400, "Bad Request", field + ": " + message,
        List.of(new ProblemDetail.FieldError(field, message)));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "Not Found", detail, null);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<ProblemDetail.FieldError> errors() {
    return errors;
  }
}
