package org.hotbeat.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hotbeat.access.Role;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person signs in at /signin with a name and password and uses the analyst map: no token. */
class SignInViewTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final String PASSWORD = "a password for the browser";
  private static Chromium chromium;
  private static MapServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.launch();
    server = MapServer.chicagoLoop(db);
    server.services.accounts().users().create("j.doe", Role.ANALYST, PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    Chromium.closeAll(server, chromium);
  }

  @Test
  void anAnalystSignsInThroughTheSignInPageAndTheMapLoadsWithoutAToken() {
    try (Tab tab = chromium.open(server.url("/signin"))) {
      tab.page.fill("#name", "j.doe");
      tab.page.fill("#password", PASSWORD);
      tab.page.click("#submit");
      tab.page.waitForURL(server.url("/"));
      tab.idle().screenshot("signed-in-analyst");
      assertTrue(tab.page.textContent("#status").contains("Signed in as j.doe (analyst)"),
          tab.page.textContent("#status"));
      assertEquals(List.of(), tab.errors);
      assertEquals(List.of(), tab.failed);
      assertFalse(tab.requestsTo("/tiles/incidents/").isEmpty(), "incident tiles were drawn");
      assertTrue(tab.requests.stream().noneMatch(u -> u.contains("hb_") || u.contains("hs_")
          || u.contains("token=") || u.contains(PASSWORD)), "no secret in any URL");
      assertEquals("", tab.page.evaluate("() => document.cookie"), "the cookie is HttpOnly");
      assertEquals(0, tab.page.evaluate("() => sessionStorage.length + localStorage.length"));

      tab.page.click("#signout");
      tab.page.waitForFunction("() => document.getElementById('status').textContent"
          + ".includes('Public view')");
    }
  }

  @Test
  void aWrongPasswordSaysSoAndStaysOnThePage() {
    try (Tab tab = chromium.open(server.url("/signin"))) {
      tab.page.fill("#name", "j.doe");
      tab.page.fill("#password", "wrong wrong wrong");
      tab.page.click("#submit");
      tab.page.waitForFunction("() => document.getElementById('status').textContent"
          + ".includes('Wrong name or password')");
      assertTrue(tab.page.url().endsWith("/signin"));
    }
  }
}
