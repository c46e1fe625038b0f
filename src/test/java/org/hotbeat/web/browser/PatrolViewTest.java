package org.hotbeat.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.hotbeat.access.Role;
import org.hotbeat.config.PatrolDefaults;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The patrol view on the Chicago Loop demo: a plan is requested, drawn and downloaded. */
class PatrolViewTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static Chromium chromium;
  private static MapServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.launch();
    server = MapServer.chicagoLoop(db);
  }

  @AfterAll
  static void stop() throws Exception {
    Chromium.closeAll(server, chromium);
  }

  @Test
  void aPlanDrawsEachUnitsRouteInItsColourWithNumberedStops() throws Exception {
    try (Tab tab = chromium.open(server.signInUrl(Role.PATROL, "/patrol"))) {
      tab.idle();
      assertTrue(tab.page.textContent("#status").contains("Plan patrols"));
      assertEquals(String.valueOf((int) PatrolDefaults.defaults().dwellMinutes()),
          tab.page.inputValue("#dwell"), "the dwell the server configures");
      tab.page.selectOption("#beat", "0111");
      tab.page.fill("#seed", "1");   // the same plan on every run
      tab.page.click("#submit");
      tab.page.waitForSelector("#gpx");
      tab.idle();
      BufferedImage img = tab.screenshot("patrol-plan");
      int units = ((Number) tab.page.evaluate("() => window.hotbeat.map.getStyle().layers"
          + ".filter(l => /^route-\\d+$/.test(l.id)).length")).intValue();
      assertEquals(2, units, "one route layer per unit");
      // Every unit that has stops shows its route in its own colour.
      List<?> colours = (List<?>) tab.page.evaluate("() => window.hotbeat.plan.units"
          + ".filter(u => u.stops.length > 0).map(u => u.colour)");
      assertTrue(!colours.isEmpty(), "no unit has stops");
      for (Object colour : colours) {
        int rgb = Integer.parseInt(((String) colour).substring(1), 16);
        assertTrue(pixelsLike(img, rgb) > 100, "too few pixels of route colour " + colour);
      }
      // One marker per place and unit, numbered with every visit there: "1", or "1, 4, 7".
      List<String> numbers = tab.page.locator(".stop-marker").allTextContents();
      assertEquals(colours.size(), numbers.stream().filter(n -> n.matches("1(, .*)?")).count(),
          "each unit with stops has a marker for stop 1: " + numbers);
      assertTrue(tab.page.textContent("#result").matches("(?s).*\\d\\d:\\d\\d–\\d\\d:\\d\\d.*"),
          "stop times are listed");

      Download gpx = tab.page.waitForDownload(() -> tab.page.click("#gpx"));
      assertTrue(gpx.suggestedFilename().endsWith(".gpx"));
      String xml = new String(gpx.createReadStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(xml.contains("<gpx") && xml.contains("<trkpt"), xml.substring(0, 200));
      Page summary = tab.page.waitForPopup(() -> tab.page.click("#print"));
      summary.waitForLoadState();
      assertTrue(summary.content().contains("0111"), "the printable summary names the beat");
      assertEquals(List.of(), tab.failed);
      assertEquals(List.of(), tab.errors);
    }
  }

  @Test
  void signedOutThePatrolViewAsksToSignInAndTheSignInPageLeadsBack() throws Exception {
    server.services.accounts().users().create("sgt.patrol", Role.PATROL, "patrol password 1");
    try (Tab tab = chromium.open(server.url("/patrol"))) {
      tab.idle().screenshot("patrol-signed-out");
      assertTrue(tab.page.textContent("#status").contains("Sign in with a patrol"));
      assertTrue(tab.page.isDisabled("#submit"));
      tab.page.click("#signin");
      tab.page.fill("#name", "sgt.patrol");
      tab.page.fill("#password", "patrol password 1");
      tab.page.click("#submit");
      tab.page.waitForURL(server.url("/patrol"));
      tab.page.waitForFunction("() => document.getElementById('status').textContent"
          + ".startsWith('Signed in as')");
      assertTrue(tab.page.isEnabled("#submit"));
      assertEquals(List.of(), tab.errors);
    }
  }

  /** Pixels within a small distance of {@code rgb}. */
  private static int pixelsLike(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (Tab.difference(img.getRGB(x, y), rgb) < 40) {
          n++;
        }
      }
    }
    return n;
  }
}
