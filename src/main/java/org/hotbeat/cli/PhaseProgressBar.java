package org.hotbeat.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hotbeat.Progress;

/**
 * Draws {@link Progress} (work in named phases) on a terminal: one line per phase, redrawn in place four times a second
 * with a bar (or, with no known total, the time so far). Off a terminal (a log, CI) it prints one
 * line per finished phase instead.
 */
final class PhaseProgressBar implements Progress {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean live;
  private final ScheduledExecutorService ticker;
  private ScheduledFuture<?> tick;
  private volatile String phase;
  private volatile long total;
  private volatile long done;
  private volatile long startedNanos;

  PhaseProgressBar(PrintStream out, boolean live) {
    this.out = out;
    this.live = live;
    this.ticker = live ? Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "progress");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  static PhaseProgressBar onStandardError() {
    return new PhaseProgressBar(System.err, System.console() != null);
  }

  @Override
  public synchronized void phase(String name, long total) {
    endPhase();
    this.phase = name;
    this.total = total;
    this.done = 0;
    this.startedNanos = System.nanoTime();
    if (live) {
      tick = ticker.scheduleAtFixedRate(this::draw, 0, 250, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void advance(long amount) {
    done += amount;
  }

  @Override
  public synchronized void finish() {
    endPhase();
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }

  private void endPhase() {
    if (phase == null) {
      return;
    }
    if (tick != null) {
      tick.cancel(false);
    }
    if (total > 0) {
      done = total;
    }
    if (live) {
      draw();
      out.println();
    } else {
      out.println(line());
    }
    phase = null;
  }

  private synchronized void draw() {
    if (phase != null) {
      out.print("\r" + line() + "   ");
      out.flush();
    }
  }

  String line() {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    if (total <= 0) {
      return String.format("%-28s %6.1f s", phase, seconds);
    }
    long d = Math.min(done, total);
    int filled = (int) (WIDTH * d / total);
    return String.format("%-28s [%s%s] %3d%% %,d/%,d %6.1f s", phase, "#".repeat(filled),
        " ".repeat(WIDTH - filled), 100 * d / total, d, total, seconds);
  }
}
