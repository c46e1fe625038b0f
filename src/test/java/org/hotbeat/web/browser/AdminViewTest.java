package org.hotbeat.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hotbeat.access.Role;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin page: accounts made and disabled through the page (cookie + CSRF header), audits. */
class AdminViewTest {
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
  void anAdminCreatesAnAccountSeesItsPasswordOnceAndReadsTheAudits() throws Exception {
    try (Tab tab = chromium.open(server.signInUrl(Role.ADMIN, "/admin"))) {
      tab.page.waitForFunction("() => document.getElementById('status').textContent"
          + ".includes('(admin)')");
      tab.page.fill("#newName", "new.analyst");
      tab.page.selectOption("#newRole", "analyst");
      tab.page.click("#create button[type=submit]");
      tab.page.waitForSelector("#secret:not([hidden])");
      String secret = tab.page.textContent("#secret");
      assertTrue(secret.contains("Password (shown only now)"), secret);
      String password = secret.substring(secret.lastIndexOf(' ') + 1);
      assertTrue(server.services.accounts().signIn().signIn("new.analyst", password, "test")
          instanceof org.hotbeat.access.SignInService.SignedIn, "the shown password works");
      tab.page.waitForFunction("() => document.querySelector('#users').textContent"
          + ".includes('new.analyst')");
      assertTrue(tab.page.textContent("#signins").contains("one-time-link"),
          tab.page.textContent("#signins"));

      tab.page.onDialog(d -> d.accept());
      tab.page.click("button[data-act=disable][data-name='new.analyst']");
      tab.page.waitForFunction("() => document.getElementById('status').textContent"
          + ".includes('Disabled new.analyst')");
      tab.screenshot("admin");
      assertEquals(List.of(), tab.failed);
      assertEquals(List.of(), tab.errors);
    }
  }

  @Test
  void anAnalystIsToldThePageIsForAdmins() {
    try (Tab tab = chromium.open(server.signInUrl(Role.ANALYST, "/admin"))) {
      tab.page.waitForFunction("() => document.getElementById('status').textContent"
          + ".includes('this page is for admins')");
      assertEquals(List.of(), tab.failed, "no admin API was asked");
    }
  }
}
