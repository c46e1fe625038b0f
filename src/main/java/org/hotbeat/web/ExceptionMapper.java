package org.hotbeat.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotbeat.InvalidInputException;
import org.hotbeat.LimitExceededException;
import org.hotbeat.NotFoundException;
import org.hotbeat.UnprocessableInputException;
import org.hotbeat.UnsupportedFormatException;
import org.hotbeat.streets.NoStreetGraphException;
import org.hotbeat.streets.OffNetworkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP responses: every error leaves as problem+json, and no
 * stack trace ever reaches a client. A database that is down gives 503; a bug gives 500 with an id
 * that is also in the log.
 */
final class ExceptionMapper {
  private static final Logger log = LoggerFactory.getLogger(ExceptionMapper.class);

  private ExceptionMapper() {}

  static void register(JavalinConfig config) {
    config.routes.exception(HttpResponseException.class, (e, ctx) -> {
      if (e.getStatus() == 401) {
        ctx.header("WWW-Authenticate", "Bearer");
      }
      send(ctx, e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage(), e.getMessage(), null);
    });
    config.routes.exception(ValidationException.class, (e, ctx) -> {
      List<ProblemDetail.FieldError> errors = fieldErrors(e.getErrors());
      send(ctx, 400, "Bad Request", errors.stream().map(f -> f.field() + ": " + f.message())
          .collect(java.util.stream.Collectors.joining("; ")), errors);
    });
    config.routes.exception(InvalidInputException.class, (e, ctx) -> send(ctx, 400, "Bad Request",
        e.getMessage(), List.of(new ProblemDetail.FieldError(e.field(), e.reason()))));
    config.routes.exception(NotFoundException.class, (e, ctx) ->
        send(ctx, 404, "Not Found", e.getMessage(), null));
    config.routes.exception(LimitExceededException.class, (e, ctx) ->
        send(ctx, 413, "Content Too Large", e.getMessage(), null));
    config.routes.exception(UnsupportedFormatException.class, (e, ctx) ->
        send(ctx, 415, "Unsupported Media Type", e.getMessage(), null));
    config.routes.exception(UnprocessableInputException.class, (e, ctx) -> send(ctx, 422,
        "Unprocessable Content", e.getMessage(), List.of(new ProblemDetail.FieldError(e.field(),
            e.getMessage()))));
    config.routes.exception(NoStreetGraphException.class, (e, ctx) ->
        send(ctx, 409, "Conflict", e.getMessage(), null));
    config.routes.exception(OffNetworkException.class, (e, ctx) ->
        send(ctx, 422, "Unprocessable Content", e.getMessage(), null));
    config.routes.exception(Exception.class, ExceptionMapper::unexpected);
    // Unknown paths and missing static files end here without an exception.
    config.routes.error(404, ctx -> {
      if (!isProblem(ctx)) {
        send(ctx, 404, "Not Found", "no resource at " + ctx.path(), null);
      }
    });
  }

  private static void unexpected(Exception e, Context ctx) {
    JsonProcessingException badJson = cause(e, JsonProcessingException.class);
    if (badJson != null) {
      // A body read by a route itself (not through the JSON mapper) that is not what it expects.
      InvalidInputException why = JsonBodies.invalid(badJson);
      send(ctx, 400, "Bad Request", why.getMessage(),
          List.of(new ProblemDetail.FieldError(why.field(), why.reason())));
      return;
    }
    if (databaseUnavailable(e)) {
      log.warn("database unavailable for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.header("Retry-After", "5");
      send(ctx, 503, "Service Unavailable",
          "the database is not reachable at the moment; try again shortly", null);
      return;
    }
    if (poolBusy(e)) {
      log.warn("no database connection free for {} {}", ctx.method(), ctx.path());
      ctx.header("Retry-After", "2");
      send(ctx, 503, "Service Unavailable",
          "the server is busy: every database connection is in use; try again shortly", null);
      return;
    }
    String id = UUID.randomUUID().toString().substring(0, 8);
    log.error("error {} in {} {}", id, ctx.method(), ctx.path(), e);
    send(ctx, 500, "Internal Server Error",
        "an unexpected error occurred (id " + id + " in the server log)", null);
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /**
   * Connection failures (refused, reset, the server shutting down), as opposed to errors in a
   * statement and to a pool that is merely busy.
   */
  static boolean databaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pool gave no connection in time while the database itself did not fail: every
   * connection is busy (HikariCP reports both as a transient connection exception; a failure of
   * the database is in its cause).
   */
  static boolean poolBusy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return !databaseUnavailable(t);
      }
    }
    return false;
  }

  private static List<ProblemDetail.FieldError> fieldErrors(
      Map<String, ? extends List<? extends ValidationError<?>>> errors) {
    List<ProblemDetail.FieldError> out = new ArrayList<>();
    errors.forEach((field, list) -> list.forEach(err -> out.add(
        new ProblemDetail.FieldError(field, describe(err)))));
    return out;
  }

  private static String describe(ValidationError<?> err) {
    String msg = err.getMessage();
    if ("TYPE_CONVERSION_FAILED".equals(msg)) {
      Exception cause = err.exception();
      return cause != null && cause.getMessage() != null
          ? cause.getMessage()
          : "cannot read '" + err.value + "'";
    }
    if ("NULLCHECK_FAILED".equals(msg)) {
      return "is required";
    }
    return msg;
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(ProblemDetail.CONTENT_TYPE);
  }

  static void send(Context ctx, int status, String title, String detail,
      List<ProblemDetail.FieldError> errors) {
    ctx.status(status)
        .json(new ProblemDetail("about:blank", title, status, detail, ctx.path(), errors))
        .contentType(ProblemDetail.CONTENT_TYPE);
  }
}
