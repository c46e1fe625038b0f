package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.hotbeat.InvalidInputException;
import org.hotbeat.access.Accounts;
import org.hotbeat.access.SessionRepository;
import org.hotbeat.access.SignInService;
import org.hotbeat.access.TokenRepository.Caller;
import org.hotbeat.access.TokenRepository.Via;

/**
 * Signing in and out (docs/access.md): {@code GET /api/session} says who the caller is (and gives
 * a cookie session its CSRF token), {@code POST} signs in with a name and password,
 * {@code DELETE} signs out, and {@code GET /signin} serves the sign-in page or redeems a one-time
 * link ({@code ?once=CODE}), redirecting to the map without the code in the address.
 */
final class SessionResource {
  /** Who the caller is. {@code csrfToken} only for a session signed in by cookie. */
  record Session(String name, String role, boolean authenticated, String via, String csrfToken,
      Instant expiresAt) {}

  record SignIn(String name, String password) {}

  private final Accounts accounts;
  private final SessionCookie cookie;
  private final Path pages;

  SessionResource(Accounts accounts, SessionCookie cookie, Path pages) {
    this.accounts = accounts;
    this.cookie = cookie;
    this.pages = pages;
  }

  void get(Context ctx) {
    Caller caller = AccessControl.caller(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.json(describe(caller, AccessControl.sessionSecret(ctx).orElse(null), null));
  }

  void signIn(Context ctx) throws SQLException {
    SignIn body = ctx.bodyAsClass(SignIn.class);
    if (body.name() == null || body.name().isBlank()) {
      throw new InvalidInputException("name", "required");
    }
    if (body.password() == null || body.password().isEmpty()) {
      throw new InvalidInputException("password", "required");
    }
    SignInService.Result result = accounts.signIn().signIn(body.name(), body.password(), ctx.ip());
    if (result instanceof SignInService.LockedOut locked) {
      ctx.header("Retry-After", Long.toString(locked.lockout().getSeconds()));
      throw new HttpResponseException(429, "too many failed sign-ins for this name: try again in "
          + locked.lockout().toMinutes() + " minutes");
    }
    if (!(result instanceof SignInService.SignedIn signedIn)) {
      throw new UnauthorizedResponse("wrong name or password");
    }
    Optional<String> previous = AccessControl.sessionSecret(ctx);
    if (previous.isPresent()) {   // signing in again replaces the browser's session
      accounts.signIn().signOut(previous.get(), AccessControl.caller(ctx).name(), ctx.ip());
    }
    started(ctx, signedIn.session());
  }

  void signOut(Context ctx) throws SQLException {
    Optional<String> secret = AccessControl.sessionSecret(ctx);
    if (secret.isPresent()) {
      accounts.signIn().signOut(secret.get(), AccessControl.caller(ctx).name(), ctx.ip());
    }
    cookie.clear(ctx);
    ctx.status(204);
  }

  /** The sign-in page, or with {@code ?once=CODE} a one-time link: a session, then the map. */
  void page(Context ctx) throws Exception {
    String code = ctx.queryParam("once");
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    if (code == null) {
      WebApp.page(ctx, pages, "signin.html");
      return;
    }
    Optional<SessionRepository.NewSession> session =
        accounts.signIn().signInOnce(code, ctx.ip());
    if (session.isEmpty()) {
      ctx.redirect("/signin?expired=1", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    cookie.set(ctx, session.get().secret(), session.get().session().expiresAt());
    // Only the views themselves: a link must not send a signed-in browser elsewhere.
    String next = ctx.queryParam("next");
    ctx.redirect(next != null && next.matches("/(patrol|community|admin)?") ? next : "/",
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void started(Context ctx, SessionRepository.NewSession s) {
    cookie.set(ctx, s.secret(), s.session().expiresAt());
    ctx.header("Cache-Control", "no-store");
    ctx.json(describe(new Caller(s.session().name(), s.session().role(), Via.SESSION, false),
        s.secret(), s.session().expiresAt()));
  }

  private static Session describe(Caller caller, String secret, Instant expiresAt) {
    return new Session(caller.name(), caller.role().id(), caller != Caller.ANONYMOUS,
        caller.via().name().toLowerCase(java.util.Locale.ROOT),
        secret == null ? null : SessionRepository.csrfToken(secret), expiresAt);
  }
}
