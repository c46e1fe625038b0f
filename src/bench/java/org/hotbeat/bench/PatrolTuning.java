package org.hotbeat.bench;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hotbeat.patrol.OrienteeringSolver;
import org.hotbeat.patrol.PatrolProblem;

/**
 * Solver tuning on the problem {@code bench patrol} saved last ({@code target/bench-pg/
 * patrol-problem.bin}): risk and time of {@code solveVaried} for given rounds and tolerance over
 * five seeds. {@code java -cp … org.hotbeat.bench.PatrolTuning ROUNDS TOLERANCE}.
 */
final class PatrolTuning {
  private PatrolTuning() {}

  static void save(PatrolProblem p, Path file) throws IOException {
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeInt(p.candidates());
      out.writeObject(p.risk());
      out.writeObject(p.dwell());
      out.writeObject(p.travel());
      out.writeObject(p.start());
      out.writeObject(p.end());
      out.writeObject(p.budget());
      out.writeObject(p.site());
      out.writeDouble(p.minGap());
      out.writeInt(p.maxStops());
    }
  }

  static PatrolProblem load(Path file) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
      return new PatrolProblem(in.readInt(), (double[]) in.readObject(),
          (double[]) in.readObject(), (double[][][]) in.readObject(), (int[]) in.readObject(),
          (int[]) in.readObject(), (double[]) in.readObject(), (int[]) in.readObject(),
          in.readDouble(), in.readInt());
    }
  }

  public static void main(String[] args) throws Exception {
    PatrolProblem p = load(Path.of("target", "bench-pg", "patrol-problem.bin"));
    int rounds = Integer.parseInt(args[0]);
    double tolerance = Double.parseDouble(args[1]);
    for (int warm = 0; warm < 2; warm++) {
      OrienteeringSolver.solveVaried(p, 99, rounds, tolerance);
    }
    for (long seed = 1; seed <= Integer.getInteger("seeds", 5); seed++) {
      long t0 = System.nanoTime();
      double r = OrienteeringSolver.solveVaried(p, seed, rounds, tolerance).risk();
      System.out.printf(Locale.ROOT, "rounds %d tolerance %.3f seed %d: risk %.3f in %.2f s%n",
          rounds, tolerance, seed, r, (System.nanoTime() - t0) / 1e9);
    }
  }
}
