package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inputs that once answered 500 (issue 15), kept as fixtures: each is now a 400 naming the
 * field at fault, in plain words.
 */
class KnownBadInputTest {
  @RegisterExtension static final WebFixture web = new WebFixture();

  @BeforeAll
  static void someData() throws Exception {
    web.loadChicagoLoop();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a NUL byte in a text filter         | /api/incidents?agency=a%00b                         | agency
      a NUL byte in a category            | /api/incidents/stats?by=category&category=the%00ft   | category
      a year beyond PostgreSQL            | /api/incidents?from=%2B294277-01-01T00:00:00Z       | from
      a negative year                     | /api/incidents?to=-99999                            | to
      a year beyond PostgreSQL in a tile  | /tiles/heat/15/8407/12178.png?from=%2B294277-01-01  | from
      """)
  void aBadValueInAQueryIsA400NamingTheField(String why, String path, String field)
      throws Exception {
    web.test((server, client) -> {
      JsonNode body = web.getJson(client, path, web.admin(), 400);
      assertEquals(field, body.get("errors").get(0).get("field").asText(), body.toString());
    });
  }

  @Test
  void aNulByteInAPathIsRefusedAsProblemJsonBeforeAnyRoute() {
    web.test((server, client) -> {
      var r = client.get("/api/beats/11%0013/report?from=2017-01&to=2017-02");
      assertEquals(400, r.code());
      assertEquals(ProblemDetail.CONTENT_TYPE, r.headers().get("Content-Type").get(0)
          .split(";")[0]);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/patrol-plans", "/api/assessments", "/api/community/meetings",
      "/api/community/problems"})
  void aBodyOfNullIsA400NotAServerError(String path) {
    web.test((server, client) -> {
      var r = client.post(path, "null", req -> req.header("Authorization", "Bearer "
          + web.admin()).header("Content-Type", "application/json"));
      String body = r.body().string();
      assertEquals(400, r.code(), body);
      assertFalse(body.contains("org.hotbeat") || body.contains("Exception"), body);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"lon\": 0}", "[[[", "42", "\"text\""})
  void aBodyOfTheWrongShapeNamesNoJavaType(String json) {
    web.test((server, client) -> {
      var r = client.post("/api/patrol-plans", json, req -> req.header("Authorization",
          "Bearer " + web.admin()).header("Content-Type", "application/json"));
      String body = r.body().string();
      assertEquals(400, r.code(), body);
      assertFalse(body.contains("org.hotbeat") || body.contains("class "), body);
    });
  }
}
