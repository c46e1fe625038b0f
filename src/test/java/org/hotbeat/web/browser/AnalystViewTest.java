package org.hotbeat.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hotbeat.access.Role;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analyst view in a real Chromium, on the Chicago Loop demo data. */
class AnalystViewTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static Chromium chromium;
  private static MapServer server;
  private static String analyst;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.launch();
    server = MapServer.chicagoLoop(db);
    analyst = server.token(Role.ANALYST);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theAnalystViewLoadsWithoutConsoleErrors() {
    try (Tab tab = chromium.open(server.url("/#token=" + analyst))) {
      tab.idle().screenshot("analyst-view");
      assertEquals(List.of(), tab.failed);
      assertEquals(List.of(), tab.errors);
    }
  }
}
