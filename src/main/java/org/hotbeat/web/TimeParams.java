package org.hotbeat.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.Key;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.hotbeat.InvalidInputException;
import org.hotbeat.store.AgencyRepository;
import org.hotbeat.time.TimeWindow;

/**
 * Reads time windows from query parameters, every route alike: {@link TimeWindow}'s forms, local
 * ones on the clock of the request's {@code agency} (or the one clock all agencies share).
 */
final class TimeParams {
  private static final Key<AgencyRepository> AGENCIES = new Key<>("hotbeat.agencies");

  private TimeParams() {}

  static void register(JavalinConfig c, AgencyRepository agencies) {
    c.appData(AGENCIES, agencies);
  }

  /** The window of two query parameters; either may be absent (an open end). */
  static TimeWindow window(Context ctx, String fromField, String toField) {
    return TimeWindow.parse(fromField, ctx.queryParam(fromField), toField,
        ctx.queryParam(toField), clock(ctx, ctx.queryParam("agency")));
  }

  /** The window of two query parameters that must both be given. */
  static TimeWindow requiredWindow(Context ctx, String fromField, String toField) {
    for (String field : new String[] {fromField, toField}) {
      String v = ctx.queryParam(field);
      if (v == null || v.isBlank()) {
        throw new InvalidInputException(field, "is required");
      }
    }
    return window(ctx, fromField, toField);
  }

  /** The clock of {@code agency} (null: the one all agencies share), asked for only if needed. */
  static Supplier<ZoneId> clock(Context ctx, String agency) {
    return () -> {
      try {
        return ctx.appData(AGENCIES).clocks().of(agency == null || agency.isBlank() ? null
            : agency.strip(), "agency");
      } catch (SQLException e) {
        throw new DatabaseReadException(e);
      }
    };
  }

  /** One instant, e.g. a shift's start, on the clock of {@code agency}. */
  static Instant instant(Context ctx, String field, String text, String agency) {
    return TimeWindow.instant(field, text, clock(ctx, agency));
  }

  /** A database error met inside a lambda; the mapper treats it as its cause. */
  static final class DatabaseReadException extends RuntimeException {
    DatabaseReadException(SQLException cause) {
      super(cause);
    }
  }
}
