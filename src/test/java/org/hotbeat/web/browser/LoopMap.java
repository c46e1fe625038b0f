package org.hotbeat.web.browser;

import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a browser test class of the Chicago Loop demo shares: its database, the map server on it
 * and one headless Chromium. Register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final LoopMap map = new LoopMap();}</pre>
 */
final class LoopMap implements BeforeAllCallback, AfterAllCallback {
  private final PostgisExtension db = new PostgisExtension();
  private Chromium chromium;
  private MapServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    db.beforeAll(context);
    chromium = Chromium.launch();
    server = MapServer.chicagoLoop(db);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      Chromium.closeAll(server, chromium);
    } finally {
      db.afterAll(context);
    }
  }

  Chromium chromium() {
    return chromium;
  }

  MapServer server() {
    return server;
  }

  PostgisExtension db() {
    return db;
  }
}
