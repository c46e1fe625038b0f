package org.hotbeat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.hotbeat.web.WebApp;

/** What HTTP tests share: the app's services on a test database, and JSON GETs with a token. */
public final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Api() {}

  public static WebApp.Services services(PostgisExtension db) {
    return WebApp.Services.of(db.database(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** GETs {@code path} (with a bearer token unless null), checks the status, returns the JSON. */
  public static JsonNode getJson(HttpClient client, String path, String token, int status)
      throws Exception {
    var r = client.get(path, req -> {
      if (token != null) {
        req.header("Authorization", "Bearer " + token);
      }
    });
    String body = r.body().string();
    org.junit.jupiter.api.Assertions.assertEquals(status, r.code(), body);
    return JSON.readTree(body);
  }
}
