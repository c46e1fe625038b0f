package org.hotbeat.cli;

import org.hotbeat.config.IngestLimits;
import picocli.CommandLine.Option;

/** How much one import may read; names, descriptions and defaults come from {@link IngestLimits}. */
final class IngestOptions {
  @Option(names = "--" + IngestLimits.BYTES, paramLabel = "MIB",
      description = IngestLimits.BYTES_HELP + " Default: ${DEFAULT-VALUE}.")
  int maxIngestMib = IngestLimits.DEFAULT_MIB;

  @Option(names = "--" + IngestLimits.LINE, paramLabel = "N",
      description = IngestLimits.LINE_HELP + " Default: ${DEFAULT-VALUE}.")
  int maxLineChars = IngestLimits.DEFAULT_LINE_CHARS;

  @Option(names = "--" + IngestLimits.FIELD, paramLabel = "N",
      description = IngestLimits.FIELD_HELP + " Default: ${DEFAULT-VALUE}.")
  int maxFieldChars = IngestLimits.DEFAULT_FIELD_CHARS;

  @Option(names = "--" + IngestLimits.ROWS, paramLabel = "N",
      description = IngestLimits.ROWS_HELP + " Default: ${DEFAULT-VALUE}.")
  long maxRows = IngestLimits.DEFAULT_ROWS;

  IngestLimits toLimits() {
    return new IngestLimits((long) maxIngestMib << 20, maxLineChars, maxFieldChars, maxRows);
  }
}
