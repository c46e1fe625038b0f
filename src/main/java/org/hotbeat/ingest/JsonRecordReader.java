package org.hotbeat.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.hotbeat.config.IngestLimits;

/**
 * Streams JSON input one record at a time: a JSON array of flat objects, a GeoJSON
 * FeatureCollection (a Point's coordinates become {@link RawRecord#GEOMETRY_LON}/{@code LAT}), or
 * NDJSON (one object per line). Only the current record is in memory. A record that is not an
 * object, or a feature without a Point, comes back unreadable; malformed JSON ends the input with an
 * {@link IOException} naming the record where it broke.
 *
 * <p>Memory stays bounded: a record whose value is longer than {@link IngestLimits#maxFieldChars}
 * comes back unreadable, and a record of more than {@link IngestLimits#maxLineChars} bytes ends the
 * input with an {@link InputTooLargeException} (JSON cannot be resumed in the middle of a value).
 */
public final class JsonRecordReader implements RecordReader {
  public enum Shape { ARRAY_OR_FEATURES, NDJSON }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final CountingInputStream counted;
  private final JsonParser parser;
  private final Shape shape;
  private final int maxRecordBytes;
  private final int maxFieldChars;
  private boolean inFeatures;
  private boolean started;
  private long row;
  private long recordStart;

  public JsonRecordReader(InputStream input, Shape shape) throws IOException {
    this(input, shape, IngestLimits.DEFAULTS);
  }

  public JsonRecordReader(InputStream input, Shape shape, IngestLimits limits) throws IOException {
    this.counted = new CountingInputStream(input);
    this.maxRecordBytes = limits.maxLineChars();
    this.maxFieldChars = limits.maxFieldChars();
    JsonFactory factory = new JsonFactory(MAPPER);
    factory.setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(limits.maxLineChars()).maxNameLength(limits.maxFieldChars())
        .maxNestingDepth(100).build());
    this.parser = factory.createParser(new RecordBudget(counted));
    this.shape = shape;
  }

  @Override
  public RawRecord next() throws IOException {
    try {
      if (!started) {
        started = true;
        if (!start()) {
          return null;
        }
      }
      JsonToken t = parser.nextToken();
      if (t == null || t == JsonToken.END_ARRAY) {
        return null;
      }
      row++;
      recordStart = counted.count();
      JsonNode node = MAPPER.readTree(parser);
      return inFeatures ? feature(node) : flat(node);
    } catch (StreamConstraintsException e) {
      throw new InputTooLargeException(IngestLimits.LINE, "JSON record " + row + " holds a value "
          + "too large to read (a string over " + maxRecordBytes + " characters, a number over "
          + "1000 digits or nesting over 100 levels)");
    } catch (JsonParseException e) {
      throw new IOException("malformed JSON at record " + (row + 1) + " (line "
          + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
    }
  }

  /** Positions the parser before the first record; false for an empty input. */
  private boolean start() throws IOException {
    if (shape == Shape.NDJSON) {
      return true;
    }
    JsonToken first = parser.nextToken();
    if (first == null) {
      return false;
    }
    if (first == JsonToken.START_ARRAY) {
      return true;
    }
    if (first != JsonToken.START_OBJECT) {
      String found = switch (first) {
        case VALUE_NULL -> "null";
        case VALUE_STRING -> "a string";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        default -> "a number";
      };
      throw new IOException("expected a JSON array of records or a GeoJSON FeatureCollection, "
          + "found " + found);
    }
    // A FeatureCollection: skip to its "features" array, whatever members come first.
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (name.equals("features") && parser.currentToken() == JsonToken.START_ARRAY) {
        inFeatures = true;
        return true;
      }
      parser.skipChildren();
    }
    throw new IOException("the JSON object has no \"features\" array: expected a GeoJSON "
        + "FeatureCollection");
  }

  private RawRecord flat(JsonNode node) {
    if (!node.isObject()) {
      return RawRecord.unreadable(row, "is not a JSON object");
    }
    return bounded(text(node));
  }

  /** The record, or an unreadable one when a value is over the field limit. */
  private RawRecord bounded(Map<String, String> fields) {
    for (Map.Entry<String, String> f : fields.entrySet()) {
      if (f.getValue() != null && f.getValue().length() > maxFieldChars) {
        return RawRecord.fieldTooLong(row, f.getKey(), maxFieldChars);
      }
    }
    return new RawRecord(row, fields, null);
  }

  private InputTooLargeException recordTooLong() {
    return new InputTooLargeException(IngestLimits.LINE, "JSON record " + row
        + " is longer than " + maxRecordBytes + " bytes");
  }

  /** Ends the read once one record has taken more than its share of bytes. */
  private final class RecordBudget extends FilterInputStream {
    RecordBudget(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      // The parser reads ahead by one buffer, which the budget allows for.
      if (counted.count() - recordStart > (long) maxRecordBytes + (64 << 10)) {
        throw recordTooLong();
      }
      return super.read(b, off, len);
    }
  }

  private RawRecord feature(JsonNode node) {
    if (!node.isObject() || !"Feature".equals(node.path("type").asText())) {
      return RawRecord.unreadable(row, "is not a GeoJSON Feature");
    }
    Map<String, String> fields = node.path("properties").isObject()
        ? text(node.get("properties")) : new HashMap<>();
    JsonNode geometry = node.path("geometry");
    if (geometry.isObject()) {
      if (!"Point".equals(geometry.path("type").asText())) {
        return RawRecord.unreadable(row, "has a " + geometry.path("type").asText()
            + " geometry; incidents are Points");
      }
      JsonNode c = geometry.path("coordinates");
      if (!c.isArray() || c.size() < 2) {
        return RawRecord.unreadable(row, "has a Point without two coordinates");
      }
      fields.put(RawRecord.GEOMETRY_LON, c.get(0).asText());
      fields.put(RawRecord.GEOMETRY_LAT, c.get(1).asText());
    }
    if (node.hasNonNull("id") && !fields.containsKey("id")) {
      fields.put("id", node.get("id").asText());
    }
    return bounded(fields);
  }

  private static Map<String, String> text(JsonNode object) {
    Map<String, String> out = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      out.put(e.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
    }
    return out;
  }

  @Override
  public long bytesRead() {
    return counted.count();
  }

  @Override
  public void close() throws IOException {
    parser.close();
    counted.close();
  }
}
