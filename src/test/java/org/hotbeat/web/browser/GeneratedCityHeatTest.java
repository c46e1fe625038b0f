package org.hotbeat.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.access.Role;
import org.hotbeat.demo.DemoCity;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.demo.Truth;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The heat layer over the generated city, whose hotspots are known: every persistent hotspot it
 * planted must show in the heat colours on the analyst's map of the whole period.
 */
class GeneratedCityHeatTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static Chromium chromium;
  private static MapServer server;
  private static Truth truth;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.launch();
    Path folder = TestDirs.fresh("browser-generated-city");
    DemoCity.generate(1, 40_000, folder, done -> { });
    truth = new ObjectMapper().readValue(folder.resolve(DemoCity.TRUTH_FILE).toFile(),
        Truth.class);
    server = MapServer.start(db, DemoLoader.DataSet.generatedCity(folder));
  }

  @AfterAll
  static void stop() throws Exception {
    Chromium.closeAll(server, chromium);
  }

  @Test
  void theHeatLayerShowsEveryPlantedPersistentHotspot() throws Exception {
    try (Tab tab = chromium.open(server.signInUrl(Role.ANALYST, "/"))) {
      tab.idle();
      tab.page.uncheck("#points");
      tab.idle();
      BufferedImage img = tab.screenshot("generated-city-heat");
      List<String> missed = new ArrayList<>();
      int persistent = 0;
      for (Truth.HotspotTruth h : truth.hotspots()) {
        if (!h.kind().equals("persistent")) {
          continue;
        }
        persistent++;
        int[] at = tab.screen(h.lon(), h.lat());
        double share = Tab.heatShare(img, at[0], at[1]);
        if (share < 0.6) {
          missed.add(h.id() + " at " + at[0] + "," + at[1] + " (" + share + ")");
        }
      }
      assertTrue(persistent >= 5, "the city plants persistent hotspots");
      assertEquals(List.of(), missed, "planted hotspots without heat");
      assertEquals(List.of(), tab.errors);
    }
  }
}
