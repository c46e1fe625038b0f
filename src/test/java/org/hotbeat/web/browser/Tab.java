package org.hotbeat.web.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * One browser tab on a hotbeat page, recording what a test checks: console errors, uncaught
 * exceptions and every URL the page requested.
 */
final class Tab implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final Page page;
  private final BrowserContext context;
  final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  /** Responses of status 400 and above: "STATUS URL". */
  final List<String> failed = Collections.synchronizedList(new ArrayList<>());

  private Tab(BrowserContext context, Page page) {
    this.context = context;
    this.page = page;
  }

  static Tab open(Browser browser, String url) {
    return open(browser, url, null);
  }

  /** A tab where requests matching {@code blockedGlob} (if not null) fail with a network error. */
  static Tab open(Browser browser, String url, String blockedGlob) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1280, 720).setAcceptDownloads(true));
    context.setDefaultTimeout(Chromium.TIMEOUT_MS);
    if (blockedGlob != null) {
      context.route(blockedGlob, route -> route.abort("connectionrefused"));
    }
    Page page = context.newPage();
    Tab tab = new Tab(context, page);
    page.onConsoleMessage(m -> {
      if ("error".equals(m.type())) {
        tab.errors.add("console: " + m.text());
      }
    });
    page.onPageError(e -> tab.errors.add("page error: " + e));
    page.onRequest(r -> tab.requests.add(r.url()));
    page.onResponse(r -> {
      if (r.status() >= 400) {
        tab.failed.add(r.status() + " " + r.url());
      }
    });
    page.navigate(url);
    return tab;
  }

  /**
   * Waits until the map has drawn everything it asked for: the page's {@code hotbeat.idle()}
   * resolves on the map's next {@code idle} event after a repaint.
   */
  Tab idle() {
    page.waitForFunction("() => window.hotbeat && window.hotbeat.ready");
    page.evaluate("() => window.hotbeat.idle()");
    page.waitForFunction("() => !document.getElementById('loading')"
        + " || document.getElementById('loading').hidden");
    return this;
  }

  /** Where lon/lat is on the page (CSS pixels, as in screenshots), for the view's first map. */
  int[] screen(double lon, double lat) {
    return screen(0, lon, lat);
  }

  /** Where lon/lat is on the page for map {@code index} of the view. */
  int[] screen(int index, double lon, double lat) {
    Object xy = page.evaluate("([i, lon, lat]) => { const m = window.hotbeat.maps[i];"
        + " const r = m.getContainer().getBoundingClientRect(); const p = m.project([lon, lat]);"
        + " return [Math.round(p.x + r.left), Math.round(p.y + r.top)]; }",
        List.of(index, lon, lat));
    List<?> l = (List<?>) xy;
    return new int[] {((Number) l.get(0)).intValue(), ((Number) l.get(1)).intValue()};
  }

  /**
   * Share of the pixels within 5 px of (x, y) that have a heat colour (the ramp runs yellow to
   * dark red: red well above blue); a window, since a beat outline may cross the very spot.
   */
  static double heatShare(BufferedImage img, int x, int y) {
    int heat = 0;
    int all = 0;
    for (int dy = -5; dy <= 5; dy++) {
      for (int dx = -5; dx <= 5; dx++) {
        int rgb = img.getRGB(x + dx, y + dy);
        all++;
        if ((rgb >> 16 & 0xff) > (rgb & 0xff) + 40) {
          heat++;
        }
      }
    }
    return heat / (double) all;
  }

  /** Sum of absolute RGB differences of two pixels. */
  static int difference(int rgb1, int rgb2) {
    int d = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      d += Math.abs((rgb1 >> shift & 0xff) - (rgb2 >> shift & 0xff));
    }
    return d;
  }

  /** Requests whose path starts with {@code prefix}. */
  List<String> requestsTo(String prefix) {
    synchronized (requests) {
      return requests.stream().filter(u -> java.net.URI.create(u).getPath().startsWith(prefix))
          .toList();
    }
  }

  /** Saves the visible page to {@code target/screenshots/NAME.png} and returns its pixels. */
  BufferedImage screenshot(String name) {
    byte[] png = page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve(name + ".png")));
    return image(png);
  }

  /** The visible page's pixels, without saving them. */
  BufferedImage pixels() {
    return image(page.screenshot());
  }

  private static BufferedImage image(byte[] png) {
    try {
      return ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
