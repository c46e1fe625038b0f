package org.hotbeat.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Imports beats (or any named areas) from GeoJSON, zipped shapefiles or GeoPackage. GDAL's
 * {@code ogr2ogr} (Debian {@code gdal-bin}) reads the file and reprojects it to WGS84; features
 * stream in as GeoJSON lines and are upserted by code in one transaction. Features sharing a code
 * (a beat drawn as several polygons) become one MultiPolygon. Thread-safe.
 */
public final class BeatImporter {
  /** What the import did. {@code rejected} features had no code or no polygon. */
  public record Result(long features, long inserted, long updated, List<ImportReport.RowIssue> rejects) {}

  /** Which properties hold what; {@code district} may be null. */
  public record Fields(String code, String name, String district) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DataSource dataSource;

  public BeatImporter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Result load(Path file, String layer, Fields fields, String agency)
      throws IOException, SQLException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file: " + file);
    }
    Path errors = Files.createTempFile("hotbeat-ogr", ".log");
    Process ogr = startOgr(file, layer, errors);
    long features = 0;
    List<ImportReport.RowIssue> rejects = new ArrayList<>();
    TreeSet<String> seenFields = new TreeSet<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TEMP TABLE beat_staging (feature bigint, code text, name text, "
              + "district text, geojson text) ON COMMIT DROP");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ogr.getInputStream(),
            StandardCharsets.UTF_8), 1 << 16);
            OutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class),
                "COPY beat_staging FROM STDIN (FORMAT text)")) {
          for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) {
              continue;
            }
            features++;
            JsonNode f = JSON.readTree(line.charAt(0) == '\u001e' ? line.substring(1) : line);
            JsonNode props = f.path("properties");
            props.fieldNames().forEachRemaining(seenFields::add);
            String code = text(props, fields.code());
            String type = f.path("geometry").path("type").asText("");
            if (code == null) {
              rejects.add(new ImportReport.RowIssue(features, "no " + fields.code()));
            } else if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
              rejects.add(new ImportReport.RowIssue(features, "geometry is "
                  + (type.isEmpty() ? "missing" : type) + ", not a polygon"));
            } else {
              String row = features + "\t" + escape(code) + "\t"
                  + escape(text(props, fields.name())) + "\t"
                  + escape(fields.district() == null ? null : text(props, fields.district()))
                  + "\t" + escape(f.get("geometry").toString()) + "\n";
              copy.write(row.getBytes(StandardCharsets.UTF_8));
            }
          }
        }
        String failed = finish(ogr, errors);
        if (failed != null) {
          throw new IOException("ogr2ogr cannot read " + file + ": " + failed);
        }
        if (features > 0 && rejects.size() == features && !seenFields.contains(fields.code())) {
          throw new IOException("no feature has the field '" + fields.code() + "'; the fields are: "
              + String.join(", ", seenFields));
        }
        long[] counts = upsert(c, agency);
        c.commit();
        return new Result(features, counts[0], counts[1], rejects);
      } catch (IOException | SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } finally {
      ogr.destroy();
      Files.deleteIfExists(errors);
    }
  }

  private static long[] upsert(Connection c, String agency) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        WITH merged AS (
          SELECT code, max(name) AS name, max(district) AS district,
                 ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(
                     ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326))), 3)) AS geom
          FROM beat_staging GROUP BY code),
        up AS (
          INSERT INTO beat AS b (agency, code, name, district, geom)
          SELECT ?, code, name, district, geom FROM merged
          ON CONFLICT (agency, code) DO UPDATE SET name = EXCLUDED.name,
              district = EXCLUDED.district, geom = EXCLUDED.geom
          RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up""")) {
      ps.setString(1, agency);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  private static Process startOgr(Path file, String layer, Path errors) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String source = name.endsWith(".zip") ? "/vsizip/" + file.toAbsolutePath() : file.toString();
    List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSONSeq", "/vsistdout/",
        source, "-t_srs", "EPSG:4326", "-lco", "RS=NO"));
    if (layer != null) {
      cmd.add(layer);
    }
    try {
      // Errors go to a file: a full stderr pipe would stall ogr2ogr while we read stdout.
      return new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
    } catch (IOException e) {
      throw new IOException("ogr2ogr is not installed: install it with 'sudo apt-get install "
          + "gdal-bin' (./hotbeat does)", e);
    }
  }

  /** Null when ogr2ogr succeeded, else what it said. */
  private static String finish(Process ogr, Path errors) throws IOException {
    try {
      if (!ogr.waitFor(60, TimeUnit.SECONDS)) {
        return "it did not finish";
      }
      String err = Files.readString(errors).strip();
      return ogr.exitValue() == 0 ? null : err.isEmpty() ? "exit code " + ogr.exitValue() : err;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String text(JsonNode props, String field) {
    if (field == null) {
      return null;
    }
    Iterator<String> names = props.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (n.equalsIgnoreCase(field)) {
        JsonNode v = props.get(n);
        String s = v == null || v.isNull() ? null : v.asText().strip();
        return s == null || s.isEmpty() ? null : s;
      }
    }
    return null;
  }

  private static String escape(String s) {
    if (s == null) {
      return "\\N";
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }
}
