package org.hotbeat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.hotbeat.HotbeatException;
import org.hotbeat.evaluation.Backtest;
import org.hotbeat.config.Limits;
import org.hotbeat.evaluation.Evaluation;
import org.hotbeat.evaluation.EvaluationService;
import org.hotbeat.evaluation.HitRatePlot;
import org.hotbeat.evaluation.StudyArea;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.Mapping;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RawRecord;
import org.hotbeat.ingest.RecordMapper;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.store.BeatRepository;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.store.ManagedDatabase;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Backtest hotspot methods: build each method's risk surface from the training "
        + "period only, then score the test period (hit rate, PAI, RRI at 1, 5 and 10 % of the "
        + "study area, and the hit-rate curve).",
        "Methods: naive, default, kde, prospective, kde-wide (all when none is named), or any "
            + "setting as kde:BANDWIDTH_M[:HALF_LIFE_DAYS[:COUNT_SHARE[:NARROW_M]]]."})
final class EvaluateCommand implements Callable<Integer> {
  static final class Source {
    @Option(names = "--incidents", paramLabel = "FILE", description = "An incident file "
        + "(repeatable): CSV, JSON, GeoJSON or NDJSON, optionally .gz.")
    List<Path> files;

    @Option(names = "--from-db", description = "Read the incidents from the database instead.")
    boolean fromDb;
  }

  @ArgGroup(multiplicity = "1") Source source;
  @Mixin DatabaseOptions db;
  @Mixin LimitOptions limits;

  @Option(names = "--mapping", paramLabel = "NAME|FILE", description = "Mapping of the files. "
      + "Default: ${DEFAULT-VALUE}.")
  String mapping = "generic";

  @Option(names = "--agency", paramLabel = "A", description = "With --from-db: one agency.")
  String agency;

  @Option(names = "--train-from", required = true, paramLabel = "DATE") LocalDate trainFrom;
  @Option(names = "--train-to", required = true, paramLabel = "DATE",
      description = "End of training (exclusive).") LocalDate trainTo;
  @Option(names = "--test-from", required = true, paramLabel = "DATE") LocalDate testFrom;
  @Option(names = "--test-to", required = true, paramLabel = "DATE",
      description = "End of the test period (exclusive).") LocalDate testTo;

  @Option(names = "--method", paramLabel = "NAME", description = "A method (repeatable).")
  List<String> methods;

  @Option(names = "--category", paramLabel = "NAME", split = ",", description = "Only these "
      + "categories (repeatable or comma-separated).")
  List<String> categories;

  @Option(names = "--boundary", paramLabel = "FILE|BEAT", description = "The study area: a "
      + "GeoJSON file of polygons in WGS84 (e.g. districts), or with --from-db beat codes "
      + "(repeatable). Default: the convex hull of the incidents.")
  List<String> boundary;

  @Option(names = "--cell", paramLabel = "M", description = "Cell size in metres. "
      + "Default: ${DEFAULT-VALUE}.")
  double cell = 150;

  @Option(names = "--format", paramLabel = "F", description = "text or json. "
      + "Default: ${DEFAULT-VALUE}.")
  String format = "text";

