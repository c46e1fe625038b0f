package org.hotbeat.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotbeat.InvalidInputException;

/** Reads an area from a GeoJSON geometry, Feature, or FeatureCollection of one feature. */
public final class GeoJsonAreas {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeoJsonAreas() {}

  /** A beat code, or the polygon in {@code value} when it names an existing file. */
  public static AreaSpec beatOrFile(String field, String value) {
    Path p = Path.of(value);
    if (!Files.isRegularFile(p)) {
      return AreaSpec.beat(value);
    }
    try {
      return AreaSpec.polygon(geometry(field, JSON.readTree(p.toFile())).toString());
    } catch (IOException e) {
      throw new InvalidInputException(field, "cannot read " + p + " as GeoJSON: "
          + e.getMessage());
    }
  }

  /** The geometry inside {@code node}, naming {@code field} when there is none. */
  public static JsonNode geometry(String field, JsonNode node) {
    String type = node.path("type").asText("");
    if (type.equals("FeatureCollection")) {
      JsonNode features = node.path("features");
      if (features.size() != 1) {
        throw new InvalidInputException(field, "a FeatureCollection must hold exactly one "
            + "feature, not " + features.size());
      }
      return geometry(field, features.get(0));
    }
    if (type.equals("Feature")) {
      return geometry(field, node.path("geometry"));
    }
    if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
      throw new InvalidInputException(field, "must be a GeoJSON Polygon or MultiPolygon"
          + (type.isEmpty() ? "" : ", not " + type));
    }
    return node;
  }
}
