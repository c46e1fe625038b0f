package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.config.Limits;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad requests against every route of the route table, generated from a fixed seed: odd values
 * for every parameter the API knows (NUL bytes, dates beyond any calendar, huge and negative
 * numbers, boxes across the antimeridian, long strings), bad path parameters and bad bodies. No
 * answer may be a 5xx other than a deliberate 503 with Retry-After, and no body may name a Java
 * class or show a stack trace. Bounded in requests and time, so the suite stays fast.
 */
class RouteFuzzTest {
  @RegisterExtension static final WebFixture web = new WebFixture();
  private static final int REQUESTS = 2_500;
  private static final Duration BUDGET = Duration.ofSeconds(90);
  private static final Pattern LEAK = Pattern.compile(
      "(java|javax|jakarta|org\\.hotbeat|org\\.eclipse|com\\.fasterxml|org\\.postgresql)\\.[a-z]+\\.|"
          + "Exception|\\tat |\\$[0-9]");

  /** Every query parameter some route reads. */
  private static final List<String> PARAMS = List.of("agency", "bbox", "from", "to", "category",
      "offense", "hours", "weekdays", "beat", "cursor", "limit", "bandwidth", "kernel", "per",
      "countShare", "countCell", "cell", "weights", "band", "fdr", "alpha", "baseFrom", "baseTo",
      "trainFrom", "trainTo", "testFrom", "testTo", "method", "format", "boundary", "size",
      "simplify", "radius", "lon", "lat", "datetime", "mapping", "srid", "status", "problem",
      "unit", "planId", "timeZone", "f", "offset");

  private static final List<String> VALUES = List.of("", " ", "\u0000", "a\u0000b", "-1", "0",
      "1e308", "-1e308", "NaN", "Infinity", "99999999999999999999", "2147483648", "1.5",
      "+294277-01-01T00:00:00Z", "-99999", "2017-13-45", "2017-06-02T25:61", "2017-06-02",
      "2017-06", "2017-06-02T20:00:00-05:00", "177,65,-177,70", "-180,-90,180,90", "1,2,3",
      "10,10,5,20", "abc", "x".repeat(5000), "<script>alert(1)</script>", "'; DROP TABLE x;--",
      "%", "..%2F..%2Fetc%2Fpasswd", "true", "yes", "0-25", "mon-sun", "23-1", "gaussian",
      "quartic", "day", "week", "../../", "\uD83D\uDE00", "null", "[]", "{}", "1,1,1,1");

  private static final List<String> BODIES = List.of("", "null", "[]", "{}", "\"x\"", "42",
      "{\"a\":", "{\"area\":null}", "{\"area\":{\"beat\":\"\u0000\"}}",
      "{\"units\":[{\"mode\":\"car\",\"start\":[1e308,1e308]}]}", "[".repeat(5000),
      "{\"title\":\"" + "t".repeat(20_000) + "\"}", "{\"occurred_at\":\"+294277-01-01T00:00:00Z\"}",
      "{\"lon\":0,\"lat\":0}", "{\"text\":\"a\\u0000b\",\"date\":\"2017-99-01\"}",
      "id,occurred_at,lon,lat,offense\n1,2017-06-01T00:00:00Z,-87.6,41.8,0820\n",
      "id,occurred_at,lon,lat,offense\n1\u0000,+294277-01-01,-87.6,41.8,08\u000020\n");

  private static final List<String> PATH_VALUES = List.of("0", "-1", "999999999999", "abc",
      "%00", "x".repeat(300), "1.5", "%2F", "null");

  @BeforeAll
  static void someData() throws Exception {
    web.loadChicagoLoop();
  }

  @Test
  void noRouteAnswersAServerErrorOrLeaksInternals() throws Exception {
    // Budgets high enough that the fuzzer is not simply rate-limited.
    HotbeatConfig config = HotbeatConfig.defaults()
        .withLimits(Limits.defaults().withRates(1_000_000, 1_000_000, 4));
    Javalin app = WebApp.create(config, web.services());
    List<String> routes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    web.test(config, (server, client) -> {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
        HandlerType m = e.endpoint.method;
        if (m == HandlerType.GET || m == HandlerType.POST || m == HandlerType.PATCH
            || m == HandlerType.DELETE) {
          routes.add(m + " " + e.endpoint.path);
        }
      }
      Random random = new Random(20261204);
      long deadline = System.nanoTime() + BUDGET.toNanos();
      // Mostly an admin, whom no route refuses, so that the requests reach the handlers.
      String[] tokens = {null, web.analyst(), web.admin(), web.admin()};
      for (int i = 0; i < REQUESTS && System.nanoTime() < deadline; i++) {
        String route = routes.get(i % routes.size());   // every route as often as the others
        String method = route.substring(0, route.indexOf(' '));
        String path = fillPath(route.substring(route.indexOf(' ') + 1), random);
        StringBuilder query = new StringBuilder();
        int n = random.nextInt(4);
        for (int k = 0; k < n; k++) {
          query.append(k == 0 ? "?" : "&").append(PARAMS.get(random.nextInt(PARAMS.size())))
              .append('=').append(URLEncoder.encode(VALUES.get(random.nextInt(VALUES.size())),
                  StandardCharsets.UTF_8));
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + server.port() + path + query)).timeout(Duration.ofSeconds(60));
        String token = tokens[random.nextInt(tokens.length)];
        if (token != null) {
          req.header("Authorization", "Bearer " + token);
        }
        String body = BODIES.get(random.nextInt(BODIES.size()));
        String type = random.nextBoolean() ? "application/json" : "text/csv";
        req.header("Content-Type", type);
        req.method(method, method.equals("GET") || method.equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        String what = method + " " + path + query + (method.equals("GET") ? "" : " body "
            + abbreviated(body));
        HttpResponse<String> r;
        try {
          r = send(http, req.build());
        } catch (java.io.IOException e) {
          failures.add("no answer (" + e.getMessage() + ") for " + abbreviated(what));
          continue;
        }
        boolean deliberate503 = r.statusCode() == 503
            && r.headers().firstValue("Retry-After").isPresent();
        if (r.statusCode() >= 500 && !deliberate503) {
          failures.add(r.statusCode() + " for " + abbreviated(what));
        } else if (r.statusCode() >= 400 && LEAK.matcher(r.body()).find()) {
          failures.add("internals in " + r.statusCode() + " for " + abbreviated(what) + ": "
              + abbreviated(r.body()));
        }
      }
    });
    assertTrue(failures.isEmpty(), failures.size() + " bad answers over " + routes.size()
        + " routes:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
  }

  /**
   * Sends once more if the connection was closed under the request: after an error answer to a
   * body it did not read, the server may close a kept-alive connection that the client then
   * reuses. A second failure is a real one.
   */
  private static HttpResponse<String> send(HttpClient http, HttpRequest request)
      throws Exception {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String fillPath(String template, Random random) {
    StringBuilder out = new StringBuilder();
    for (String part : template.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      out.append('/');
      if (part.startsWith("{")) {
        out.append(PATH_VALUES.get(random.nextInt(PATH_VALUES.size())));
      } else {
        out.append(part.replaceAll("\\{[^}]*}", PATH_VALUES.get(random.nextInt(
            PATH_VALUES.size()))));
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static String abbreviated(String s) {
    String v = s.replace("\u0000", "\\0").replace("\n", "\\n");
    return v.length() > 160 ? v.substring(0, 160) + "…" : v;
  }
}
