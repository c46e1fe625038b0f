package org.hotbeat.ingest;

import java.io.IOException;

/**
 * The input went over one of the {@link IngestLimits} that stop an import (bytes or rows per
 * request, a JSON record or value too long to read). Nothing is stored. An {@link IOException}, so
 * it ends the read like any broken input; the message names the limit and the option that sets it.
 */
public final class InputTooLargeException extends IOException {
  public InputTooLargeException(String message) {
    super(message);
  }
}
