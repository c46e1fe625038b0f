package org.hotbeat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.config.IngestLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRecordReaderTest {
  private static final IngestLimits SMALL = new IngestLimits(1L << 20, 1000, 300, 100);

  private static List<RawRecord> read(String json, JsonRecordReader.Shape shape) throws IOException {
    List<RawRecord> out = new ArrayList<>();
    try (JsonRecordReader r = new JsonRecordReader(new ByteArrayInputStream(
        json.getBytes(StandardCharsets.UTF_8)), shape, SMALL)) {
      for (RawRecord rec; (rec = r.next()) != null; ) {
        out.add(rec);
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "42", "\"text\"", "false"})
  void aBodyThatIsNeitherArrayNorObjectIsRefusedWithAReason(String json) {
    IOException e = assertThrows(IOException.class,
        () -> read(json, JsonRecordReader.Shape.ARRAY_OR_FEATURES));
    assertTrue(e.getMessage().startsWith("expected a JSON array of records or a GeoJSON "
        + "FeatureCollection, found "), e.getMessage());
  }

  @Test
  void aValueOverTheFieldLimitRejectsItsRecordAndTheNextIsRead() throws IOException {
    List<RawRecord> rows = read("[{\"id\": \"1\", \"note\": \"" + "x".repeat(400) + "\"}, "
        + "{\"id\": \"2\"}]", JsonRecordReader.Shape.ARRAY_OR_FEATURES);
    assertEquals("field 'note' is longer than 300 characters (--max-ingest-field-chars)",
        rows.get(0).error());
    assertEquals("2", rows.get(1).get("id"));
  }

  @Test
  void aRecordOverTheLineLimitStopsTheInput() {
    StringBuilder manyFields = new StringBuilder("{");
    for (int i = 0; i < 50_000; i++) {
      manyFields.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": 1");
    }
    InputTooLargeException e = assertThrows(InputTooLargeException.class,
        () -> read(manyFields.append("}").toString(), JsonRecordReader.Shape.NDJSON));
    assertEquals("JSON record 1 is longer than 1000 bytes (limit max-ingest-line-chars)",
        e.getMessage());
  }

  @Test
  void aStringLongerThanARecordMayBeStopsTheInputBeforeItIsHeld() {
    InputTooLargeException e = assertThrows(InputTooLargeException.class, () -> read(
        "{\"id\": \"" + "x".repeat(5000) + "\"}\n", JsonRecordReader.Shape.NDJSON));
    assertTrue(e.getMessage().startsWith("JSON record 1 holds a value too large to read (a "
        + "string over 1000 characters"), e.getMessage());
  }
}
