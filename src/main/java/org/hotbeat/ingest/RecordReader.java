package org.hotbeat.ingest;

import java.io.IOException;

/**
 * Streams the rows of one input, one at a time, never holding the whole input. Not thread-safe.
 * An {@link IOException} means the input itself failed (truncated compression, a broken
 * connection): the import stops and nothing is written.
 */
public interface RecordReader extends AutoCloseable {
  /** The next row, or null after the last. */
  RawRecord next() throws IOException;

  /** Bytes consumed so far, for progress; -1 if unknown. */
  default long bytesRead() {
    return -1;
  }

  @Override
  void close() throws IOException;
}
