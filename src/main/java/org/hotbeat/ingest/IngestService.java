package org.hotbeat.ingest;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hotbeat.store.BeatEnvelope;
import org.hotbeat.store.IncidentWriter;

/**
 * Reads an input through a mapping into the incident store: every row is validated, rejected
 * rows are reported by number and reason, good rows are upserted on (agency, source id), all in one
 * transaction. A broken input (an {@link IOException} from the reader, such as an
 * {@link InputTooLargeException}) loads nothing. Thread-safe;
 * each call is one import.
 */
public final class IngestService {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IngestService.class);
  public static final int MAX_REPORTED_ISSUES = 1000;
  private final DataSource dataSource;
  private final Clock clock;

  public IngestService(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Where the rows come from and who sends them, for the ingest log. */
  public record Source(String name, String madeBy) {}

  /** Told of progress now and then, and of every rejected or superseded row. */
  public interface Listener {
    default void progress(long rows, long bytes) {}

    default void issue(ImportReport.RowIssue issue) {}
  }

  public ImportReport ingest(RecordReader reader, Mapping mapping, String agency, Integer srid,
      Source source, Listener listener) throws IOException, SQLException {
    String theAgency = agency != null && !agency.isBlank() ? agency.strip() : mapping.agency();
    List<ImportReport.RowIssue> issues = new ArrayList<>();
    long[] issueCount = {0};
    Consumer<ImportReport.RowIssue> report = issue -> {
      issueCount[0]++;
      if (issues.size() < MAX_REPORTED_ISSUES) {
        issues.add(issue);
      }
      listener.issue(issue);
    };
    long rows = 0;
    long rejected = 0;
    long started = System.nanoTime();
    try (IncidentWriter writer = new IncidentWriter(dataSource, theAgency)) {
      RecordMapper mapper = new RecordMapper(mapping, srid, clock,
          BeatEnvelope.of(writer.connection(), theAgency).orElse(null));
      for (RawRecord raw; (raw = reader.next()) != null; ) {
        rows++;
        RecordMapper.Result r = mapper.map(raw);
        if (r.rejection() != null) {
          rejected++;
          report.accept(new ImportReport.RowIssue(raw.row(), r.rejection()));
        } else {
          IncidentRecord i = r.incident();
          writer.write(new IncidentWriter.Row(i.row(), i.sourceId(), i.occurredAt(),
              i.timePrecision(), i.offense(), i.category(), i.lon(), i.lat(),
              i.locationPrecision(), i.attributesJson()));
        }
        if ((rows & 0x3FFF) == 0) {
          listener.progress(rows, reader.bytesRead());
        }
      }
      listener.progress(rows, reader.bytesRead());
      long staged = System.nanoTime();
      IncidentWriter.Merged merged = writer.merge((row, id) -> report.accept(
          new ImportReport.RowIssue(row, "duplicate id " + id + ": another row with this id wins "
              + "(the last one)")));
      long version = logRun(writer, theAgency, mapping, source, merged, rejected);
      registerAgency(writer, theAgency, mapping);
      writer.commit();
      log.info("{}: {} rows read and staged in {} ms, merged and committed in {} ms",
          source.name(), rows, (staged - started) / 1_000_000,
          (System.nanoTime() - staged) / 1_000_000);
      issues.sort((a, b) -> Long.compare(a.row(), b.row()));
      return new ImportReport(rows, merged.inserted(), merged.updated(), merged.unchanged(),
          rejected, merged.duplicates(), List.copyOf(issues), issueCount[0], version);
    }
  }

  /** The first import of an agency records its time zone (from the mapping) for local hours. */
  private static void registerAgency(IncidentWriter writer, String agency, Mapping mapping)
      throws SQLException {
    try (PreparedStatement ps = writer.connection().prepareStatement(
        "INSERT INTO agency (code, time_zone) VALUES (?, ?) ON CONFLICT (code) DO NOTHING")) {
      ps.setString(1, agency);
      ps.setString(2, mapping.occurredAt().zone() == null ? "UTC" : mapping.occurredAt().zone());
      ps.executeUpdate();
    }
  }

  private static long logRun(IncidentWriter writer, String agency, Mapping mapping, Source source,
      IncidentWriter.Merged merged, long rejected) throws SQLException {
    try (PreparedStatement ps = writer.connection().prepareStatement("""
        INSERT INTO ingest_run (agency, source, mapping, made_by, finished_at, inserted, updated,
                                unchanged, rejected, duplicates)
        VALUES (?, ?, ?, ?, now(), ?, ?, ?, ?, ?) RETURNING id""")) {
      ps.setString(1, agency);
      ps.setString(2, source.name());
      ps.setString(3, mapping.name());
      ps.setString(4, source.madeBy());
      ps.setLong(5, merged.inserted());
      ps.setLong(6, merged.updated());
      ps.setLong(7, merged.unchanged());
      ps.setLong(8, rejected);
      ps.setLong(9, merged.duplicates());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
