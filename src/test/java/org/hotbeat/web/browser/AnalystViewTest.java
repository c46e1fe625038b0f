package org.hotbeat.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.List;
import javax.imageio.ImageIO;
import org.hotbeat.access.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analyst view in a real Chromium, on the Chicago Loop demo data. */
class AnalystViewTest {
  @RegisterExtension static final LoopMap map = new LoopMap();
  /** Centre of the 100 m cell with the most incidents, found from the stored points. */
  private static double[] densest;

  @BeforeAll
  static void start() throws Exception {
    densest = map.server().densestCell(100);
  }

  private Tab analystTab() {
    Tab tab = map.chromium().open(map.server().signInUrl(Role.ANALYST, "/"));
    tab.idle();
    return tab;
  }

  @Test
  void theAnalystViewLoadsWithoutConsoleErrors() {
    try (Tab tab = analystTab()) {
      tab.screenshot("analyst-view");
      assertEquals(List.of(), tab.failed);
      assertEquals(List.of(), tab.errors);
      assertFalse(tab.requestsTo("/tiles/incidents/").isEmpty(), "incident tiles were not asked");
      assertTrue(tab.page.textContent("#legend").contains("incidents per km²"));
    }
  }

  @Test
  void theHeatLayerDrawsWhereIncidentsAreDensest() {
    try (Tab tab = analystTab()) {
      tab.page.uncheck("#points");
      // Beat outlines are drawn over the heat; the densest cell may lie under one.
      tab.page.evaluate("() => { window.hotbeat.map.setLayoutProperty('beats', 'visibility', 'none'); }");
      tab.idle();
      int[] at = tab.screen(densest[0], densest[1]);
      BufferedImage heat = tab.screenshot("analyst-heat-only");
      tab.page.fill("#opacity", "0");
      tab.page.dispatchEvent("#opacity", "input");
      tab.idle();
      BufferedImage none = tab.pixels();
      int withHeat = heat.getRGB(at[0], at[1]);
      int without = none.getRGB(at[0], at[1]);
      assertTrue(Tab.difference(withHeat, without) > 60, String.format(
          "heat #%06x vs none #%06x at %d,%d", withHeat & 0xffffff, without & 0xffffff, at[0], at[1]));
      assertTrue(Tab.heatShare(heat, at[0], at[1]) > 0.6, "no heat colour around the spot");
      assertEquals(List.of(), tab.errors);
    }
  }

  @Test
  void choosingACategoryChangesTheTileRequestsAndThePicture() {
    try (Tab tab = analystTab()) {
      BufferedImage before = tab.pixels();
      tab.requests.clear();
      tab.page.evaluate("() => document.querySelectorAll('input[name=category]').forEach("
          + "c => { c.checked = c.value === 'theft'; })");
      tab.page.dispatchEvent("input[value=theft]", "change");
      tab.page.waitForFunction("() => [...document.querySelectorAll('#legend')][0]"
          + ".textContent.includes('Density')");
      tab.page.waitForCondition(() -> !tab.requestsTo("/tiles/heat/").isEmpty());
      tab.idle();
      BufferedImage after = tab.screenshot("analyst-theft-only");
      assertTrue(tab.requestsTo("/tiles/heat/").stream().allMatch(u -> u.contains("category=theft")),
          tab.requestsTo("/tiles/heat/").toString());
      assertFalse(tab.requestsTo("/tiles/incidents/").isEmpty());
      assertTrue(tab.requestsTo("/tiles/incidents/").stream()
          .allMatch(u -> u.contains("category=theft")));
      assertTrue(changedPixels(before, after) > 2_000, "the map looks the same");
      assertEquals(List.of(), tab.errors);
    }
  }

