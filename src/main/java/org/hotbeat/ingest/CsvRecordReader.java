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

/**
 * Streams an RFC 4180 CSV file with a header row: quoted fields with doubled quotes and embedded
 * line breaks, LF or CRLF endings, UTF-8 with or without BOM, stray Latin-1 bytes (see
 * {@link LenientUtf8Reader}). A row with a different number of fields than the header, and a file
 * that ends inside a quoted field, come back as unreadable rows rather than stopping the import.
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

  public CsvRecordReader(InputStream input) throws IOException {
    counted = new CountingInputStream(input);
    in = new LenientUtf8Reader(counted);
    List<String> h = readRow();
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
    if (values.size() != header.size()) {
      return RawRecord.unreadable(row, "has " + values.size() + " fields, the header has "
          + header.size());
    }
    return new RawRecord(row, new Fields(index, values.toArray(String[]::new)), null);
  }

  private static final List<String> UNTERMINATED = new ArrayList<>();

  /** The fields of the next physical record, or null at the end of input. */
  private List<String> readRow() throws IOException {
    if (!fill()) {
      return null;
    }
    List<String> values = new ArrayList<>(24);
    field.setLength(0);
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (!fill()) {
        if (quoted) {
          return UNTERMINATED;
        }
        values.add(field.toString());
        return values;
      }
      char c = buf[pos++];
      if (quoted) {
        if (c == '"') {
          if (fill() && buf[pos] == '"') {
            field.append('"');
            pos++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
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
        field.append(c);
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
