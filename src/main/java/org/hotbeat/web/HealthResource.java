package org.hotbeat.web;

import io.javalin.http.Context;
import org.hotbeat.store.Database;

/** {@code GET /health}: 200 while the database answers, 503 while it does not. */
final class HealthResource {
  record Health(String status, String database) {}

  private final Database database;

  HealthResource(Database database) {
    this.database = database;
  }

  void get(Context ctx) {
    boolean up = database.reachable();
    ctx.status(up ? 200 : 503).json(new Health(up ? "ok" : "unavailable", up ? "up" : "down"));
  }
}