  @Test
  void theMonthSliderAsksForThatMonthsTilesFromMidnightOnTheAgencysClock() {
    try (Tab tab = analystTab()) {
      tab.requests.clear();
      tab.page.fill("#month", "17");   // 2016-01 + 17 months
      tab.page.dispatchEvent("#month", "input");
      tab.page.dispatchEvent("#month", "change");
      // Chicago is on daylight time (UTC-5) in June and on standard time (UTC-6) in January.
      tab.page.waitForCondition(() -> tab.requestsTo("/tiles/heat/").stream()
          .anyMatch(u -> u.contains("from=2017-06-01T00%3A00%3A00-05%3A00")
              && u.contains("to=2017-07-01T00%3A00%3A00-05%3A00")));
      tab.idle().screenshot("analyst-june-2017");
      assertEquals("June 2017", tab.page.textContent("#monthLabel"));
      assertTrue(tab.page.textContent("#legend").contains("June 2017"));
      tab.page.fill("#month", "12");
      tab.page.dispatchEvent("#month", "input");
      tab.page.dispatchEvent("#month", "change");
      tab.page.waitForCondition(() -> tab.requestsTo("/tiles/heat/").stream()
          .anyMatch(u -> u.contains("from=2017-01-01T00%3A00%3A00-06%3A00")));
    }
  }

  @Test
  void analystsGetBandwidthsBelowThePublicMinimum() {
    try (Tab tab = analystTab()) {
      tab.requests.clear();
      tab.page.fill("#bandwidth", "150");
      tab.page.dispatchEvent("#bandwidth", "change");
      tab.page.waitForFunction("() => document.getElementById('legend').textContent"
          + ".includes('150 m quartic')");
      tab.idle();
      assertTrue(tab.requestsTo("/tiles/heat/").stream().anyMatch(u -> u.contains("bandwidth=150")));
      assertEquals(List.of(), tab.failed, "the heat tiles carry the analyst's session");
      assertTrue(tab.page.textContent("#legend").contains("counts in 150 m cells"),
          "the analysts' default blend is named: " + tab.page.textContent("#legend"));
    }
  }

  @Test
  void playingTheMonthsStepsThroughThemInOrder() {
    try (Tab tab = analystTab()) {
      tab.requests.clear();
      tab.page.click("#play");
      assertEquals("true", tab.page.getAttribute("#play", "aria-pressed"));
      tab.page.waitForCondition(() -> tab.requestsTo("/tiles/heat/").stream()
          .anyMatch(u -> u.contains("from=2016-02-01")));
      assertTrue(tab.requestsTo("/tiles/heat/").stream().anyMatch(u -> u.contains("from=2016-01-01")
          && u.contains("to=2016-02-01")), "January first");
      tab.page.click("#play");
      assertEquals("false", tab.page.getAttribute("#play", "aria-pressed"));
    }
  }

  @Test
  void clickingASpotCountsTheIncidentsWithinTheBandwidth() {
    try (Tab tab = analystTab()) {
      int[] at = tab.screen(densest[0], densest[1]);
      tab.page.mouse().click(at[0], at[1]);
      tab.page.waitForSelector(".maplibregl-popup-content");
      String popup = tab.page.textContent(".maplibregl-popup-content");
      assertTrue(popup.matches("(?s).*[1-9][0-9,]* incidents within 400 m.*"), popup);
      tab.screenshot("analyst-click-counts");
    }
  }

  @Test
  void theViewIsSavedAsAPng() throws Exception {
    try (Tab tab = analystTab()) {
      Download d = tab.page.waitForDownload(() -> tab.page.click("#export"));
      assertEquals("hotbeat-analyst.png", d.suggestedFilename());
      BufferedImage png = ImageIO.read(d.createReadStream());
      assertTrue(png.getWidth() >= 900 && png.getHeight() >= 600,
          png.getWidth() + "×" + png.getHeight());
      Files.createDirectories(Tab.SCREENSHOTS);
      d.saveAs(Tab.SCREENSHOTS.resolve("analyst-export.png"));
      assertTrue(changedPixels(png, blank(png)) > 10_000, "the export is blank");
    }
  }

