package org.hotbeat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.hotbeat.HotbeatException;
import org.hotbeat.density.MetricProjection;
import org.hotbeat.evaluation.Backtest;
import org.hotbeat.evaluation.EventSet;
import org.hotbeat.evaluation.HitRatePlot;
import org.hotbeat.evaluation.StudyGrid;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.Mapping;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RawRecord;
import org.hotbeat.ingest.RecordMapper;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.store.Store;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPoint;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Backtest hotspot methods: build each method's risk surface from the training "
        + "period only, then score the test period (hit rate, PAI, RRI at 1, 5 and 10 % of the "
        + "study area, and the hit-rate curve).",
        "Methods: " + "naive, default, prospective, kde-wide (all when none is named)."})
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
    if (!trainFrom.isBefore(trainTo) || !testFrom.isBefore(testTo)) {
      throw new HotbeatException("each period must end after it starts");
    }
    if (testFrom.isBefore(trainTo)) {
      throw new HotbeatException("the test period must start after the training period ends "
          + "(training ends " + trainTo + ", test starts " + testFrom + ")");
    }
    List<String> ms = methods == null || methods.isEmpty() ? Backtest.METHODS : methods;
    for (String m : ms) {
      if (!Backtest.METHODS.contains(m)) {
        throw new HotbeatException("unknown method '" + m + "'; known: "
            + String.join(", ", Backtest.METHODS));
      }
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new HotbeatException("--format must be text or json");
    }
    double[][] ev = source.fromDb ? fromDb() : fromFiles();
    if (ev[0].length == 0) {
      throw new HotbeatException("no incidents in the periods given");
    }
    MetricProjection proj = MetricProjection.utmFor(ev[0], ev[1]);
    double[] xs = new double[ev[0].length];
    double[] ys = new double[ev[0].length];
    long[] ts = new long[ev[0].length];
    Coordinate[] coords = new Coordinate[xs.length];
    for (int i = 0; i < xs.length; i++) {
      double[] xy = proj.forward(ev[0][i], ev[1][i]);
      xs[i] = xy[0];
      ys[i] = xy[1];
      ts[i] = (long) ev[2][i];
      coords[i] = new Coordinate(xy[0], xy[1]);
    }
    GeometryFactory gf = new GeometryFactory();
    MultiPoint mp = gf.createMultiPointFromCoords(coords);
    Geometry area = mp.convexHull();
    EventSet all = new EventSet(xs, ys, ts);
    long a = epoch(trainFrom);
    long b = epoch(trainTo);
    Backtest.Result r;
    try {
      r = Backtest.run(new StudyGrid(area, cell, 20_000_000), all.between(a, b), b,
          all.between(epoch(testFrom), epoch(testTo)), ms);
    } catch (IllegalArgumentException e) {
      throw new HotbeatException(e.getMessage());
    }
    if (format.equals("json")) {
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(Backtest.json(r)));
    } else {
      System.out.printf("training %s to %s, test %s to %s; study area: convex hull (%.1f km², "
          + "EPSG:%d)%n", trainFrom, trainTo, testFrom, testTo, area.getArea() / 1e6, proj.epsg());
      System.out.print(Backtest.table(r));
    }
    if (plot != null) {
      Files.writeString(plot, HitRatePlot.svg(r, "Hit rate: train " + trainFrom + "–" + trainTo
          + ", test " + testFrom + "–" + testTo));
    }
    return 0;
  }

  private double[][] fromDb() throws SQLException {
    try (Store store = Store.open(ConfigOptions.toConfig(db), EmbeddedPostgres.Sharing.JOIN_RUNNING,
        null)) {
      return new IncidentRepository(store.database().dataSource()).events(new IncidentQuery(agency,
          null, Instant.ofEpochSecond(epoch(trainFrom)), Instant.ofEpochSecond(epoch(testTo)),
          null, null, null, null, null, null, 1), 20_000_000);
    }
  }

  private double[][] fromFiles() throws IOException {
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
          if (res.incident() != null) {
            long t = res.incident().occurredAt().getEpochSecond();
            if (t >= lo && t < hi) {
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

  private static long epoch(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }
}
