package org.hotbeat.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./hotbeat bench NAME}: runs one benchmark. Each measures hotbeat and its reference on the
 * same machine in the same run and prints, as its last line,
 * {@code NAME: ratio R (bar B) PASS|FAIL} (or {@code NAME: skipped (reason)} when the reference
 * or its data is not on this machine). Benchmarks are plain mains, apart from the tests, and never
 * run as part of {@code ./hotbeat test}.
 */
public final class Benchmarks {
  /** A benchmark: returns the process exit code (0 also for PASS, SKIPPED; 1 for FAIL). */
  public interface Benchmark {
    int run(String[] args) throws Exception;
  }

  private static final Map<String, Benchmark> ALL = new TreeMap<>();

  static {
    // Each issue that sets a speed bar registers its benchmark here.
    ALL.put("ingest", new IngestBenchmark());
    ALL.put("kde", new KdeBenchmark());
    ALL.put("matrix", new MatrixBenchmark());
    ALL.put("patrol", new PatrolBenchmark());
    ALL.put("tiles", new TileBenchmark());
    ALL.put("tiles-cached", new CachedTileBenchmark());
  }

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !ALL.containsKey(args[0])) {
      System.err.println(args.length == 0 ? "usage: hotbeat bench NAME" :
          "unknown benchmark '" + args[0] + "'");
      System.err.println("benchmarks: " + (ALL.isEmpty() ? "(none yet)" : String.join(", ", ALL.keySet())));
      System.exit(2);
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    System.exit(ALL.get(args[0]).run(rest));
  }

  /** Prints the last line every benchmark ends with; returns the exit code. */
  public static int verdict(String name, double ratio, String bar, boolean pass) {
    System.out.printf("%s: ratio %.3f (bar %s) %s%n", name, ratio, bar, pass ? "PASS" : "FAIL");
    return pass ? 0 : 1;
  }

  public static int skipped(String name, String reason) {
    System.out.printf("%s: skipped (%s)%n", name, reason);
    return 0;
  }
}
