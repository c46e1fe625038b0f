package org.hotbeat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotbeat.config.IngestLimits;

/**
 * Streams an RFC 4180 CSV file with a header row: quoted fields with doubled quotes and embedded
 * line breaks, LF or CRLF endings, UTF-8 with or without BOM, stray Latin-1 bytes (see
 * {@link LenientUtf8Reader}). A row with a different number of fields than the header, and a file
 * that ends inside a quoted field, come back as unreadable rows rather than stopping the import.
 *
 * <p>Memory stays bounded whatever the input: a field longer than
 * {@link IngestLimits#maxFieldChars} is cut off and its row comes back unreadable; a row longer
 * than {@link IngestLimits#maxLineChars} comes back unreadable and reading resumes after the next
 * line break, so a file without line breaks is read through in constant memory.
 */
public final class CsvRecordReader implements RecordReader {
  private final CountingInputStream counted;
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private boolean eof;
  private final List<String> header;
  private final Map<String, Integer> index = new HashMap<>();
  private long row;
  private final StringBuilder field = new StringBuilder(64);
  private final int maxLineChars;
  private final int maxFieldChars;
  /** Index of the first field of the current row cut at the field limit, or -1. */
  private int overlongField = -1;

  public CsvRecordReader(InputStream input) throws IOException {
    this(input, IngestLimits.DEFAULTS);
  }

  public CsvRecordReader(InputStream input, IngestLimits limits) throws IOException {
    counted = new CountingInputStream(input);
    in = new LenientUtf8Reader(counted);
    maxLineChars = limits.maxLineChars();
    maxFieldChars = limits.maxFieldChars();
    List<String> h = readRow();
    // Without a header no row can be read, so an over-long one stops the import at once.
    if (h == OVERLONG) {
      throw new InputTooLargeException(IngestLimits.LINE, "the CSV header row is longer than "
          + maxLineChars + " characters");
    }
    if (overlongField >= 0) {
      throw new InputTooLargeException(IngestLimits.FIELD, "a CSV header field is longer than "
          + maxFieldChars + " characters");
    }
    if (h == null || (h.size() == 1 && h.get(0).isBlank())) {
      throw new IOException("the CSV input is empty: a header row is expected");
    }
    header = List.copyOf(h.stream().map(String::strip).toList());
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
  }

  public List<String> header() {
    return header;
  }

  @Override
  public RawRecord next() throws IOException {
    List<String> values;
    do {
      values = readRow();
      if (values == null) {
        return null;
      }
      // Blank lines (often a trailing one) are not rows.
    } while (values.size() == 1 && values.get(0).isEmpty());
    row++;
    if (values == UNTERMINATED) {
      return RawRecord.unreadable(row, "the file ends inside a quoted field (truncated file?)");
    }
    if (values == OVERLONG) {
      skipLine();
      return RawRecord.unreadable(row, "the line is longer than " + maxLineChars
          + " characters (--" + IngestLimits.LINE + "); skipped to the next line break");
    }
    if (overlongField >= 0) {
      return RawRecord.fieldTooLong(row, overlongField < header.size()
          ? header.get(overlongField) : "#" + (overlongField + 1), maxFieldChars);
    }
    if (values.size() != header.size()) {
      return RawRecord.unreadable(row, "has " + values.size() + " fields, the header has "
          + header.size());
    }
    return new RawRecord(row, new Fields(index, values.toArray(String[]::new)), null);
  }

  private static final List<String> UNTERMINATED = new ArrayList<>();
  private static final List<String> OVERLONG = new ArrayList<>();

  /** The fields of the next physical record, or null at the end of input. */
  private List<String> readRow() throws IOException {
    if (!fill()) {
      return null;
    }
    List<String> values = new ArrayList<>(24);
    field.setLength(0);
    overlongField = -1;
    boolean quoted = false;
    boolean wasQuoted = false;
    int lineChars = 0;
    while (true) {
      if (!fill()) {
        if (quoted) {
          return UNTERMINATED;
        }
        values.add(field.toString());
        return values;
      }
      char c = buf[pos++];
      if (++lineChars > maxLineChars) {
        pos--; // left for skipLine, which may not be wanted (a header line fails at once)
        return OVERLONG;
      }
      if (quoted) {
        if (c == '"') {
          if (fill() && buf[pos] == '"') {
            append('"', values.size());
            pos++;
          } else {
            quoted = false;
          }
        } else {
          append(c, values.size());
        }
      } else if (c == ',') {
        values.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n') {
        values.add(field.toString());
        return values;
      } else if (c == '\r') {
        if (fill() && buf[pos] == '\n') {
          pos++;
        }
        values.add(field.toString());
        return values;
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        append(c, values.size());
      }
    }
  }

  /** Appends to the current field up to the field limit; past it, remembers the field. */
  private void append(char c, int fieldIndex) {
    if (field.length() < maxFieldChars) {
      field.append(c);
    } else if (overlongField < 0) {
      overlongField = fieldIndex;
    }
  }

  /** Discards input up to and including the next line break, whatever the quoting. */
  private void skipLine() throws IOException {
    field.setLength(0);
    while (fill()) {
      if (buf[pos++] == '\n') {
        return;
      }
    }
  }

  private boolean fill() throws IOException {
    if (pos < len) {
      return true;
    }
    if (eof) {
      return false;
    }
    len = in.read(buf, 0, buf.length);
    pos = 0;
    if (len <= 0) {
      eof = true;
      len = 0;
      return false;
    }
    return true;
  }

  @Override
  public long bytesRead() {
    return counted.count();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A row's values looked up through the shared header index, without a map per row. */
  private static final class Fields extends AbstractMap<String, String> {
    private final Map<String, Integer> index;
    private final String[] values;

    Fields(Map<String, Integer> index, String[] values) {
      this.index = index;
      this.values = values;
    }

    @Override
    public String get(Object key) {
      Integer i = index.get(key);
      return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
      return index.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, String>> iterator() {
          Iterator<Entry<String, Integer>> it = index.entrySet().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Entry<String, String> next() {
              Entry<String, Integer> e = it.next();
              return new SimpleImmutableEntry<>(e.getKey(), values[e.getValue()]);
            }
          };
        }

        @Override
        public int size() {
          return index.size();
        }
      };
    }
  }
}
