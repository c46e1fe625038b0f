package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests Jetty refuses before any route runs get problem+json like every other error, and
 * parameters take only their documented spellings.
 */
class MalformedRequestTest {
  @RegisterExtension static final WebFixture web = new WebFixture();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Sends raw bytes and returns the status line and the rest of the response. */
  private static String[] raw(int port, String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = response.indexOf("\r\n");
      return new String[] {response.substring(0, end), response};
    }
  }

  private static void assertProblem(String[] response, int status) throws Exception {
    assertTrue(response[0].contains(" " + status + " "), response[0]);
    assertTrue(response[1].toLowerCase(java.util.Locale.ROOT)
        .contains("content-type: application/problem+json"), response[1]);
    String body = response[1].substring(response[1].indexOf("\r\n\r\n") + 4);
    JsonNode problem = JSON.readTree(body);
    assertEquals(status, problem.get("status").asInt());
    assertFalse(body.contains("org.eclipse") || body.contains("Exception"), body);
  }

  @Test
  void aUriTooLongIsProblemJson() {
    web.test((server, client) -> assertProblem(raw(server.port(), "GET /api/incidents?category="
        + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 414));
  }

  @Test
  void headersTooLargeAreProblemJson() {
    web.test((server, client) -> assertProblem(raw(server.port(), "GET /health HTTP/1.1\r\n"
        + "Host: localhost\r\nX-Big: " + "y".repeat(20_000) + "\r\nConnection: close\r\n\r\n"),
        431));
  }

  @Test
  void aMalformedRequestLineIsProblemJson() {
    web.test((server, client) -> assertProblem(raw(server.port(),
        "GET /health HTTP/1.1 extra\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "on", "maybe"})
  void aBooleanTakesOnlyTrueOrFalse(String spelling) {
    web.test((server, client) -> {
      JsonNode body = web.getJson(client, "/api/hotspots/gistar?fdr=" + spelling, null, 400);
      assertEquals("fdr", body.get("errors").get(0).get("field").asText());
    });
  }
}
