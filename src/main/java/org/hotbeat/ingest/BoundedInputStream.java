package org.hotbeat.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Fails the read once more than {@code max} bytes have come through, so the import rolls back. */
final class BoundedInputStream extends FilterInputStream {
  private final long max;
  private final Supplier<InputTooLargeException> tooLarge;
  private long count;

  BoundedInputStream(InputStream in, long max, Supplier<InputTooLargeException> tooLarge) {
    super(in);
    this.max = max;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0 && ++count > max) {
      throw tooLarge.get();
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    // Never asks for more than one byte past the limit, so the excess is not even decompressed.
    int n = super.read(b, off, (int) Math.min(len, Math.max(1, max - count + 1)));
    if (n > 0 && (count += n) > max) {
      throw tooLarge.get();
    }
    return n;
  }
}
