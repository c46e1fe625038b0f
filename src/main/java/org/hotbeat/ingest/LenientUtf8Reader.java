package org.hotbeat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Decodes UTF-8, skipping a leading byte-order mark, and reads any byte that is not part of a
 * valid UTF-8 sequence as Windows-1252 (a superset of Latin-1). Real exports mix the two: a
 * records system writes Latin-1 names into an otherwise ASCII file, and each such byte would
 * otherwise become U+FFFD and be lost.
 */
final class LenientUtf8Reader extends Reader {
  private static final char[] CP1252_80_9F = (
      "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
    + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178")
      .toCharArray();

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int len;
  private boolean started;
  private int pendingLow = -1; // second half of a surrogate pair

  LenientUtf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] cbuf, int off, int n) throws IOException {
    int written = 0;
    while (written < n) {
      if (pendingLow >= 0) {
        cbuf[off + written++] = (char) pendingLow;
        pendingLow = -1;
        continue;
      }
      if (!ensure(1)) {
        break;
      }
      if (!started) {
        started = true;
        if (ensure(3) && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB
            && (buf[pos + 2] & 0xFF) == 0xBF) {
          pos += 3;
          continue;
        }
      }
      int b = buf[pos] & 0xFF;
      if (b < 0x80) {
        cbuf[off + written++] = (char) b;
        pos++;
        continue;
      }
      int need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b <= 0xDF ? 1 : -1;
      int cp = need > 0 && ensure(need + 1) ? decode(b, need) : -1;
      if (cp < 0) {
        cbuf[off + written++] = b >= 0x80 && b <= 0x9F ? CP1252_80_9F[b - 0x80] : (char) b;
        pos++;
        continue;
      }
      pos += need + 1;
      if (cp >= 0x10000) {
        cbuf[off + written++] = Character.highSurrogate(cp);
        pendingLow = Character.lowSurrogate(cp);
      } else {
        cbuf[off + written++] = (char) cp;
      }
    }
    return written == 0 && n > 0 ? -1 : written;
  }

  private int decode(int b, int need) {
    int cp = b & (0x3F >> need);
    for (int i = 1; i <= need; i++) {
      int c = buf[pos + i] & 0xFF;
      if ((c & 0xC0) != 0x80) {
        return -1;
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
    boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    return cp < min || cp > 0x10FFFF || surrogate ? -1 : cp;
  }

  /** Makes at least {@code k} bytes available if the stream has them. */
  private boolean ensure(int k) throws IOException {
    if (len - pos >= k) {
      return true;
    }
    System.arraycopy(buf, pos, buf, 0, len - pos);
    len -= pos;
    pos = 0;
    while (len < k) {
      int r = in.read(buf, len, buf.length - len);
      if (r < 0) {
        return false;
      }
      len += r;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
