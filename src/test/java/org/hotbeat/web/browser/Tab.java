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
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1280, 720).setAcceptDownloads(true));
    context.setDefaultTimeout(Chromium.TIMEOUT_MS);
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
    return this;
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
