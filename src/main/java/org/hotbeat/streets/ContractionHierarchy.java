package org.hotbeat.streets;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A contraction hierarchy of one travel mode on the street graph's nodes (GraphHopper's base
 * graph ids), built by {@link Contractor}: every arc, original or shortcut, leads from a lower to
 * a higher ranked node ({@code up*}, for searches from origins) or is stored at its head for
 * searches backwards from targets ({@code down*}: from a node to the higher ranked tails of its
 * incoming arcs). Each arc carries its weight (what the mode's GraphHopper weighting minimises),
 * its time in milliseconds (GraphHopper's per-edge milliseconds, summed) and its length, so a
 * travel time needs no unpacking of shortcuts. Immutable, apart from the pool of idle search
 * arrays; stored beside the graph as {@code ch-MODE.bin}.
 */
final class ContractionHierarchy {
  private static final Logger log = LoggerFactory.getLogger(ContractionHierarchy.class);
  private static final int MAGIC = 0x48424348;   // "HBCH"
  private static final int VERSION = 1;

  final int nodes;
  final int[] upStart;
  final int[] upTo;
  final double[] upWeight;
  final int[] upMillis;
  final double[] upMetres;
  final int[] downStart;
  final int[] downTo;
  final double[] downWeight;
  final int[] downMillis;
  final double[] downMetres;
  /** Search arrays of finished matrices, reused by the next ones (see {@link ManyToMany}). */
  final Queue<ManyToMany> idleSearches = new ConcurrentLinkedQueue<>();

  private ContractionHierarchy(int nodes, int[] upStart, int[] upTo, double[] upWeight,
      int[] upMillis, double[] upMetres, int[] downStart, int[] downTo, double[] downWeight,
      int[] downMillis, double[] downMetres) {
    this.nodes = nodes;
    this.upStart = upStart;
    this.upTo = upTo;
    this.upWeight = upWeight;
    this.upMillis = upMillis;
    this.upMetres = upMetres;
    this.downStart = downStart;
    this.downTo = downTo;
    this.downWeight = downWeight;
    this.downMillis = downMillis;
    this.downMetres = downMetres;
  }

  /** Splits the arcs by rank into the two adjacency arrays. */
  static ContractionHierarchy of(int n, int[] rank, int arcs, int[] from, int[] to,
      double[] weight, int[] millis, double[] metres) {
    int[] upStart = new int[n + 1];
    int[] downStart = new int[n + 1];
    for (int a = 0; a < arcs; a++) {
      if (rank[from[a]] < rank[to[a]]) {
        upStart[from[a] + 1]++;
      } else {
        downStart[to[a] + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      upStart[i + 1] += upStart[i];
      downStart[i + 1] += downStart[i];
    }
    int ups = upStart[n];
    int downs = downStart[n];
    int[] upTo = new int[ups];
    double[] upWeight = new double[ups];
    int[] upMillis = new int[ups];
    double[] upMetres = new double[ups];
    int[] downTo = new int[downs];
    double[] downWeight = new double[downs];
    int[] downMillis = new int[downs];
    double[] downMetres = new double[downs];
    int[] upFill = java.util.Arrays.copyOf(upStart, n);
    int[] downFill = java.util.Arrays.copyOf(downStart, n);
    for (int a = 0; a < arcs; a++) {
      int i;
      if (rank[from[a]] < rank[to[a]]) {
        i = upFill[from[a]]++;
        upTo[i] = to[a];
        upWeight[i] = weight[a];
        upMillis[i] = millis[a];
        upMetres[i] = metres[a];
      } else {
        i = downFill[to[a]]++;
        downTo[i] = from[a];
        downWeight[i] = weight[a];
        downMillis[i] = millis[a];
        downMetres[i] = metres[a];
      }
    }
    return new ContractionHierarchy(n, upStart, upTo, upWeight, upMillis, upMetres, downStart,
        downTo, downWeight, downMillis, downMetres);
  }

  int arcs() {
    return upTo.length + downTo.length;
  }

  static Path file(Path graphDir, TravelMode mode) {
    return graphDir.resolve("ch-" + mode.id() + ".bin");
  }

  void write(Path file) {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(nodes);
      writeSide(out, upStart, upTo, upWeight, upMillis, upMetres);
      writeSide(out, downStart, downTo, downWeight, downMillis, downMetres);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The hierarchy stored in {@code file}, or null when it is missing, unreadable or not for
   * {@code nodes}.
   */
  static ContractionHierarchy read(Path file, int nodes) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != nodes) {
        return null;
      }
      int[] upStart = ints(in, nodes + 1);
      int ups = upStart[nodes];
      int[] upTo = ints(in, ups);
      double[] upWeight = doubles(in, ups);
      int[] upMillis = ints(in, ups);
      double[] upMetres = doubles(in, ups);
      int[] downStart = ints(in, nodes + 1);
      int downs = downStart[nodes];
      return new ContractionHierarchy(nodes, upStart, upTo, upWeight, upMillis, upMetres,
          downStart, ints(in, downs), doubles(in, downs), ints(in, downs), doubles(in, downs));
    } catch (IOException e) {
      // Cut short or unreadable: the caller builds the hierarchy again, as for an older graph.
      log.warn("cannot read {}, building the hierarchy again: {}", file, e.toString());
      return null;
    }
  }

  private static void writeSide(DataOutputStream out, int[] start, int[] to, double[] weight,
      int[] millis, double[] metres) throws IOException {
    for (int v : start) {
      out.writeInt(v);
    }
    for (int v : to) {
      out.writeInt(v);
    }
    for (double v : weight) {
      out.writeDouble(v);
    }
    for (int v : millis) {
      out.writeInt(v);
    }
    for (double v : metres) {
      out.writeDouble(v);
    }
  }

  private static int[] ints(DataInputStream in, int n) throws IOException {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readInt();
    }
    return a;
  }

  private static double[] doubles(DataInputStream in, int n) throws IOException {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }
}
