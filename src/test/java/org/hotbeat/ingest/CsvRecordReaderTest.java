package org.hotbeat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.config.IngestLimits;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
  static List<RawRecord> read(byte[] bytes) throws IOException {
    List<RawRecord> out = new ArrayList<>();
    try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(bytes))) {
      for (RawRecord rec; (rec = r.next()) != null; ) {
        out.add(rec);
      }
    }
    return out;
  }

  static List<RawRecord> read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
    List<RawRecord> rows = read("id,note\r\n1,\"a, \"\"quoted\"\"\r\nnote\"\r\n2,plain\r\n");
    assertEquals(2, rows.size());
    assertEquals("a, \"quoted\"\r\nnote", rows.get(0).get("note"));
    assertEquals("plain", rows.get(1).get("note"));
    assertEquals(2, rows.get(1).row());
  }

  @Test
  void skipsAByteOrderMarkAndBlankLines() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(bom);
    b.write("id,x\n1,a\n\n2,b\n\n".getBytes(StandardCharsets.UTF_8));
    List<RawRecord> rows = read(b.toByteArray());
    assertEquals(2, rows.size());
    assertEquals("1", rows.get(0).get("id"), "the BOM is not part of the first column's name");
  }

  @Test
  void readsLatin1BytesInAnOtherwiseUtf8File() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("id,street\n1,".getBytes(StandardCharsets.UTF_8));
    b.write("Stra\u00dfe".getBytes(StandardCharsets.ISO_8859_1));   // Latin-1 ß
    b.write("\n2,".getBytes(StandardCharsets.UTF_8));
    b.write("Caf\u00e9".getBytes(StandardCharsets.UTF_8));          // UTF-8 é
    b.write("\n".getBytes(StandardCharsets.UTF_8));
    List<RawRecord> rows = read(b.toByteArray());
    assertEquals("Stra\u00dfe", rows.get(0).get("street"));
    assertEquals("Caf\u00e9", rows.get(1).get("street"));
  }

  @Test
  void aRaggedRowIsReportedAndTheNextRowsStillRead() throws IOException {
    List<RawRecord> rows = read("a,b,c\n1,2,3\n1,2\n4,5,6\n");
    assertNull(rows.get(0).error());
    assertEquals("has 2 fields, the header has 3", rows.get(1).error());
    assertEquals("6", rows.get(2).get("c"));
  }

  @Test
  void aFileEndingInsideAQuoteIsReportedAsTruncated() throws IOException {
    List<RawRecord> rows = read("a,b\n1,2\n3,\"unterminated");
    assertEquals(2, rows.size());
    assertEquals("the file ends inside a quoted field (truncated file?)", rows.get(1).error());
  }

  @Test
  void aLastRowWithoutLineBreakIsRead() throws IOException {
    assertEquals("2", read("a,b\n1,2").get(0).get("b"));
  }

  @Test
  void anEmptyInputIsAnError() {
    assertThrows(IOException.class, () -> read(""));
  }

  private static List<RawRecord> read(InputStream in, IngestLimits limits) throws IOException {
    List<RawRecord> out = new ArrayList<>();
    try (CsvRecordReader r = new CsvRecordReader(in, limits)) {
      for (RawRecord rec; (rec = r.next()) != null; ) {
        out.add(rec);
      }
    }
    return out;
  }

  private static final IngestLimits SMALL = new IngestLimits(1L << 20, 1000, 300, 100);

  @Test
  void aLineOverTheLimitIsARejectedRowAndReadingResumesAfterIt() throws IOException {
    List<RawRecord> rows = read(new ByteArrayInputStream(("id,note\n1,\"" + "x".repeat(2000)
        + "\n2,inside the runaway quote\n3,fine\n").getBytes(StandardCharsets.UTF_8)), SMALL);
    assertEquals(3, rows.size(), rows.toString());
    assertTrue(rows.get(0).error().contains("longer than 1000 characters"), rows.get(0).error());
    assertEquals("inside the runaway quote", rows.get(1).get("note"));
    assertEquals(3, rows.get(2).row());
  }

  @Test
  void aFieldOverTheLimitRejectsItsRowByName() throws IOException {
    List<RawRecord> rows = read(new ByteArrayInputStream(("id,note\n1," + "y".repeat(400)
        + "\n2,ok\n").getBytes(StandardCharsets.UTF_8)), SMALL);
    assertEquals("field 'note' is longer than 300 characters (--max-ingest-field-chars)",
        rows.get(0).error());
    assertEquals("ok", rows.get(1).get("note"));
  }

  @Test
  void aHeaderOverTheLimitStopsAtOnce() {
    InputTooLargeException e = assertThrows(InputTooLargeException.class, () -> read(
        endless("", 1L << 40), SMALL));
    assertTrue(e.getMessage().contains("header row"), e.getMessage());
  }

  @Test
  void aLineWithoutABreakIsReadThroughInConstantMemory() throws IOException {
    // 256 MiB after the header, never held: the row is rejected and the input ends.
    List<RawRecord> rows = read(endless("id,note\n", 256L << 20), IngestLimits.DEFAULTS);
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).error().contains("line is longer than"), rows.get(0).error());
  }

  /** {@code prefix}, then {@code n} bytes of 'a' made as they are read. */
  private static InputStream endless(String prefix, long n) {
    byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private long at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= head.length + n) {
          return -1;
        }
        int k = (int) Math.min(len, head.length + n - at);
        for (int i = 0; i < k; i++, at++) {
          b[off + i] = at < head.length ? head[(int) at] : (byte) 'a';
        }
        return k;
      }
    };
  }
}
