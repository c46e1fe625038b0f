package org.hotbeat.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.hotbeat.HotbeatException;

/**
 * The generated demo city: a street map ({@value #STREETS_FILE}, OSM XML), police beats
 * ({@value #BEATS_FILE}, GeoJSON with {@code code} and {@code name}), incidents
 * ({@value #INCIDENTS_FILE}, CSV in the generic mapping) and the planted truth
 * ({@value #TRUTH_FILE}). The same seed and count always give byte-identical files. Incidents are
 * streamed to disk, so memory does not grow with their number. See docs/demo-data.md.
 */
public final class DemoCity {
  public static final String STREETS_FILE = "city.osm";
  public static final String BEATS_FILE = "beats.geojson";
  public static final String INCIDENTS_FILE = "incidents.csv";
  public static final String TRUTH_FILE = "truth.json";
  public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
  public static final LocalDate LAST_SIX_MONTHS = LocalDate.of(2024, 7, 1);
  public static final ZoneId ZONE = ZoneId.of("America/Chicago");
  public static final long MAX_INCIDENTS = 100_000_000;
  /** West, south, east, north (WGS84) of the town with a 500 m margin: where its incidents lie. */
  public static final java.util.List<Double> EXTENT = java.util.List.of(
      TownPlan.PROJECTION.lon(-500), TownPlan.PROJECTION.lat(-500),
      TownPlan.PROJECTION.lon(TownPlan.WIDTH + 500), TownPlan.PROJECTION.lat(TownPlan.HEIGHT + 500));
  /** Every OSM object carries this version and timestamp (GraphHopper and osmium want them). */
  static final String OSM_TIMESTAMP = "2024-12-31T00:00:00Z";

  /** What was written. */
  public record Result(Path folder, long incidents, long badRows, int streetWays, int beats) {}

  private DemoCity() {}

