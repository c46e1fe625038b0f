package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.store.Database;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;

/** A database that goes away and comes back: 503 meanwhile, recovery without a restart. */
class DatabaseOutageTest {

  @Test
  void healthTurns503WhileTheDatabaseIsDownAndRecovers() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(TestDirs.fresh("outage").resolve("pg"), false,
        EmbeddedPostgres.Sharing.EXCLUSIVE)) {
      pg.createDatabase("hotbeat", null);
      try (Database db = Database.connect(pg.jdbcUrl("hotbeat"), EmbeddedPostgres.SUPERUSER,
          pg.password(), 4, null)) {
        db.migrate();
        WebApp.Services services = WebApp.Services.of(db,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        String token = services.tokens().create("ana", Role.ANALYST).secret();
        Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
          assertEquals(200, client.get("/health").code());

          pg.stopServer();
          assertEquals(503, client.get("/health").code());
          var api = client.get("/api/incidents", r -> r.header("Authorization", "Bearer " + token));
          assertEquals(503, api.code());
          assertTrue(api.body().string().contains("database is not reachable"));

          pg.restartServer(false);
          assertEquals(200, client.get("/health").code());
          assertEquals(200, client.get("/api/incidents",
              r -> r.header("Authorization", "Bearer " + token)).code());
        });
      }
    }
  }
}