  @Test
  void withoutAnAnalystTokenThePageSaysWhatIsMissingAndAsksForNoPoints() throws Exception {
    try (Tab tab = map.chromium().open(map.server().signInUrl(Role.PATROL, "/"))) {
      tab.idle();
      assertTrue(tab.page.textContent("#status").contains("cannot see single incidents"),
          tab.page.textContent("#status"));
      assertEquals(List.of(), tab.requestsTo("/tiles/incidents"));
      assertEquals(List.of(), tab.requestsTo("/api/incidents"));
      assertEquals(List.of(), tab.errors);
    }
    try (Tab tab = map.chromium().open(map.server().url("/"))) {
      tab.idle().screenshot("analyst-public");
      assertTrue(tab.page.textContent("#status").contains("Sign in with an analyst account"));
      assertEquals(List.of(), tab.errors);
      // Issue 22: signed out, periods are whole months and there are no hour or weekday filters.
      assertEquals(0, tab.page.locator("#hourFrom, #hourTo, #weekdays").count());
      assertEquals("month", tab.page.getAttribute("#from", "type"));
      assertEquals("month", tab.page.getAttribute("#to", "type"));
      tab.page.fill("#month", "17");
      tab.page.dispatchEvent("#month", "input");
      tab.page.dispatchEvent("#month", "change");
      tab.page.waitForCondition(() -> tab.requestsTo("/tiles/heat/").stream()
          .anyMatch(u -> u.contains("from=2017-06-01T00%3A00%3A00-05%3A00")));
      tab.idle();
      for (String u : tab.requestsTo("/")) {
        assertFalse(u.contains("hours=") || u.contains("weekdays="), u);
      }
      assertEquals(List.of(), tab.failed);
    }
  }

  @Test
  void everyControlIsReachableWithTheKeyboard() {
    try (Tab tab = analystTab()) {
      java.util.Set<String> reached = new java.util.HashSet<>();
      for (int i = 0; i < 60; i++) {
        tab.page.keyboard().press("Tab");
        reached.add(String.valueOf(tab.page.evaluate("() => document.activeElement.id"
            + " || document.activeElement.name || document.activeElement.tagName")));
      }
      for (String id : List.of("signout", "from", "to", "month", "play", "whole", "category",
          "hourFrom", "hourTo", "weekday", "bandwidth", "opacity", "points", "export")) {
        assertTrue(reached.contains(id), id + " not reached by Tab: " + reached);
      }
    }
  }

  @Test
  void slowTilesShowTheLoadingIndicatorUntilTheyArrive() {
    List<com.microsoft.playwright.Route> held = new java.util.ArrayList<>();
    try (Tab tab = map.chromium().open(map.server().signInUrl(Role.ANALYST, "/"))) {
      tab.page.waitForFunction("() => window.hotbeat && window.hotbeat.ready");
      tab.page.route("**/tiles/heat/**", held::add);   // held back until the test lets them go
      tab.page.fill("#bandwidth", "500");
      tab.page.dispatchEvent("#bandwidth", "change");
      tab.page.waitForSelector("#loading", new com.microsoft.playwright.Page.WaitForSelectorOptions()
          .setState(com.microsoft.playwright.options.WaitForSelectorState.VISIBLE));
      tab.screenshot("analyst-loading");
      tab.page.unroute("**/tiles/heat/**");
      held.forEach(com.microsoft.playwright.Route::resume);
      tab.page.waitForSelector("#loading", new com.microsoft.playwright.Page.WaitForSelectorOptions()
          .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
      assertEquals(List.of(), tab.errors);
    }
  }

  @Test
  void whenTheServerIsDownThePageSaysSo() {
    try (Tab tab = map.chromium().openBlocked(map.server().url("/"), "**/api/**")) {
      tab.page.waitForFunction("() => document.getElementById('status').textContent"
          + ".includes('cannot be reached')");
      tab.screenshot("analyst-server-down");
    }
  }

  private static BufferedImage blank(BufferedImage like) {
    BufferedImage b = new BufferedImage(like.getWidth(), like.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = b.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, b.getWidth(), b.getHeight());
    g.dispose();
    return b;
  }

  static int changedPixels(BufferedImage a, BufferedImage b) {
    int n = 0;
    for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
      for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
        if (Tab.difference(a.getRGB(x, y), b.getRGB(x, y)) > 30) {
          n++;
        }
      }
    }
    return n;
  }
}
