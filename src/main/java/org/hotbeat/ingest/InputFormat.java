package org.hotbeat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.hotbeat.config.IngestLimits;

/** The input formats of the ingest path, by HTTP content type or file name. */
public enum InputFormat {
  CSV, JSON, NDJSON;

  /** The reader for this format over {@code in} (already decompressed), with the default limits. */
  public RecordReader open(InputStream in) throws IOException {
    return open(in, IngestLimits.DEFAULTS);
  }

  /** The reader for this format over {@code in}, bounding lines and fields by {@code limits}. */
  public RecordReader open(InputStream in, IngestLimits limits) throws IOException {
    return switch (this) {
      case CSV -> new CsvRecordReader(in, limits);
      case JSON -> new JsonRecordReader(in, JsonRecordReader.Shape.ARRAY_OR_FEATURES, limits);
      case NDJSON -> new JsonRecordReader(in, JsonRecordReader.Shape.NDJSON, limits);
    };
  }

  /** By media type (parameters such as charset ignored); null when not one of ours. */
  public static InputFormat ofContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "text/csv", "application/csv" -> CSV;
      case "application/json", "application/geo+json" -> JSON;
      case "application/x-ndjson", "application/ndjson", "application/jsonl",
           "application/x-jsonlines" -> NDJSON;
      default -> null;
    };
  }

  /** By file name ({@code .csv}, {@code .json}, {@code .geojson}, {@code .ndjson}, {@code .jsonl}, each optionally {@code .gz}). */
  public static InputFormat ofFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    if (n.endsWith(".csv")) {
      return CSV;
    }
    if (n.endsWith(".json") || n.endsWith(".geojson")) {
      return JSON;
    }
    if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
      return NDJSON;
    }
    return null;
  }
}
