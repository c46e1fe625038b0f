package org.hotbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may import whom, read from the import lines of {@code src/main/java} (ARCHITECTURE.md,
 * "Package rules"). Packages are named by their first segment below {@code org.hotbeat}; the
 * root package, which holds the domain exceptions, is {@code ""}.
 */
class PackageRulesTest {
  private static final Path SOURCES = Path.of("src/main/java/org/hotbeat");
  private static final Pattern IMPORT = Pattern.compile(
      "^import (?:static )?org\\.hotbeat\\.(?:([a-z]\\w*)\\.)?([A-Z]\\w*)", Pattern.MULTILINE);
  /** Adapters: they may use every feature package; no feature package may use them. */
  private static final Set<String> ADAPTERS = Set.of("web", "cli");

  /** Each import edge, package to package, with the file that makes it: from → to → files. */
  private static final Map<String, Map<String, Set<String>>> imports = new TreeMap<>();

  @BeforeAll
  static void readImports() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(PackageRulesTest::read);
    }
  }

  private static void read(Path file) {
    Path rel = SOURCES.relativize(file);
    String from = rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
    imports.computeIfAbsent(from, k -> new TreeMap<>());
    try {
      Matcher m = IMPORT.matcher(Files.readString(file));
      while (m.find()) {
        String to = m.group(1) == null ? "" : m.group(1);
        if (!to.equals(from)) {
          imports.get(from).computeIfAbsent(to, k -> new TreeSet<>())
              .add(rel.toString() + " → " + (to.isEmpty() ? "" : to + ".") + m.group(2));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> violations(String from, Set<String> forbidden) {
    List<String> out = new ArrayList<>();
    imports.getOrDefault(from, Map.of()).forEach((to, files) -> {
      if (forbidden.contains(to)) {
        out.addAll(files);
      }
    });
    return out;
  }

  @Test
  void thereIsNoCycleBetweenPackages() {
    List<List<String>> cycles = new ArrayList<>();
    for (String start : imports.keySet()) {
      List<String> path = cycleThrough(start);
      if (path != null && path.get(0).equals(start) && start.equals(
          path.stream().min(String::compareTo).orElseThrow())) {
        cycles.add(path);   // each cycle once, from its smallest package
      }
    }
    assertEquals(List.of(), cycles, "package cycles (see the imports above each name): "
        + cycles.stream().map(c -> edgesOf(c)).toList());
  }

  /** The shortest path from {@code start} back to itself, or null. */
  private static List<String> cycleThrough(String start) {
    Map<String, String> previous = new TreeMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String at = queue.poll();
      for (String next : targets(at)) {
        if (next.equals(start)) {
          List<String> path = new ArrayList<>(List.of(at));
          for (String p = previous.get(at); p != null; p = previous.get(p)) {
            path.add(0, p);
          }
          if (!path.get(0).equals(start)) {
            path.add(0, start);
          }
          return path;
        }
        if (!previous.containsKey(next) && !next.equals(start)) {
          previous.put(next, at);
          queue.add(next);
        }
      }
    }
    return null;
  }

  /** The packages {@code from} imports. */
  private static List<String> targets(String from) {
    return List.copyOf(imports.getOrDefault(from, Map.of()).keySet());
  }

  private static List<String> edgesOf(List<String> cycle) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cycle.size(); i++) {
      String to = cycle.get((i + 1) % cycle.size());
      out.add(imports.get(cycle.get(i)).get(to).iterator().next());
    }
    return out;
  }

  @Test
  void storeStreetsAndEvaluationImportNothingFromTilesOrWeb() {
    List<String> found = new ArrayList<>();
    for (String p : List.of("store", "streets", "evaluation")) {
      found.addAll(violations(p, Set.of("tiles", "web")));
    }
    assertEquals(List.of(), found);
  }

  @Test
  void noFeaturePackageImportsTheAdapters() {
    List<String> found = new ArrayList<>();
    for (String p : imports.keySet()) {
      if (!ADAPTERS.contains(p)) {
        found.addAll(violations(p, ADAPTERS));
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void geoAndTimeImportOnlyTheRootExceptions() {
    List<String> found = new ArrayList<>();
    for (String p : List.of("geo", "time")) {
      imports.getOrDefault(p, Map.of()).forEach((to, files) -> {
        if (to.isEmpty()) {
          files.stream().filter(f -> !f.endsWith("Exception")).forEach(found::add);
        } else {
          found.addAll(files);
        }
      });
    }
    assertEquals(List.of(), found);
  }
}
