package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pool with every connection in use is overload, not an outage: requests that cannot get a
 * connection are told the server is busy (503 with Retry-After), and the health check, which asks
 * PostgreSQL outside the pool, still says the database is up.
 */
class OverloadTest {
  @RegisterExtension static final WebFixture web = new WebFixture();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aFullPoolAnswersBusyAndHealthStaysTruthful() throws Exception {
    List<Connection> held = new ArrayList<>();
    web.test((server, client) -> {
      try {
        // The test pool has 4 connections: hold them all, as 4 long queries would.
        for (int i = 0; i < 4; i++) {
          held.add(web.dataSource().getConnection());
        }
        var busy = client.get("/api/incidents", r -> r.header("Authorization",
            "Bearer " + web.analyst()));
        assertEquals(503, busy.code());
        assertTrue(busy.headers().get("Retry-After") != null);
        String body = busy.body().string();
        assertTrue(body.contains("busy"), body);
        var health = client.get("/health");
        assertEquals(200, health.code());
        JsonNode h = JSON.readTree(health.body().string());
        assertEquals("up", h.get("database").asText());
        assertEquals(4, h.get("pool").get("active").asInt());
        assertEquals(200, client.get("/health/live").code());
      } finally {
        for (Connection c : held) {
          c.close();
        }
      }
      assertEquals(200, client.get("/api/incidents", r -> r.header("Authorization",
          "Bearer " + web.analyst())).code());
    });
  }
}
