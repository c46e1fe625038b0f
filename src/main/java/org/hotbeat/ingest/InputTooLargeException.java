package org.hotbeat.ingest;

import java.io.IOException;
import org.hotbeat.config.IngestLimits;

/**
 * The input went over one of the {@link IngestLimits} that stop an import (bytes or rows per
 * request, a CSV header or JSON record too long to read). Nothing is stored. An
 * {@link IOException}, so it ends the read through any stream or parser like a broken input; the
 * web layer turns it into the domain's {@link org.hotbeat.LimitExceededException}.
 */
public final class InputTooLargeException extends IOException {
  private final String limit;
  private final String reason;

  /**
   * @param limit the option name of the limit, e.g. {@value IngestLimits#BYTES}
   * @param reason what went over it
   */
  public InputTooLargeException(String limit, String reason) {
    super(reason + " (limit " + limit + ")");
    this.limit = limit;
    this.reason = reason;
  }

  public String limit() {
    return limit;
  }

  public String reason() {
    return reason;
  }
}
