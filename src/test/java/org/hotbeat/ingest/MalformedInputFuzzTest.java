package org.hotbeat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.hotbeat.config.IngestLimits;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeded random inputs against the whole import path on real PostGIS: rows of the generic layout
 * with values spoiled in every way seen so far (NUL, control and invalid UTF-8 bytes, quotes and
 * line breaks, dates beyond PostgreSQL's range, huge and non-finite numbers, long fields and lines),
 * sometimes gzipped and cut short. Whatever comes in, an import either stores its good rows and
 * accounts for every row, or stops with an {@link IOException} naming the broken input: never a
 * database error, never another exception.
 */
class MalformedInputFuzzTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final IngestLimits LIMITS = new IngestLimits(1L << 20, 4000, 600, 10_000);
  private static final String[] SPOILS = {"\u0000", "\u0001", "\"", "\"\"", ",", "\n", "\r",
      "\r\n", "'", "\\", "\uFFFD", "\uD800", "+294277-01-01T00:00:00Z", "-99999-01-01T00:00:00Z",
      "0000-00-00", "1e400", "-1e400", "NaN", "Infinity", "0", "90.0000001", "-180.5", "null",
      "{}", "[]", "9".repeat(400), "x".repeat(700), "y".repeat(5000), "\u00e9", "\u0430"};

  private final IngestService ingest = new IngestService(db.dataSource(), Clock.systemUTC());

  @Test
  void noMalformedInputBreaksTheImportWithAnythingButABrokenInputError() throws Exception {
    Random random = new Random(15);
    for (int run = 0; run < 150; run++) {
      InputFormat format = InputFormat.values()[run % 3];
      byte[] body = format == InputFormat.CSV ? csv(random) : json(random, format);
      if (random.nextInt(4) == 0) {
        body = gzip(body);
        if (random.nextBoolean()) {
          body = Arrays.copyOf(body, random.nextInt(body.length));
        }
      }
      importOnce("fuzz" + run, format, body);
    }
  }

  private void importOnce(String agency, InputFormat format, byte[] body) throws Exception {
    boolean gzipped = body.length > 1 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B;
    try (InputStream raw = new ByteArrayInputStream(body);
        RecordReader reader = format.open(gzipped ? new GZIPInputStream(raw) : raw, LIMITS)) {
      ImportReport r = ingest.ingest(reader, Mappings.load("generic"), agency, null,
          new IngestService.Source("fuzz", "fuzz"), new IngestService.Listener() { });
      assertEquals(r.rows(), r.inserted() + r.updated() + r.unchanged() + r.rejected()
          + r.duplicates(), agency + ": every row is accounted for");
    } catch (IOException expected) {
      // A broken input (truncated gzip, malformed JSON, a header over the limit): nothing stored.
    } catch (Exception e) {
      String text = new String(body, StandardCharsets.UTF_8);
      fail(agency + " (" + format + "): " + e + "\n" + text.substring(0,
          Math.min(text.length(), 2000)), e);
    }
  }

  private static String value(Random random, String good) {
    if (random.nextInt(3) > 0) {
      return good;
    }
    String spoil = SPOILS[random.nextInt(SPOILS.length)];
    return switch (random.nextInt(3)) {
      case 0 -> spoil;
      case 1 -> good + spoil;
      default -> spoil + good;
    };
  }

  private static String[] row(Random random, int i) {
    return new String[] {value(random, "id" + i), value(random, "2017-06-01T10:00:00-05:00"),
        value(random, "-87.63"), value(random, "41.88"), value(random, "0820"),
        value(random, "theft")};
  }

  private static byte[] csv(Random random) {
    StringBuilder s = new StringBuilder("id,occurred_at,lon,lat,offense,category\n");
    for (int i = random.nextInt(30); i >= 0; i--) {
      String[] r = row(random, i);
      for (int k = 0; k < r.length; k++) {
        boolean quote = random.nextInt(4) == 0;
        s.append(k == 0 ? "" : ",").append(quote ? "\"" + r[k].replace("\"", "\"\"") + "\""
            : r[k]);
      }
      s.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(5) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // stray byte
    }
    return bytes;
  }

  private static byte[] json(Random random, InputFormat format) {
    String[] names = {"id", "occurred_at", "lon", "lat", "offense", "category"};
    StringBuilder s = new StringBuilder(format == InputFormat.JSON ? "[" : "");
    for (int i = random.nextInt(30); i >= 0; i--) {
      String[] r = row(random, i);
      StringBuilder o = new StringBuilder("{");
      for (int k = 0; k < r.length; k++) {
        o.append(k == 0 ? "" : ",").append('"').append(names[k]).append("\":")
            .append(random.nextInt(5) == 0 && k >= 2 ? r[k] : quoted(r[k]));
      }
      o.append('}');
      s.append(format == InputFormat.JSON && i > 0 ? o + "," : o.toString())
          .append(format == InputFormat.NDJSON ? "\n" : "");
    }
    if (format == InputFormat.JSON) {
      s.append(random.nextInt(8) == 0 ? "" : "]");
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON string of {@code v}, control characters escaped as JSON requires. */
  private static String quoted(String v) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
