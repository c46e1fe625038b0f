package org.hotbeat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.SharedData;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BeatImporterTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private final BeatImporter importer = new BeatImporter(db.dataSource());

  private String scalar(String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The real boundary files; counts from their READMEs (Chicago: 277 polygons, 275 beats). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      chicago/boundaries/police_beats.geojson,                    BEAT_NUM,  BEAT_NUM,  chicago-geojson, 277, 275
      chicago/boundaries/police_beats_wgs84_shapefile.zip,        BEAT_NUM,  BEAT_NUM,  chicago-shp,     277, 275
      chicago/boundaries/PoliceBeatDec2012_stateplane_shapefile.zip, BEAT_NUM, BEAT_NUM, chicago-3435,   277, 275
      northumbria/boundaries/northumbria_wards_2022.gpkg,         ward_code, ward_name, nb-wards,        177, 177
      northumbria/boundaries/northumbria_districts_2022.geojson,  objectid,  district,  nb-districts,      6,   6
      """)
  void realBoundaryFilesImportInEveryFormat(String file, String code, String name, String agency,
      long features, long areas) throws Exception {
    Path p = SharedData.require(file);
    BeatImporter.Result r = importer.load(p, null, new BeatImporter.Fields(code, name, null),
        agency);
    assertEquals(features, r.features());
    assertEquals(areas, r.inserted());
    assertEquals(0, r.rejects().size());
    // Everything lands in WGS84 whatever the source's projection (3435 feet, 27700 metres).
    String extent = scalar("SELECT ST_XMin(e) > -10 AND ST_XMax(e) < 10 OR ST_XMin(e) > -88.1 "
        + "AND ST_XMax(e) < -87.4 FROM (SELECT ST_Extent(geom) e FROM beat WHERE agency = '"
        + agency + "') x");
    assertEquals("t", extent);
    assertEquals("t", scalar("SELECT bool_and(ST_IsValid(geom)) FROM beat WHERE agency = '"
        + agency + "'"));
  }

  @Test
  void reimportingUpdatesByCodeWithoutDuplicates() throws Exception {
    Path p = SharedData.require("chicago/boundaries/police_beats.geojson");
    BeatImporter.Fields f = new BeatImporter.Fields("BEAT_NUM", "BEAT_NUM", "DISTRICT");
    importer.load(p, null, f, "again");
    BeatImporter.Result second = importer.load(p, null, f, "again");
    assertEquals(0, second.inserted());
    assertEquals(275, second.updated());
    assertEquals("275", scalar("SELECT count(*) FROM beat WHERE agency = 'again'"));
    assertEquals("01", scalar("SELECT district FROM beat WHERE agency = 'again' AND code = '0111'"));
  }

  @Test
  void aMissingCodeFieldNamesTheFieldsThereAre() throws Exception {
    Path p = TestDirs.fresh("beats-field").resolve("b.geojson");
    Files.writeString(p, """
        {"type": "FeatureCollection", "features": [{"type": "Feature",
          "properties": {"BEAT": "1"}, "geometry": {"type": "Polygon",
          "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}""");
    IOException e = assertThrows(IOException.class, () -> importer.load(p, null,
        new BeatImporter.Fields("BEAT_NUM", null, null), "x"));
    assertTrue(e.getMessage().contains("the fields are: BEAT"), e.getMessage());
  }

  @Test
  void aFileThatIsNotGeodataIsAClearErrorAndStoresNothing() throws Exception {
    Path p = TestDirs.fresh("beats-bad").resolve("beats.geojson");
    Files.writeString(p, "this is not GeoJSON");
    IOException e = assertThrows(IOException.class, () -> importer.load(p, null,
        new BeatImporter.Fields("code", null, null), "bad"));
    assertTrue(e.getMessage().startsWith("ogr2ogr cannot read"), e.getMessage());
    assertEquals("0", scalar("SELECT count(*) FROM beat WHERE agency = 'bad'"));
  }
}
