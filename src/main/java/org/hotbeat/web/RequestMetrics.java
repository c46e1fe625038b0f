package org.hotbeat.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every request into {@code http.server.requests} (tagged by method, route template and
 * status, so tile coordinates do not explode the series) and logs it: API calls and errors at
 * INFO, tiles and static files at DEBUG.
 */
final class RequestMetrics {
  private static final Logger log = LoggerFactory.getLogger("org.hotbeat.web.requests");
  private final MeterRegistry meters;
  /** One timer per method, route and status, looked up without building it per request. */
  private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers =
      new java.util.concurrent.ConcurrentHashMap<>();

  RequestMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void register(JavalinConfig config) {
    config.requestLogger.http(this::record);
  }

  private void record(Context ctx, Float ms) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      String route = endpoint != null ? endpoint.path : ctx.status().getCode() == 404 ? "unmatched"
          : "static";
      int status = ctx.status().getCode();
      String method = ctx.method().name();
      timers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer
              .builder("http.server.requests")
              .tag("method", method)
              .tag("route", route)
              .tag("status", Integer.toString(status))
              .register(meters))
          .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
      if (status >= 400 || ctx.path().startsWith("/api")) {
        log.info("{} {} {} {} ms", method, ctx.path(), status, Math.round(ms * 10) / 10.0);
      } else if (log.isDebugEnabled()) {
        log.debug("{} {} {} {} ms", method, ctx.path(), status, Math.round(ms * 10) / 10.0);
      }
    } catch (RuntimeException e) {
      // A failing logger would turn the response into a 500.
      log.debug("request metrics", e);
    }
  }
}
