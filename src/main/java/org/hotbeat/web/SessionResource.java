package org.hotbeat.web;

import io.javalin.http.Context;
import org.hotbeat.access.TokenRepository.Caller;

/** {@code GET /api/session}: who the caller is, so the map can show what its role may see. */
final class SessionResource {
  record Session(String name, String role, boolean authenticated) {}

  void get(Context ctx) {
    Caller caller = AccessControl.caller(ctx);
    ctx.json(new Session(caller.name(), caller.role().id(), caller != Caller.ANONYMOUS));
  }
}
