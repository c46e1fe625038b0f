package org.hotbeat.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hotbeat.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;

class GeoJsonAreasTest {
  private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.01,0],"
      + "[0.01,0.01],[0,0.01],[0,0]]]}";
  private static final String EAST = SQUARE.replace("[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]",
      "[0.01,0],[0.02,0],[0.02,0.01],[0.01,0.01],[0.01,0]");

  @Test
  void aGeometryAFeatureAndACollectionGiveTheSamePolygon() {
    Geometry plain = GeoJsonAreas.read("area", SQUARE);
    assertEquals(plain, GeoJsonAreas.read("area", "{\"type\":\"Feature\",\"properties\":{},"
        + "\"geometry\":" + SQUARE + "}"));
    assertEquals(plain, GeoJsonAreas.read("area", "{\"type\":\"FeatureCollection\",\"features\":"
        + "[{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "}]}"));
    assertEquals("Polygon", plain.getGeometryType());
  }

  @Test
  void aCollectionOfSeveralPolygonsIsOneMultiPolygonAndTheirUnionDissolves() {
    String both = "{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "},"
        + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + EAST + "}]}";
    assertEquals(2, GeoJsonAreas.read("area", both).getNumGeometries());
    Geometry union = GeoJsonAreas.union("boundary", List.of(SQUARE, EAST));
    assertEquals(1, union.getNumGeometries(), "the two squares touch");
    assertEquals(2e-4, union.getArea(), 1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON           | {nope                                                    | not GeoJSON
      a point            | {"type":"Point","coordinates":[0,0]}                     | Polygon or MultiPolygon, not Point
      no polygon at all  | {"type":"FeatureCollection","features":[]}               | holds no polygon
      projected metres   | {"type":"Polygon","coordinates":[[[448000,4637000],[449000,4637000],[449000,4638000],[448000,4637000]]]} | EPSG:4326
      """)
  void badAreasAreRefusedNamingTheField(String why, String json, String message) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> GeoJsonAreas.read("area.polygon", json));
    assertEquals("area.polygon", e.field());
    assertTrue(e.reason().contains(message), e.reason());
  }

  @Test
  void aSelfCrossingRingIsReadButNotValid() {
    String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.01,0.01],[0.01,0],"
        + "[0,0.01],[0,0]]]}";
    assertEquals("Polygon", GeoJsonAreas.read("area", bowtie).getGeometryType());
    assertThrows(InvalidInputException.class, () -> GeoJsonAreas.readValid("area", bowtie));
  }

  @Test
  void writtenGeoJsonReadsBackWithoutACrsMember() {
    Geometry g = GeoJsonAreas.read("area", SQUARE);
    String text = GeoJsonAreas.write(g);
    assertTrue(!text.contains("crs"), text);
    assertEquals(g, GeoJsonAreas.read("area", text));
  }
}
