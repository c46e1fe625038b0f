package org.hotbeat.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hotbeat.testing.TestDirs;

/** A generated city for tests, made once per name, with a plain reader of its CSV. */
final class GeneratedCity {
  private static final Map<String, GeneratedCity> MADE = new HashMap<>();

  final Path folder;
  final Truth truth;

  private GeneratedCity(Path folder) throws IOException {
    this.folder = folder;
    this.truth = new ObjectMapper().readValue(folder.resolve(DemoCity.TRUTH_FILE).toFile(),
        Truth.class);
  }

  /** The city for {@code seed} with {@code incidents} rows, generated on first use. */
  static synchronized GeneratedCity of(long seed, long incidents) {
    return MADE.computeIfAbsent(seed + "-" + incidents, key -> {
      Path folder = TestDirs.fresh("demo-city-" + key);
      DemoCity.generate(seed, incidents, folder, done -> { });
      try {
        return new GeneratedCity(folder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  Path file(String name) {
    return folder.resolve(name);
  }

  /** One CSV row as written; {@code lon}/{@code lat}/{@code at} are null when they do not parse. */
  record Row(long line, String id, String occurredAt, OffsetDateTime at, Double lon, Double lat,
      String offense, String category) {
    boolean located() {
      return lon != null && lat != null;
    }
  }

  void eachRow(Consumer<Row> consumer) {
    try (BufferedReader in = Files.newBufferedReader(file(DemoCity.INCIDENTS_FILE))) {
      String header = in.readLine();
      if (!IncidentCsv.HEADER.equals(header)) {
        throw new AssertionError("header " + header);
      }
      long line = 1;
      for (String s = in.readLine(); s != null; s = in.readLine()) {
        line++;
        String[] f = s.split(",", -1);
        if (f.length != 6) {
          throw new AssertionError("line " + line + " has " + f.length + " fields: " + s);
        }
        consumer.accept(new Row(line, f[0], f[1], time(f[1]), number(f[2]), number(f[3]), f[4],
            f[5]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    eachRow(rows::add);
    return rows;
  }

  private static OffsetDateTime time(String s) {
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Double number(String s) {
    return s.isEmpty() ? null : Double.valueOf(s);
  }
}
