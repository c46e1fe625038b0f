package org.hotbeat.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data sets in {@code ../shared/data} (beside the repository on developer machines, absent
 * from users' clones). Tests that need them skip with a message when they are not there.
 */
public final class SharedData {
  public static final Path ROOT = Path.of("..", "shared", "data");

  private SharedData() {}

  /** The file under {@code ../shared/data}, or skips the calling test. */
  public static Path require(String relative) {
    Path p = ROOT.resolve(relative);
    assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is not here (real data lives in "
        + "../shared/data on developer machines only)");
    return p;
  }
}
