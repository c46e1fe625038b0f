package org.hotbeat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
}
