package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.Response;
import org.hotbeat.geo.LonLat;
import org.hotbeat.streets.NoStreetGraphException;
import org.hotbeat.streets.OffNetworkException;
import org.hotbeat.streets.TravelMode;
import org.hotbeat.testing.Http;
import org.junit.jupiter.api.Test;

/** The street faults later routes (patrol plans) raise become the problems the API promises. */
class StreetProblemsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Javalin app() {
    return Javalin.create(c -> {
      ExceptionMapper.register(c);
      c.routes.get("/no-graph", ctx -> {
        throw new NoStreetGraphException("no street graph has been imported");
      });
      c.routes.get("/off-network", ctx -> {
        throw new OffNetworkException(LonLat.of(-87.6, 41.88), 0, TravelMode.CAR,
            "the nearest street is 2100 m away (at most 500 m)");
      });
    });
  }

  @Test
  void noGraphYetIs409NamingTheCommand() {
    Http.test(app(), (server, client) -> {
      Response r = client.get("/no-graph");
      assertEquals(409, r.code());
      JsonNode body = JSON.readTree(r.body().string());
      assertTrue(body.get("detail").asText().contains("hotbeat import streets FILE.osm.pbf"),
          body.toString());
    });
  }

  @Test
  void aPointOffTheStreetsIs422NamingThePoint() {
    Http.test(app(), (server, client) -> {
      Response r = client.get("/off-network");
      assertEquals(422, r.code());
      assertTrue(r.headers().get("Content-Type").get(0).startsWith("application/problem+json"));
      JsonNode body = JSON.readTree(r.body().string());
      assertTrue(body.get("detail").asText().contains("[-87.6, 41.88]"), body.toString());
    });
  }
}
