package org.hotbeat.web;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.hotbeat.ingest.ImportReport;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.Mapping;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RecordReader;

/**
 * {@code POST /api/incidents}: streams a CSV, JSON array, GeoJSON FeatureCollection or NDJSON body
 * (by Content-Type; {@code Content-Encoding: gzip} accepted) through a mapping into the store.
 * The body is never held whole in memory. Query: {@code mapping} (default generic),
 * {@code agency}, {@code srid}.
 */
final class IncidentIngestResource {
  /** The import's outcome as the API reports it. */
  record IngestResponse(long rows, long inserted, long updated, long unchanged, long rejected,
      long duplicates, List<ImportReport.RowIssue> rejects, long rejectsTotal,
      boolean rejectsTruncated, long dataVersion) {}

  private final IngestService ingest;
  private final long maxBytes;

  IncidentIngestResource(IngestService ingest, long maxBytes) {
    this.ingest = ingest;
    this.maxBytes = maxBytes;
  }

  void post(Context ctx) throws IOException, SQLException {
    InputFormat format = InputFormat.ofContentType(ctx.contentType());
    if (format == null) {
      throw new ProblemException(415, "Unsupported Media Type", "Content-Type '"
          + ctx.contentType() + "' is not accepted: send text/csv, application/json, "
          + "application/geo+json or application/x-ndjson", null);
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    Mapping mapping;
    try {
      mapping = Mappings.load(ctx.queryParamAsClass("mapping", String.class).getOrDefault("generic"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("mapping", e.getMessage());
    }
    if (!Mappings.BUILT_IN.contains(mapping.name())) {
      throw ProblemException.badRequest("mapping", "only built-in mappings over HTTP");
    }
    Integer srid = ctx.queryParamAsClass("srid", Integer.class)
        .check(s -> s == null || (s > 0 && s < 1_000_000), "must be an EPSG code").getOrNull();
    String agency = ctx.queryParam("agency");
    if (agency != null && (agency.isBlank() || agency.length() > 100)) {
      throw ProblemException.badRequest("agency", "must be 1 to 100 characters");
    }
    LimitedInputStream body = new LimitedInputStream(ctx.req().getInputStream(), maxBytes);
    InputStream in = "gzip".equalsIgnoreCase(ctx.header("Content-Encoding"))
        ? new GZIPInputStream(body, 1 << 16) : body;
    ImportReport r;
    try (RecordReader reader = format.open(in)) {
      r = ingest.ingest(reader, mapping, agency, srid, new IngestService.Source("api",
          AccessControl.caller(ctx).name()), new IngestService.Listener() { });
    } catch (IOException e) {
      if (body.exceeded()) {
        throw tooLarge();
      }
      throw new ProblemException(400, "Bad Request", "the body could not be read: "
          + e.getMessage() + "; nothing was stored", null);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("srid", e.getMessage());
    }
    ctx.json(new IngestResponse(r.rows(), r.inserted(), r.updated(), r.unchanged(), r.rejected(),
        r.duplicates(), r.issues(), r.issuesTotal(), r.issuesTotal() > r.issues().size(),
        r.dataVersion()));
  }

  private ProblemException tooLarge() {
    return new ProblemException(413, "Content Too Large", "the body is larger than "
        + (maxBytes >> 20) + " MiB (--max-ingest-mib); nothing was stored", null);
  }

  /** Fails the read once more than {@code max} bytes arrive, so the import rolls back. */
  private static final class LimitedInputStream extends FilterInputStream {
    private final long max;
    private long count;

    LimitedInputStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    boolean exceeded() {
      return count > max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && ++count > max) {
        throw new IOException("body over the limit");
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && (count += n) > max) {
        throw new IOException("body over the limit");
      }
      return n;
    }
  }
}
