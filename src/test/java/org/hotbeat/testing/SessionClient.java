package org.hotbeat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * What a browser does with hotbeat's session cookie, by hand: sign in through
 * {@code POST /api/session}, keep the cookie and the CSRF token, send them back.
 */
public final class SessionClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A signed-in browser: the cookie pair ({@code hotbeat_session=…}) and the CSRF token. */
  public record Signed(String cookie, String csrf) {}

  private SessionClient() {}

  public static Response signIn(HttpClient client, String name, String password) {
    return client.post("/api/session", "{\"name\":\"" + name + "\",\"password\":\"" + password
        + "\"}", r -> { });
  }

  /** Signs in (the answer must be 200) and returns what the browser keeps. */
  public static Signed signedIn(HttpClient client, String name, String password)
      throws Exception {
    Response r = signIn(client, name, password);
    String body = r.body().string();
    org.junit.jupiter.api.Assertions.assertEquals(200, r.code(), body);
    return new Signed(cookie(r), JSON.readTree(body).get("csrfToken").asText());
  }

  /** The {@code name=value} of the session cookie a response sets, or null. */
  public static String cookie(Response r) {
    List<String> set = r.headers().get("Set-Cookie");
    if (set == null) {
      return null;
    }
    return set.stream().filter(c -> c.startsWith("hotbeat_session=")).map(c -> c.split(";")[0])
        .findFirst().orElse(null);
  }

  /** The whole Set-Cookie header of the session cookie. */
  public static String setCookie(Response r) {
    return r.headers().get("Set-Cookie").stream().filter(c -> c.startsWith("hotbeat_session="))
        .findFirst().orElseThrow();
  }

  public static Response get(HttpClient client, String path, Signed s) {
    return client.get(path, b -> b.header("Cookie", s.cookie()));
  }

  public static JsonNode getJson(HttpClient client, String path, Signed s, int status)
      throws Exception {
    Response r = get(client, path, s);
    String body = r.body().string();
    org.junit.jupiter.api.Assertions.assertEquals(status, r.code(), body);
    return JSON.readTree(body);
  }

  /** Sends {@code method} with a JSON body, the cookie and (unless {@code csrf} is null) a token. */
  public static Response send(HttpClient client, String method, String path, String json,
      String cookie, String csrf) {
    return client.request(path, b -> {
      HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(json);
      switch (method) {
        case "POST" -> b.post(body);
        case "PATCH" -> b.patch(body);
        case "PUT" -> b.put(body);
        case "DELETE" -> b.delete(body);
        default -> throw new IllegalArgumentException(method);
      }
      b.header("Content-Type", "application/json").header("Cookie", cookie);
      if (csrf != null) {
        b.header("X-CSRF-Token", csrf);
      }
    });
  }
}
