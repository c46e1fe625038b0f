package org.hotbeat.web;

import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.hotbeat.access.Accounts;
import org.hotbeat.access.Role;
import org.hotbeat.access.SessionRepository;
import org.hotbeat.access.TokenRepository.Caller;
import org.hotbeat.access.TokenRepository.Via;

/**
 * Enforces route roles (docs/access.md). Every route must declare exactly one {@link Role} (checked
 * as routes are added, so a forgotten role fails at start, not in production). The caller comes
 * from an {@code Authorization: Bearer} token, else from the session cookie, else is public. Static
 * files are public.
 *
 * <p>State-changing requests (POST, PUT, PATCH, DELETE) carry two more checks: a session-cookie
 * request needs the session's CSRF token in {@value #CSRF_HEADER} (a cross-site page can neither
 * read it nor set that header without a CORS preflight), and a read-only token is refused with 403.
 * Bearer tokens need no CSRF token: a browser never adds them by itself.
 *
 * <p>Every request that passes to a route of the analyst role (the role that sees single
 * incidents) is written to the access log, in the background.
 */
final class AccessControl {
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String CALLER = "hotbeat.caller";
  private static final String SESSION_SECRET = "hotbeat.session";
  private static final Set<HandlerType> VERBS = Set.of(HandlerType.GET, HandlerType.POST,
      HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD);
  private static final Set<HandlerType> STATE_CHANGING = Set.of(HandlerType.POST,
      HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  private final Accounts accounts;
  private final List<GetRoute> getRoutes = new CopyOnWriteArrayList<>();
  private final SessionCookie cookie;

  AccessControl(Accounts accounts, SessionCookie cookie) {
    this.accounts = accounts;
    this.cookie = cookie;
  }

  void register(JavalinConfig config) {
    config.events.handlerAdded(AccessControl::requireOneRole);
    config.events.handlerAdded(this::rememberGetRoute);
    config.events.serverStopped(() -> accounts.accessLog().flush());
    config.routes.beforeMatched(this::check);
  }

  /** The caller of a request that passed {@link #check}. */
  static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    return c == null ? Caller.ANONYMOUS : c;
  }

  /** The session id of a request signed in by cookie, if it is. */
  static Optional<String> sessionSecret(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SESSION_SECRET));
  }

  private static void requireOneRole(HandlerMetaInfo info) {
    if (!VERBS.contains(info.getHttpMethod())) {
      return;
    }
    Set<RouteRole> roles = info.getRoles();
    if (roles.size() != 1 || !(roles.iterator().next() instanceof Role)) {
      throw new IllegalStateException("route " + info.getHttpMethod() + " " + info.getPath()
          + " must declare exactly one role (public, analyst, patrol or admin), has " + roles);
    }
  }

  /** A GET route as a pattern over paths, for HEAD requests, which match no route of their own. */
  private record GetRoute(Pattern path, String template, Role role) {}

  private void rememberGetRoute(HandlerMetaInfo info) {
    if (info.getHttpMethod() == HandlerType.GET) {
      StringBuilder regex = new StringBuilder();
      for (String part : info.getPath().split("(?=\\{)|(?<=})")) {
        regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
      }
      getRoutes.add(new GetRoute(Pattern.compile(regex.toString()), info.getPath(),
          (Role) info.getRoles().iterator().next()));
    }
  }

  private void check(Context ctx) throws SQLException {
    Caller caller = identify(ctx);
    ctx.attribute(CALLER, caller);
    Role required;
    String route;
    if (ctx.endpoints().matchedHttpEndpoint() != null) {
      required = ctx.routeRoles().stream().filter(Role.class::isInstance).map(Role.class::cast)
          .findFirst().orElse(Role.ADMIN);
      route = ctx.endpoints().matchedHttpEndpoint().path;
    } else if (ctx.method() == HandlerType.HEAD) {
      // HEAD is answered by the GET route of the path: it needs that route's role.
      GetRoute get = getRoutes.stream().filter(r -> r.path().matcher(ctx.path()).matches())
          .findFirst().orElse(null);
      if (get == null) {
        return; // a static file
      }
      required = get.role();
      route = get.template();
    } else {
      return; // static files
    }
    if (STATE_CHANGING.contains(ctx.method())) {
      checkWrite(ctx, caller);
    }
    if (!caller.role().grants(required)) {
      if (caller == Caller.ANONYMOUS) {
        throw new UnauthorizedResponse(cookie.present(ctx)
            ? "your session has ended (signed out, idle too long or too old): sign in again at "
                + "/signin"
            : "this needs role " + required.id() + ": sign in at /signin, or send "
                + "'Authorization: Bearer TOKEN' (create one with 'hotbeat token create')");
      }
      throw new ForbiddenResponse((caller.via() == Via.TOKEN ? "the token '" : "the user '")
          + caller.name() + "' has role " + caller.role().id() + "; this needs role "
          + required.id());
    }
    if (required == Role.ANALYST) {
      accounts.accessLog().record(caller.name(), caller.role().id(),
          caller.via() == Via.TOKEN ? "token" : "session", ctx.method().name(),
          route, ctx.path(), ctx.queryString());
    }
  }

  private void checkWrite(Context ctx, Caller caller) {
    if (caller.via() == Via.TOKEN && caller.readOnly()) {
      throw new ForbiddenResponse("the token '" + caller.name() + "' has scope read-only; "
          + ctx.method().name() + " needs a token of scope full");
    }
    Optional<String> secret = sessionSecret(ctx);
    boolean signingIn = ctx.method() == HandlerType.POST
        && "/api/session".equals(ctx.endpoints().matchedHttpEndpoint().path);
    if (secret.isPresent() && !signingIn
        && !SessionRepository.csrfMatches(secret.get(), ctx.header(CSRF_HEADER))) {
      throw new ForbiddenResponse("a request signed in by cookie that changes data must send "
          + "the session's CSRF token in the " + CSRF_HEADER + " header (from GET /api/session)");
    }
  }

  private Caller identify(Context ctx) throws SQLException {
    String header = ctx.header("Authorization");
    if (header != null && !header.isBlank()) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new UnauthorizedResponse("the Authorization header must be 'Bearer TOKEN'");
      }
      // A bad token is refused even on public routes: silently serving it as public would hide
      // an expired or mistyped token from its user.
      return accounts.tokens().authenticate(header.substring(7).strip()).orElseThrow(() ->
          new UnauthorizedResponse("the token is not valid, has expired or has been revoked"));
    }
    String secret = cookie.read(ctx);
    if (secret == null) {
      return Caller.ANONYMOUS;
    }
    Optional<SessionRepository.Session> session = accounts.sessions().authenticate(secret);
    if (session.isEmpty()) {
      cookie.clear(ctx);
      return Caller.ANONYMOUS;
    }
    ctx.attribute(SESSION_SECRET, secret);
    return new Caller(session.get().name(), session.get().role(), Via.SESSION, false);
  }
}
