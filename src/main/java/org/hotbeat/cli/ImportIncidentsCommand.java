package org.hotbeat.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.hotbeat.HotbeatException;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.ingest.CountingInputStream;
import org.hotbeat.ingest.ImportReport;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.Mapping;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.ManagedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "incidents", mixinStandardHelpOptions = true,
    description = {"Import incidents from a CSV, JSON, GeoJSON or NDJSON file (optionally .gz).",
        "Re-importing updates records by id and never duplicates them. Rejected rows are listed "
            + "with their row number and reason in FILE.rejects.csv beside the input."})
final class ImportIncidentsCommand implements Callable<Integer> {
  @Mixin DatabaseOptions db;
  @Mixin IngestOptions ingest;

  @Parameters(paramLabel = "FILE", description = "The file to import.")
  Path file;

  @Option(names = "--mapping", required = true, paramLabel = "NAME|FILE",
      description = "Column mapping: chicago, police-uk, generic, or a JSON/YAML mapping file.")
  String mapping;

  @Option(names = "--agency", paramLabel = "A",
      description = "Agency the records belong to (default: the mapping's).")
  String agency;

  @Option(names = "--srid", paramLabel = "N",
      description = "EPSG code of the x/y columns (default: the mapping's).")
  Integer srid;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Where to list rejected rows (default: FILE.rejects.csv beside the input).")
  Path rejectsPath;

  @Option(names = "--format", paramLabel = "F",
      description = "csv, json or ndjson (default: from the file name).")
  InputFormat format;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new HotbeatException("no such file: " + file);
    }
    Mapping m;
    try {
      m = Mappings.load(mapping);
    } catch (IllegalArgumentException e) {
      throw new HotbeatException(e.getMessage());
    }
    InputFormat f = format != null ? format : InputFormat.ofFileName(file.getFileName().toString());
    if (f == null) {
      throw new HotbeatException("cannot tell the format of " + file.getFileName()
          + " from its name: give --format csv, json or ndjson");
    }
    Path rejects = rejectsPath != null ? rejectsPath : rejectsFile(file);
    Files.deleteIfExists(rejects);
    HotbeatConfig config = ConfigOptions.toConfig(db, ingest);
    try (ManagedDatabase store = ManagedDatabase.open(config, EmbeddedPostgres.Sharing.JOIN_RUNNING,
        null);
        RejectsWriter rejectsOut = new RejectsWriter(rejects)) {
      long size = Files.size(file);
      var counted = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
      CountingInputStream raw = new CountingInputStream(counted);
      InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      RowProgressBar bar = new RowProgressBar(System.err, size);
      ImportReport report;
      // A file may be as long as it likes (bytes and rows are bound per HTTP request only), but
      // its lines and fields are bound like any upload's, so no file can exhaust memory.
      try (RecordReader reader = f.open(in, config.ingestLimits())) {
        report = new IngestService(store.database().dataSource(), Clock.systemUTC()).ingest(
            reader, m, agency, srid, new IngestService.Source(file.getFileName().toString(),
                "cli:" + System.getProperty("user.name")),
            new IngestService.Listener() {
              @Override
              public void progress(long rows, long bytes) {
                bar.update(rows, raw.count(), false);
              }

              @Override
              public void issue(ImportReport.RowIssue issue) {
                rejectsOut.write(issue);
              }
            });
        bar.update(report.rows(), raw.count(), true);
        bar.done();
      } catch (IOException e) {
        bar.done();
        throw new HotbeatException("cannot read " + file + ": " + e.getMessage()
            + "; nothing was imported", e);
      } catch (SQLException e) {
        throw new HotbeatException("the import failed in the database: " + e.getMessage()
            + "; nothing was imported", e);
      }
      System.out.printf("%s: %,d rows: %,d inserted, %,d updated, %,d unchanged, %,d rejected, "
              + "%,d duplicate ids (last wins)%n", file.getFileName(), report.rows(),
          report.inserted(), report.updated(), report.unchanged(), report.rejected(),
          report.duplicates());
      if (report.issuesTotal() > 0) {
        System.out.println("rejected and superseded rows, by row number and reason: " + rejects);
      }
      return 0;
    }
  }

  static Path rejectsFile(Path input) {
    String name = input.getFileName().toString().replaceFirst("\\.gz$", "");
    return input.resolveSibling(name + ".rejects.csv");
  }

  /** Writes FILE.rejects.csv lazily: no file when every row was fine. */
  private static final class RejectsWriter implements AutoCloseable {
    private final Path path;
    private BufferedWriter out;

    RejectsWriter(Path path) {
      this.path = path;
    }

    void write(ImportReport.RowIssue issue) {
      try {
        if (out == null) {
          out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
          out.write("row,reason\n");
        }
        out.write(issue.row() + ",\"" + issue.reason().replace("\"", "\"\"") + "\"\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        out.close();
      }
    }
  }
}
