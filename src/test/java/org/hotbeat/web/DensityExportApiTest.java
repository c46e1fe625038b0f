package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.TestDirs;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Density exports of the real Loop excerpt (20,002 incidents). */
class DensityExportApiTest {
  @RegisterExtension static final WebFixture web = new WebFixture();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void setUp() throws Exception {
    DemoLoader.load(web.dataSource(), DemoLoader.DataSet.chicagoLoop(
        Path.of("data/demo/chicago-loop")), null);
  }

  private static HttpResponse<byte[]> fetch(int port, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theGeoTiffIsFloat32AndCarriesItsEpsgCode() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdalinfo")), "skipped: no gdalinfo");
    web.test((server, client) -> {
      HttpResponse<byte[]> r = fetch(server.port(), "/api/density/grid.tif?cell=50", web.analyst());
      assertEquals(200, r.statusCode());
      Path tif = TestDirs.fresh("density-tif").resolve("density.tif");
      Files.write(tif, r.body());
      Process p = new ProcessBuilder("gdalinfo", "-json", "-stats", tif.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      JsonNode info = JSON.readTree(out.substring(out.indexOf('{')));
      assertEquals("Float32", info.get("bands").get(0).get("type").asText());
      assertTrue(info.get("coordinateSystem").get("wkt").asText().contains("32616"),
          "UTM 16N: " + info.get("coordinateSystem"));
      assertEquals(50.0, info.get("geoTransform").get(1).asDouble(), 1e-9);
      assertEquals(-50.0, info.get("geoTransform").get(5).asDouble(), 1e-9);
      assertTrue(info.get("bands").get(0).get("maximum").asDouble() > 1000,
          "densities in incidents per km²: " + info.get("bands").get(0));
    });
  }

  @Test
  void theCsvHasOneRowPerCellAndTheHotspotAreasGrowWithTheirShare() {
    web.test((server, client) -> {
      String csv = new String(fetch(server.port(), "/api/density/grid.csv?cell=100", web.analyst())
          .body(), StandardCharsets.UTF_8);
      assertTrue(csv.startsWith("x_epsg32616,y_epsg32616,lon,lat,incidents_per_km2\n"));
      // about 3.5 × 2.7 km of data plus the kernel reach, in 100 m cells
      assertTrue(csv.lines().count() > 500, "cells: " + csv.lines().count());
      JsonNode fc = Api.getJson(client, "/api/density/hotspots.geojson?cell=50",
          web.analyst(), 200);
      assertEquals(3, fc.get("features").size());
      double previous = 0;
      for (JsonNode f : fc.get("features")) {
        double area = f.get("properties").get("areaKm2").asDouble();
        assertTrue(area > previous, "1 % < 5 % < 10 %: " + fc.get("features"));
        previous = area;
        assertEquals("MultiPolygon", f.get("geometry").get("type").asText());
      }
    });
  }

  @Test
  void exportsAreForAnalystsAndBadSettingsAreClear() {
    web.test((server, client) -> {
      assertEquals(401, client.get("/api/density/grid.csv").code());
      Api.getJson(client, "/api/density/hotspots.geojson?shares=2", web.analyst(), 400);
      Api.getJson(client, "/api/density/grid.csv?cell=0.5", web.analyst(), 400);
      Api.getJson(client, "/api/density/grid.csv?cell=1", web.analyst(), 413);
      Api.getJson(client, "/api/density/grid.csv?category=homicide&from=1999-01-01"
          + "&to=1999-02-01", web.analyst(), 400);
    });
  }
}
