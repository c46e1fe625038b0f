package org.hotbeat.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The session cookie: {@value #NAME}, {@code HttpOnly} (no script reads it),
 * {@code SameSite=Strict} (no other site's page sends it), {@code Path=/}, and {@code Secure}
 * when the request came over HTTPS or option {@code secure-cookies} says so. It lives until the
 * session's absolute end; the server decides the rest.
 */
final class SessionCookie {
  static final String NAME = "hotbeat_session";

  private final boolean alwaysSecure;
  private final Clock clock;

  SessionCookie(boolean alwaysSecure, Clock clock) {
    this.alwaysSecure = alwaysSecure;
    this.clock = clock;
  }

  String read(Context ctx) {
    String v = ctx.cookie(NAME);
    return v == null || v.isBlank() ? null : v;
  }

  boolean present(Context ctx) {
    return read(ctx) != null;
  }

  void set(Context ctx, String secret, Instant expiresAt) {
    long seconds = Math.max(0, Duration.between(clock.instant(), expiresAt).getSeconds());
    write(ctx, secret, seconds);
  }

  void clear(Context ctx) {
    write(ctx, "", 0);
  }

  private void write(Context ctx, String value, long maxAgeSeconds) {
    boolean secure = alwaysSecure || "https".equalsIgnoreCase(ctx.scheme());
    // setHeader, not add: a stale cookie cleared earlier in the same request is replaced.
    ctx.res().setHeader("Set-Cookie", NAME + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
  }
}
