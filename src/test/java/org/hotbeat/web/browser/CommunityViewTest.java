package org.hotbeat.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The community-meeting view at /community, with no token, on the Chicago Loop demo data. */
class CommunityViewTest {
  @RegisterExtension static final LoopMap map = new LoopMap();

  @Test
  void theCommunityViewLoadsWithoutErrorsAndAsksOnlyForPublicData() throws Exception {
    try (Tab tab = map.chromium().open(map.server().url("/community"))) {
      tab.idle().screenshot("community-hexagons");
      assertEquals(List.of(), tab.failed);
      assertEquals(List.of(), tab.errors);
      assertEquals(List.of(), tab.requestsTo("/api/incidents"));
      assertEquals(List.of(), tab.requestsTo("/tiles/incidents"));
      assertTrue(tab.page.textContent("#nowTitle").contains("December 2017"),
          tab.page.textContent("#nowTitle"));
      assertTrue(tab.page.textContent("#beforeTitle").contains("November 2017"));
      // Every address the page used answers a caller without a token: none is analyst-only.
      Set<String> used = new LinkedHashSet<>();
      synchronized (tab.requests) {
        for (String u : tab.requests) {
          if (u.startsWith(map.server().base)) {
            used.add(u);
          }
        }
      }
      HttpClient http = HttpClient.newHttpClient();
      for (String u : used) {
        int status = http.send(HttpRequest.newBuilder(URI.create(u)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        assertTrue(status != 401 && status != 403, status + " for " + u);
      }
      assertTrue(used.stream().anyMatch(u -> u.contains("/api/public/hexagons")), used.toString());
    }
  }

  @Test
  void aHexagonWithFewIncidentsSaysFewerThanFiveAndNoCount() {
    try (Tab tab = map.chromium().open(map.server().url("/community"))) {
      tab.idle();
      // A suppressed hexagon that lies in plain view on the left map, found from the page's data.
      @SuppressWarnings("unchecked")
      List<Object> found = (List<Object>) tab.page.evaluate("() => {"
          + " const m = window.hotbeat.maps[0];"
          + " const data = m.getSource('hex').serialize().data;"
          + " const r = m.getContainer().getBoundingClientRect();"
          + " for (const f of data.features) {"
          + "   if (f.properties.count !== null) continue;"
          + "   const ring = f.geometry.coordinates[0].slice(1);"
          + "   const lon = ring.reduce((s, c) => s + c[0], 0) / ring.length;"
          + "   const lat = ring.reduce((s, c) => s + c[1], 0) / ring.length;"
          + "   const p = m.project([lon, lat]); const x = p.x + r.left; const y = p.y + r.top;"
          + "   const el = document.elementFromPoint(x, y);"
          + "   if (el && el.classList.contains('maplibregl-canvas') && m.getCanvas() === el)"
          + "     return [x, y, data.features.filter(g => g.properties.count !== null"
          + "       && g.properties.count < 10).length];"
          + " } return null; }");
      assertTrue(found != null, "no hexagon with fewer than 10 incidents in view");
      // Issue 22 raised the public minimum (k) from 5 to 10.
      assertEquals(0, ((Number) found.get(2)).intValue(), "a count below 10 reached the page");
      tab.page.mouse().click(((Number) found.get(0)).doubleValue(),
          ((Number) found.get(1)).doubleValue());
      tab.page.waitForSelector(".maplibregl-popup-content");
      assertEquals("fewer than 10 incidents", tab.page.textContent(".maplibregl-popup-content")
          .replace("×", "").strip());
      assertTrue(tab.page.textContent("#legend").contains("fewer than 10"));
      tab.screenshot("community-fewer-than-5");
    }
  }

  @Test
  void theHeatMapOfAYearDrawsWhereIncidentsAreDensest() throws Exception {
    double[] densest = map.server().densestCell(100);
    try (Tab tab = map.chromium().open(map.server().url("/community"))) {
      tab.idle();
      tab.page.selectOption("#period", "12");
      tab.page.selectOption("#mode", "heat");
      tab.page.waitForCondition(() -> !tab.requestsTo("/tiles/heat/").isEmpty());
      tab.idle();
      BufferedImage img = tab.screenshot("community-heat-year");
      int[] at = tab.screen(0, densest[0], densest[1]);
      assertTrue(Tab.heatShare(img, at[0], at[1]) > 0.6, "no heat at the densest spot "
          + java.util.Arrays.toString(at));
      assertTrue(tab.requestsTo("/tiles/heat/").stream().allMatch(u -> u.contains("bandwidth=300")));
      assertTrue(tab.page.textContent("#beforeTitle").contains("January 2016 to December 2016"),
          tab.page.textContent("#beforeTitle"));
      assertEquals(List.of(), tab.errors);
    }
  }

  @Test
  void oneBeatCanBeShownOnItsOwn() {
    try (Tab tab = map.chromium().open(map.server().url("/community"))) {
      tab.idle();
      tab.requests.clear();
      tab.page.selectOption("#area", "0111");
      tab.page.waitForCondition(() -> tab.requestsTo("/api/public/hexagons").size() >= 2);
      tab.idle().screenshot("community-beat-0111");
      assertTrue(tab.requestsTo("/api/public/hexagons").stream().allMatch(u -> u.contains("beat=0111")));
      assertTrue(tab.page.textContent("#title").contains("beat 0111"));
      assertEquals(List.of(), tab.errors);
    }
  }

  @Test
  void oneClickSavesBothPeriodsAsOnePng() throws Exception {
    try (Tab tab = map.chromium().open(map.server().url("/community"))) {
      tab.idle();
      Download d = tab.page.waitForDownload(() -> tab.page.click("#export"));
      assertEquals("hotbeat-community.png", d.suggestedFilename());
      BufferedImage png = ImageIO.read(d.createReadStream());
      assertTrue(png.getWidth() >= 1200, "both maps side by side: " + png.getWidth());
      d.saveAs(Tab.SCREENSHOTS.resolve("community-export.png"));
      assertFalse(tab.page.textContent("#status").isBlank());
    }
  }

  @Test
  void textIsLargeEnoughForAProjector() {
    try (Tab tab = map.chromium().open(map.server().url("/community"))) {
      tab.idle();
      Object sizes = tab.page.evaluate("() => ['#legend', '#nowTitle', '#area', '#title'].map("
          + "s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))");
      for (Object size : (List<?>) sizes) {
        assertTrue(((Number) size).doubleValue() >= 18, "font size " + size + " px at 1280×720");
      }
      Map<?, ?> box = (Map<?, ?>) tab.page.evaluate("() => { const r = document.querySelector("
          + "'#legend').getBoundingClientRect(); return {bottom: r.bottom, right: r.right}; }");
      assertTrue(((Number) box.get("bottom")).doubleValue() <= 720
          && ((Number) box.get("right")).doubleValue() <= 1280, "legend off screen: " + box);
    }
  }
}
