package org.hotbeat.web;

import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.sql.SQLException;
import java.util.Set;
import org.hotbeat.access.Role;
import org.hotbeat.access.TokenRepository.Caller;
import org.hotbeat.access.TokenRepository;

/**
 * Enforces route roles. Every route must declare exactly one {@link Role} (checked as routes are
 * added, so a forgotten role fails at start, not in production); the caller's role comes from an
 * {@code Authorization: Bearer} token, or is public without one. Static files are public.
 */
final class AccessControl {
  private static final String CALLER = "hotbeat.caller";
  private static final Set<HandlerType> VERBS = Set.of(HandlerType.GET, HandlerType.POST,
      HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD);

  private final TokenRepository tokens;

  AccessControl(TokenRepository tokens) {
    this.tokens = tokens;
  }

  void register(JavalinConfig config) {
    config.events.handlerAdded(AccessControl::requireOneRole);
    config.routes.beforeMatched(this::check);
  }

  /** The caller of a request that passed {@link #check}. */
  static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    return c == null ? Caller.ANONYMOUS : c;
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

  private void check(Context ctx) throws SQLException {
    Caller caller = identify(ctx);
    ctx.attribute(CALLER, caller);
    if (ctx.endpoints().matchedHttpEndpoint() == null) {
      return; // static files
    }
    Role required = ctx.routeRoles().stream().filter(Role.class::isInstance).map(Role.class::cast)
        .findFirst().orElse(Role.ADMIN);
    if (caller.role().grants(required)) {
      return;
    }
    if (caller == Caller.ANONYMOUS) {
      throw new UnauthorizedResponse("this needs a token with role " + required.id()
          + ": send 'Authorization: Bearer TOKEN' (create one with 'hotbeat token create')");
    }
    throw new ForbiddenResponse("the token '" + caller.name() + "' has role " + caller.role().id()
        + "; this needs role " + required.id());
  }

  private Caller identify(Context ctx) throws SQLException {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      return Caller.ANONYMOUS;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new UnauthorizedResponse("the Authorization header must be 'Bearer TOKEN'");
    }
    // A bad token is refused even on public routes: silently serving it as public would hide
    // an expired or mistyped token from its user.
    return tokens.authenticate(header.substring(7).strip()).orElseThrow(() ->
        new UnauthorizedResponse("the token is not valid or has been revoked"));
  }
}
