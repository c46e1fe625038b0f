package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HEAD follows the access rules of GET: a protected route says 401 without a token, not 200. */
class HeadRequestTest {
  @RegisterExtension static final WebFixture web = new WebFixture();

  private static int head(int port, String path, String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method("HEAD", HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/incidents", "/api/incidents/stats?by=category",
      "/tiles/incidents/14/4202/6089.mvt", "/api/patrol-plans", "/api/community/audit"})
  void headOfAProtectedRouteNeedsTheSameRoleAsGet(String path) {
    web.test((server, client) -> {
      assertEquals(401, head(server.port(), path, null), path);
      assertEquals(2, head(server.port(), path, web.admin()) / 100, path);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health", "/api/beats", "/api/sources"})
  void headOfAPublicRouteAnswersLikeGet(String path) {
    web.test((server, client) -> assertEquals(200, head(server.port(), path, null), path));
  }
}