  /**
   * Writes the city for {@code seed} with {@code incidents} rows into {@code folder} (created if
   * missing; files of an earlier run are replaced). {@code progress} hears the share done, 0–1.
   *
   * @throws HotbeatException for a bad count or a folder that cannot be written
   */
  public static Result generate(long seed, long incidents, Path folder, DoubleConsumer progress) {
    if (incidents < 1 || incidents > MAX_INCIDENTS) {
      throw new HotbeatException("--incidents must be between 1 and " + MAX_INCIDENTS + ", got "
          + incidents);
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new HotbeatException("cannot create the output folder " + folder + ": "
          + describe(e));
    }
    TownPlan plan = TownPlan.build();
    List<Hotspot> hotspots = Hotspot.plant(plan, seed);
    IncidentStream stream = new IncidentStream(new StreetIndex(plan), hotspots, seed, incidents);
    write(folder, STREETS_FILE, out -> OsmWriter.write(plan, out));
    write(folder, BEATS_FILE, out -> writeBeats(plan, out));
    IncidentStream.Counts[] counts = new IncidentStream.Counts[1];
    write(folder, INCIDENTS_FILE, out -> counts[0] = stream.write(out, progress));
    Truth truth = truth(seed, incidents, plan, hotspots, counts[0]);
    write(folder, TRUTH_FILE, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out, truth));
    return new Result(folder, counts[0].rows(), counts[0].badRows().size(),
        truth.town().streetWays(), plan.beats().size());
  }

  private interface Content {
    void write(Writer out) throws IOException;
  }

  /** Writes through a temporary file renamed at the end, so a failed run leaves no half file. */
  private static void write(Path folder, String name, Content content) {
    Path target = folder.resolve(name);
    Path temporary = folder.resolve("." + name + ".part");
    try {
      try (Writer out = new BufferedWriter(new OutputStreamWriter(
          Files.newOutputStream(temporary), StandardCharsets.UTF_8), 1 << 20)) {
        content.write(out);
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the first fault is the one to report
      }
      throw new HotbeatException("cannot write " + target + ": " + describe(e));
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "a file of that name is in the way (" + e.getMessage() + ")";
    }
    if (e instanceof NoSuchFileException) {
      return "no such folder (" + e.getMessage() + ")";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void writeBeats(TownPlan plan, Writer out) throws IOException {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("{\"type\":\"FeatureCollection\",\"features\":[\n");
    List<TownPlan.Beat> beats = plan.beats();
    for (int i = 0; i < beats.size(); i++) {
      TownPlan.Beat beat = beats.get(i);
      b.append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(beat.code())
          .append("\",\"name\":\"").append(beat.name())
          .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
      double[][] ring = beat.ring();
      for (int k = 0; k < ring.length; k++) {
        b.append(k == 0 ? "[" : ",[");
        Decimals.append(b, TownPlan.PROJECTION.lon(ring[k][0]), 7).append(',');
        Decimals.append(b, TownPlan.PROJECTION.lat(ring[k][1]), 7).append(']');
      }
      b.append("]]}}").append(i < beats.size() - 1 ? ",\n" : "\n");
    }
    b.append("]}\n");
    out.append(b);
  }

  private static Truth truth(long seed, long incidents, TownPlan plan, List<Hotspot> hotspots,
      IncidentStream.Counts counts) {
    LocalProjection p = TownPlan.PROJECTION;
    List<Truth.HotspotTruth> hs = new ArrayList<>();
    for (int i = 0; i < hotspots.size(); i++) {
      Hotspot h = hotspots.get(i);
      hs.add(new Truth.HotspotTruth(h.id(), h.kind().name().toLowerCase(Locale.ROOT),
          round7(p.lon(h.x())), round7(p.lat(h.y())), h.radius(), h.from().toString(),
          h.to().toString(), h.kind() == Hotspot.Kind.FADING ? "linear-decline" : "constant",
          h.categories().stream().map(c -> c.id).toList(), h.share(),
          Math.round(h.share() * incidents), counts.hotspots()[i]));
    }
    Map<String, Long> background = new LinkedHashMap<>();
    counts.background().forEach((c, n) -> background.put(c.id, n));
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (IncidentCsv.BadRow.Reason r : IncidentCsv.BadRow.Reason.values()) {
      byReason.put(reasonId(r), 0L);
    }
    List<Truth.BadRow> rows = new ArrayList<>(counts.badRows().size());
    for (IncidentCsv.BadRow r : counts.badRows()) {
      rows.add(new Truth.BadRow(r.line(), r.id(), reasonId(r.reason()), r.detail()));
      byReason.merge(reasonId(r.reason()), 1L, Long::sum);
    }
    int streetWays = (int) plan.ways().stream().filter(w -> w.tags().containsKey("highway"))
        .count();
    List<String> police = new ArrayList<>();
    for (int i = 0; i < plan.nodeCount(); i++) {
      if ("police".equals(plan.nodeTags(i).get("amenity"))) {
        police.add(plan.nodeTags(i).get("name"));
      }
    }
    return new Truth("hotbeat demo-data", seed, incidents,
        new Truth.Period(FIRST_DAY.toString(), LAST_DAY.toString(), LAST_SIX_MONTHS.toString(),
            ZONE.getId()),
        new Truth.Town(TownPlan.TOWN_NAME, new double[] {round7(p.lon(0)), round7(p.lat(0)),
            round7(p.lon(TownPlan.WIDTH)), round7(p.lat(TownPlan.HEIGHT))}, TownPlan.WIDTH,
            TownPlan.HEIGHT, plan.nodeCount(), streetWays, plan.ways().size(),
            plan.beats().size(), police),
        new Truth.Files(STREETS_FILE, BEATS_FILE, INCIDENTS_FILE), hs,
        new Truth.NearRepeat(Category.BURGLARY.id, IncidentStream.BRANCHING,
            IncidentStream.NEAR_REPEAT_SIGMA_METRES, IncidentStream.NEAR_REPEAT_MEAN_DELAY_DAYS,
            counts.nearRepeat(), counts.nearRepeatDropped()),
        background, new Truth.BadRows(rows.size(), byReason, rows));
  }

  static String reasonId(IncidentCsv.BadRow.Reason r) {
    return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static double round7(double v) {
    return Math.round(v * 1e7) / 1e7;
  }
}
