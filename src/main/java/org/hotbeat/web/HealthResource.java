package org.hotbeat.web;

import io.javalin.http.Context;
import org.hotbeat.store.Database;

/**
 * Health as PostgreSQL answers it, asked outside the connection pool so that a busy pool is told
 * apart from a database that is down.
 * <ul>
 *   <li>{@code GET /health}: 200 while the database answers ({@code status} "ok", or "busy" while
 *       every pooled connection is in use and requests queue), 503 while it does not;</li>
 *   <li>{@code GET /health/live}: 200 while the process serves requests (liveness);</li>
 *   <li>{@code GET /health/ready}: 200 only when the database answers and the pool has room
 *       (readiness: a load balancer sends new work elsewhere meanwhile).</li>
 * </ul>
 */
final class HealthResource {
  record Health(String status, String database, Database.PoolState pool) {}

  record Live(String status) {}

  private final Database database;

  HealthResource(Database database) {
    this.database = database;
  }

  void get(Context ctx) {
    Health h = health();
    ctx.status(h.database().equals("up") ? 200 : 503).json(h);
  }

  void live(Context ctx) {
    ctx.json(new Live("alive"));
  }

  void ready(Context ctx) {
    Health h = health();
    ctx.status(h.status().equals("ok") ? 200 : 503).json(h);
  }

  private Health health() {
    Database.PoolState pool = database.poolState();
    if (!database.reachable()) {
      return new Health("unavailable", "down", pool);
    }
    return new Health(pool.saturated() ? "busy" : "ok", "up", pool);
  }
}
