package org.hotbeat.web.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine's own headless Chromium ({@code /usr/bin/chromium}, Debian's {@code chromium}
 * package) driven by Playwright for Java. Nothing is downloaded: Playwright's browser download is
 * switched off, and the flags keep Chromium off the network it would otherwise call home to.
 * One per test class: starting a browser costs seconds.
 */
final class Chromium implements AutoCloseable {
  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  /** A first MapLibre load through SwiftShader WebGL can take 20 s on a busy machine. */
  static final double TIMEOUT_MS = 60_000;
  private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--use-gl=swiftshader", "--enable-unsafe-swiftshader");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Launches Chromium, or skips the calling test class when the machine has none. */
  static Chromium launch() {
    assumeTrue(Files.isExecutable(EXECUTABLE), EXECUTABLE + " is missing: browser tests skipped "
        + "(install Debian's 'chromium' package; ./hotbeat does)");
    Playwright pw = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser b = pw.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS).setTimeout(TIMEOUT_MS));
      return new Chromium(pw, b);
    } catch (RuntimeException e) {
      pw.close();
      throw e;
    }
  }

  /** A fresh tab (own cookies and session storage) of 1280×720, the projector size. */
  Tab open(String url) {
    return Tab.open(browser, url);
  }

  /**
   * A tab whose requests matching {@code glob} fail as if the server were unreachable: what the
   * page shows when the server is down, without stopping the one the other tests use.
   */
  Tab openBlocked(String url, String glob) {
    return Tab.open(browser, url, glob);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }

  /** Closes what a test class started, skipping what never started (a skipped class). */
  static void closeAll(AutoCloseable... started) throws Exception {
    for (AutoCloseable c : started) {
      if (c != null) {
        c.close();
      }
    }
  }
}
