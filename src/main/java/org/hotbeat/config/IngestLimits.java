package org.hotbeat.config;

import java.util.ArrayList;
import java.util.List;
import org.hotbeat.HotbeatException;

/**
 * How much one import may read, so that no input (a gzip bomb, a file without line breaks) can
 * exhaust memory. Each limit has its option name (without the dashes, as {@code config.Limits}
 * names its own), description and default here; the command line declares its options from these.
 * Immutable, validated when built.
 *
 * @param maxBytes decompressed bytes one HTTP request may send; over it the request gets 413 and
 *     nothing is stored (files imported from the command line are not bound by it)
 * @param maxLineChars characters in one CSV line or one JSON record; a longer CSV line is a
 *     rejected row and reading resumes after its line break, a longer JSON record stops the import
 * @param maxFieldChars characters in one field; a row with a longer field is rejected
 * @param maxRows rows one HTTP request may send; over it the request gets 413 and nothing is stored
 */
public record IngestLimits(long maxBytes, int maxLineChars, int maxFieldChars, long maxRows) {
  public static final String BYTES = "max-ingest-mib";
  public static final String BYTES_HELP = "Largest upload into POST /api/incidents, in MiB after "
      + "decompression; larger ones get 413 and nothing is stored.";
  public static final int DEFAULT_MIB = 1024;

  public static final String LINE = "max-ingest-line-chars";
  public static final String LINE_HELP = "Longest CSV line or JSON record, in characters; a longer "
      + "CSV line is a rejected row, a longer JSON record stops the import.";
  public static final int DEFAULT_LINE_CHARS = 1 << 20;

  public static final String FIELD = "max-ingest-field-chars";
  public static final String FIELD_HELP = "Longest field, in characters; a row with a longer one is "
      + "rejected.";
  public static final int DEFAULT_FIELD_CHARS = 32 << 10;

  public static final String ROWS = "max-ingest-rows";
  public static final String ROWS_HELP = "Most rows in one POST /api/incidents; more get 413 and "
      + "nothing is stored (import larger files with `hotbeat import incidents`).";
  public static final long DEFAULT_ROWS = 1_000_000;

  public static final IngestLimits DEFAULTS = new IngestLimits((long) DEFAULT_MIB << 20,
      DEFAULT_LINE_CHARS, DEFAULT_FIELD_CHARS, DEFAULT_ROWS);

  /** The shortest field limit: an id, an offence code or a category must always fit. */
  static final int MIN_FIELD_CHARS = 256;

  public IngestLimits {
    List<String> errors = new ArrayList<>();
    if (maxBytes < 1024) {
      errors.add("--" + BYTES + " must be at least 1");
    }
    if (maxFieldChars < MIN_FIELD_CHARS) {
      errors.add("--" + FIELD + " must be at least " + MIN_FIELD_CHARS);
    }
    if (maxLineChars < maxFieldChars) {
      errors.add("--" + LINE + " must be at least --" + FIELD + " (" + maxFieldChars + ")");
    }
    if (maxRows < 1) {
      errors.add("--" + ROWS + " must be at least 1");
    }
    if (!errors.isEmpty()) {
      throw new HotbeatException("invalid configuration: " + String.join("; ", errors));
    }
  }

  public IngestLimits withMaxBytes(long bytes) {
    return new IngestLimits(bytes, maxLineChars, maxFieldChars, maxRows);
  }

  public IngestLimits withMaxRows(long rows) {
    return new IngestLimits(maxBytes, maxLineChars, maxFieldChars, rows);
  }
}
