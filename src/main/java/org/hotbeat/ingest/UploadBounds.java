package org.hotbeat.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.hotbeat.config.IngestLimits;

/** The per-request bounds of {@link IngestLimits} put on an upload's bytes and rows. */
public final class UploadBounds {
  private UploadBounds() {}

  /**
   * The decompressed body of one request, failing with {@link InputTooLargeException} past
   * {@link IngestLimits#maxBytes()}: counted after decompression, so a small gzip bomb is
   * stopped as early as the same data sent plain.
   */
  public static InputStream bytes(InputStream decompressed, IngestLimits limits) {
    return new BoundedInputStream(decompressed, limits.maxBytes(), () -> new InputTooLargeException(
        IngestLimits.BYTES, "the body is larger than " + (limits.maxBytes() >> 20)
            + " MiB after decompression"));
  }

  /** The rows of one request, failing with {@link InputTooLargeException} past the row limit. */
  public static RecordReader rows(RecordReader reader, IngestLimits limits) {
    return new RecordReader() {
      private long rows;

      @Override
      public RawRecord next() throws IOException {
        RawRecord r = reader.next();
        if (r != null && ++rows > limits.maxRows()) {
          throw new InputTooLargeException(IngestLimits.ROWS, "the body has more than "
              + limits.maxRows()
              + " rows; import larger files with `hotbeat import incidents`");
        }
        return r;
      }

      @Override
      public long bytesRead() {
        return reader.bytesRead();
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

}
