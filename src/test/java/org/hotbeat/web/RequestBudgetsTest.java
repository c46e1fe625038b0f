package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.config.Limits;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-client budgets: over them a client gets 429 with Retry-After, and others are unaffected. */
class RequestBudgetsTest {
  @RegisterExtension static final WebFixture web = new WebFixture();

  private static HotbeatConfig config(int requests, int analyses) {
    return HotbeatConfig.defaults().withLimits(Limits.defaults().withRates(requests, analyses, 2));
  }

  @Test
  void aClientOverItsRequestBudgetGets429AndOthersStillGetIn() {
    web.test(config(5, 5), (server, client) -> {
      for (int i = 0; i < 5; i++) {
        assertEquals(200, client.get("/api/beats").code());
      }
      var over = client.get("/api/beats");
      assertEquals(429, over.code());
      assertNotNull(over.headers().get("Retry-After"));
      assertTrue(over.body().string().contains("too many requests"));
      // A token is a client of its own, even from the same address.
      assertEquals(200, client.get("/api/beats", r -> r.header("Authorization",
          "Bearer " + web.analyst())).code());
    });
  }

  @Test
  void analysesHaveABudgetOfTheirOwn() {
    web.test(config(100, 2), (server, client) -> {
      // With no incidents each analysis is a 400; what counts is that it was let through.
      assertEquals(400, client.get("/api/hotspots/gistar").code());
      assertEquals(400, client.get("/api/hotspots/gistar").code());
      assertEquals(429, client.get("/api/hotspots/gistar").code());
      assertEquals(200, client.get("/api/beats").code(), "other routes are not analyses");
    });
  }
}
