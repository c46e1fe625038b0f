package org.hotbeat.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Small gzip inputs that expand enormously, made in the test rather than committed: gzip members
 * concatenated (which every gzip reader must accept), each a MiB of one byte compressed to about
 * 1 kB, so 2 GiB take about 2 MB.
 */
public final class GzipBomb {
  private GzipBomb() {}

  /** {@code prefix} followed by {@code mib} MiB of {@code fill} (no line break), gzipped. */
  public static byte[] of(String prefix, int mib, byte fill) {
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, fill);
    byte[] member = gzip(block);
    ByteArrayOutputStream out = new ByteArrayOutputStream(member.length * mib + 1024);
    out.writeBytes(gzip(prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    for (int i = 0; i < mib; i++) {
      out.writeBytes(member);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The heap in use now, in bytes, after asking for a collection. */
  public static long heapUsed() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Samples the heap in use every few milliseconds while {@code work} runs; returns the peak. */
  public static long peakHeapDuring(Runnable work) {
    Runtime rt = Runtime.getRuntime();
    long[] peak = {rt.totalMemory() - rt.freeMemory()};
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    try {
      work.run();
    } finally {
      sampler.interrupt();
      try {
        sampler.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return peak[0];
  }
}