  @Option(names = "--plot", paramLabel = "FILE.svg", description = "Write the hit-rate curves.")
  Path plot;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) {
      throw new HotbeatException("--format must be text or json");
    }
    Limits bounds = limits.toLimits();
    EvaluationService.Request request = new EvaluationService.Request(
        new Evaluation.Periods(instant(trainFrom), instant(trainTo), instant(testFrom),
            instant(testTo)), methods == null ? List.of() : methods, cell);
    Evaluation.Outcome o;
    if (source.fromDb) {
      try (ManagedDatabase store = ManagedDatabase.open(ConfigOptions.toConfig(db, limits),
          EmbeddedPostgres.Sharing.JOIN_RUNNING, null)) {
        DataSource ds = store.database().dataSource();
        EvaluationService service = new EvaluationService(new IncidentRepository(ds),
            new BeatRepository(ds), bounds);
        List<String> texts = boundaryFiles();
        Set<String> beats = new LinkedHashSet<>(boundary == null ? List.of() : boundary);
        beats.removeIf(b -> Files.isRegularFile(Path.of(b)));
        Geometry files = texts.isEmpty() ? null : StudyArea.fromGeoJson(texts);
        Geometry named = beats.isEmpty() ? null : service.beatArea(agency, beats);
        o = service.backtest(filter(), files == null ? named
            : named == null ? files : files.union(named), request);
      }
    } else {
      EvaluationService service = new EvaluationService(null, null, bounds);
      List<String> texts = boundaryFiles();
      o = service.backtest(fromFiles(bounds.maxIncidents()), request,
          texts.isEmpty() ? null : StudyArea.fromGeoJson(texts));
    }
    Backtest.Result r = o.result();
    if (format.equals("json")) {
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(r));
    } else {
      System.out.printf("training %s to %s, test %s to %s%s; study area: %s (%.1f km², "
          + "EPSG:%d)%n", trainFrom, trainTo, testFrom, testTo, categories == null ? ""
          : ", categories " + String.join(", ", categories), boundary == null ? o.area()
          : String.join(", ", boundary), o.areaKm2(), o.epsg());
      System.out.print(Backtest.table(r));
    }
    if (plot != null) {
      Files.writeString(plot, HitRatePlot.svg(r, "Hit rate: train " + trainFrom + "–" + trainTo
          + ", test " + testFrom + "–" + testTo));
    }
    return 0;
  }

  /** With --from-db: the agency and categories asked for (the periods come from the request). */
  private IncidentQuery filter() {
    return new IncidentQuery(agency, null, null, null,
        categories == null ? null : Set.copyOf(categories), null, null, null, null, null, 1);
  }

  /**
   * The incidents of the files in both periods, read as {@code POST /api/incidents} reads an
   * upload (format by file name, then the mapping), at most {@code maxIncidents}.
   */
  private double[][] fromFiles(int maxIncidents) throws IOException {
    Mapping m;
    try {
      m = Mappings.load(mapping);
    } catch (IllegalArgumentException e) {
      throw new HotbeatException(e.getMessage());
    }
    List<double[]> rows = new ArrayList<>();
    long lo = epoch(trainFrom);
    long hi = epoch(testTo);
    for (Path f : source.files) {
      InputFormat fmt = InputFormat.ofFileName(f.getFileName().toString());
      if (fmt == null || !Files.isRegularFile(f)) {
        throw new HotbeatException("cannot read " + f + " (a .csv, .json, .geojson or .ndjson file)");
      }
      RecordMapper mapper = new RecordMapper(m, null, Clock.systemUTC());
      try (InputStream raw = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
          InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
          RecordReader r = fmt.open(in)) {
        for (RawRecord rec; (rec = r.next()) != null; ) {
          RecordMapper.Result res = mapper.map(rec);
          if (res.incident() != null && (categories == null
              || categories.contains(res.incident().category()))) {
            long t = res.incident().occurredAt().getEpochSecond();
            if (t >= lo && t < hi) {
              if (rows.size() == maxIncidents) {
                throw Limits.tooManyIncidents(maxIncidents);
              }
              rows.add(new double[] {res.incident().lon(), res.incident().lat(), t});
            }
          }
        }
      }
    }
    double[][] out = new double[3][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int k = 0; k < 3; k++) {
        out[k][i] = rows.get(i)[k];
      }
    }
    return out;
  }

  /** The GeoJSON texts of the --boundary files; other values must be beat codes (--from-db). */
  private List<String> boundaryFiles() throws IOException {
    List<String> out = new ArrayList<>();
    for (String b : boundary == null ? List.<String>of() : boundary) {
      Path f = Path.of(b);
      if (Files.isRegularFile(f)) {
        out.add(Files.readString(f));
      } else if (!source.fromDb) {
        throw new HotbeatException("--boundary: cannot read " + b + " (beat codes need --from-db)");
      }
    }
    return out;
  }

  private static Instant instant(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static long epoch(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }
}
