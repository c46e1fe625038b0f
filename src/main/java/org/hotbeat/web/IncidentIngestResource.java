package org.hotbeat.web;

import io.javalin.http.Context;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.hotbeat.InvalidInputException;
import org.hotbeat.LimitExceededException;
import org.hotbeat.UnsupportedFormatException;
import org.hotbeat.config.IngestLimits;
import org.hotbeat.ingest.ImportReport;
import org.hotbeat.ingest.IncidentValues;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.InputTooLargeException;
import org.hotbeat.ingest.Mapping;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.ingest.UploadBounds;

/**
 * {@code POST /api/incidents}: streams a CSV, JSON array, GeoJSON FeatureCollection or NDJSON body
 * (by Content-Type; {@code Content-Encoding: gzip} accepted) through a mapping into the store.
 * The body is never held whole in memory, and {@link IngestLimits} bound what one request may
 * send: bytes after decompression, rows, line and field length. Query: {@code mapping} (default
 * generic), {@code agency}, {@code srid}.
 */
final class IncidentIngestResource {
  /** The import's outcome as the API reports it. */
  record IngestResponse(long rows, long inserted, long updated, long unchanged, long rejected,
      long duplicates, List<ImportReport.RowIssue> rejects, long rejectsTotal,
      boolean rejectsTruncated, long dataVersion) {}

  private final IngestService ingest;
  private final IngestLimits limits;

  IncidentIngestResource(IngestService ingest, IngestLimits limits) {
    this.ingest = ingest;
    this.limits = limits;
  }

  void post(Context ctx) throws IOException, SQLException {
    InputFormat format = InputFormat.ofContentType(ctx.contentType());
    if (format == null) {
      throw new UnsupportedFormatException("Content-Type '"
          + ctx.contentType() + "' is not accepted: send text/csv, application/json, "
          + "application/geo+json or application/x-ndjson");
    }
    boolean gzip = gzipped(ctx.header("Content-Encoding"));
    if (!gzip && ctx.req().getContentLengthLong() > limits.maxBytes()) {
      throw new LimitExceededException(IngestLimits.BYTES, "the body is larger than "
          + (limits.maxBytes() >> 20) + " MiB; nothing was stored");
    }
    String name = ctx.queryParamAsClass("mapping", String.class).getOrDefault("generic");
    if (!Mappings.BUILT_IN.contains(name)) {
      // Checked before loading: a name is never read as a path on the server.
      throw new InvalidInputException("mapping", "only built-in mappings over HTTP: "
          + String.join(", ", Mappings.BUILT_IN));
    }
    Mapping mapping = Mappings.load(name);
    Integer srid = ctx.queryParamAsClass("srid", Integer.class)
        .check(s -> s == null || (s > 0 && s < 1_000_000), "must be an EPSG code").getOrNull();
    String agency = ctx.queryParam("agency");
    if (agency != null && (agency.isBlank()
        || IncidentValues.textProblem("agency", agency, 100) != null)) {
      throw new InvalidInputException("agency", "must be 1 to 100 characters, without NUL");
    }
    // Counted on the wire too: empty gzip members decompress to nothing but still cost time.
    InputStream body = UploadBounds.bytes(ctx.req().getInputStream(), limits);
    ImportReport r;
    try (RecordReader reader = UploadBounds.rows(
        format.open(UploadBounds.bytes(gzip ? gunzip(body) : body, limits), limits), limits)) {
      r = ingest.ingest(reader, mapping, agency, srid, new IngestService.Source("api",
          AccessControl.caller(ctx).name()), new IngestService.Listener() { });
    } catch (InputTooLargeException e) {
      throw new LimitExceededException(e.limit(), e.reason() + "; nothing was stored");
    } catch (IOException e) {
      throw new InvalidInputException("body", "could not be read (" + e.getMessage()
          + "); nothing was stored");
    }
    ctx.json(new IngestResponse(r.rows(), r.inserted(), r.updated(), r.unchanged(), r.rejected(),
        r.duplicates(), r.issues(), r.issuesTotal(), r.issuesTotal() > r.issues().size(),
        r.dataVersion()));
  }

  /** True for gzip, false for none; any other coding gets 415 rather than being read as text. */
  private static boolean gzipped(String encoding) {
    if (encoding == null || encoding.isBlank()
        || encoding.strip().equalsIgnoreCase("identity")) {
      return false;
    }
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    if (e.equals("gzip") || e.equals("x-gzip")) {
      return true;
    }
    throw new UnsupportedFormatException("Content-Encoding '" + encoding
        + "' is not accepted: send gzip or none");
  }

  private static InputStream gunzip(InputStream body) throws IOException {
    try {
      return new GZIPInputStream(body, 1 << 16);
    } catch (ZipException | EOFException e) {
      throw new InvalidInputException("body", "is labelled Content-Encoding: gzip but is not "
          + "gzip data; nothing was stored");
    }
  }
}
