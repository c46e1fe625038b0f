package org.hotbeat.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display for row imports on stderr: rows, rows/s, share of the input done
 * and ETA. (Phase-by-phase work such as the street import uses {@link PhaseProgressBar}.)
 */
final class RowProgressBar {
  private final PrintStream out;
  private final long totalBytes;
  private final long started = System.nanoTime();
  /** On a terminal the bar redraws in place twice a second; in a log, a line every 10 s. */
  private final boolean terminal = System.console() != null;
  private long lastDrawn;

  /** @param totalBytes size of the input, or -1 if unknown */
  RowProgressBar(PrintStream out, long totalBytes) {
    this.out = out;
    this.totalBytes = totalBytes;
  }

  void update(long rows, long bytes, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDrawn < (terminal ? 500_000_000L : 10_000_000_000L)) {
      return;
    }
    lastDrawn = now;
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "\r%,12d rows  %,9.0f rows/s",
        rows, rows / seconds));
    if (totalBytes > 0 && bytes >= 0) {
      double done = Math.min(1.0, (double) bytes / totalBytes);
      int width = 24;
      int filled = (int) Math.round(done * width);
      s.append("  [").append("#".repeat(filled)).append(" ".repeat(width - filled)).append(']')
          .append(String.format(Locale.ROOT, " %3.0f%%", done * 100));
      if (done > 0.01 && done < 1) {
        long eta = Math.round(seconds / done * (1 - done));
        s.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
      }
    }
    if (terminal) {
      out.print(s);
    } else {
      out.println(s.substring(1));
    }
    out.flush();
  }

  void done() {
    if (terminal) {
      out.println();
    }
  }
}
