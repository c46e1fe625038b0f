package org.hotbeat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.hotbeat.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordMapperTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"),
      ZoneOffset.UTC);

  private static RawRecord row(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return new RawRecord(7, m, null);
  }

  private static RecordMapper.Result generic(String id, String at, String lon, String lat) {
    Mapping m = Mappings.load("generic");
    Mapping withExtent = new Mapping(m.name(), m.description(), m.agency(), m.id(), m.occurredAt(),
        m.location(), java.util.List.of(-88.0, 41.6, -87.5, 42.1), m.offense(), m.category(),
        m.attributes());
    return new RecordMapper(withExtent, null, CLOCK).map(row("id", id, "occurred_at", at,
        "lon", lon, "lat", lat, "offense", "0820"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing coordinates         | 1 | 2017-06-01T10:00:00-05:00 | ''        | ''       | no coordinates
      only one coordinate         | 1 | 2017-06-01T10:00:00-05:00 | -87.63    | ''       | only one of longitude and latitude
      non-numeric coordinate      | 1 | 2017-06-01T10:00:00-05:00 | west      | 41.88    | are not numbers
      NaN                         | 1 | 2017-06-01T10:00:00-05:00 | NaN       | 41.88    | not finite
      Infinity                    | 1 | 2017-06-01T10:00:00-05:00 | -87.63    | Infinity | not finite
      swapped lat and lon         | 1 | 2017-06-01T10:00:00-05:00 | 41.88     | -87.63   | look swapped
      latitude out of range       | 1 | 2017-06-01T10:00:00-05:00 | -187.63   | 141.88   | out of range
      the (0 0) placeholder       | 1 | 2017-06-01T10:00:00-05:00 | 0         | 0        | placeholder point (0, 0)
      outside the agency's extent | 1 | 2017-06-01T10:00:00-05:00 | -0.12     | 51.5     | outside the agency's extent
      unparseable date            | 1 | 32/13/2017                | -87.63    | 41.88    | does not match the format
      future date                 | 1 | 2031-01-01T00:00:00Z      | -87.63    | 41.88    | is in the future
      beyond PostgreSQL's years   | 1 | +294277-01-01T00:00:00Z   | -87.63    | 41.88    | is in the future
      before PostgreSQL's years   | 1 | -99999-01-01T00:00:00Z    | -87.63    | 41.88    | is before 1900
      before 1900                 | 1 | 1899-12-31T23:59:59Z      | -87.63    | 41.88    | is before 1900
      empty id                    | ''| 2017-06-01T10:00:00-05:00 | -87.63    | 41.88    | empty id
      empty date                  | 1 | ''                        | -87.63    | 41.88    | empty date
      """)
  void rejectsBadRowsWithAReason(String why, String id, String at, String lon, String lat,
      String reason) {
    RecordMapper.Result r = generic(id, at, lon, lat);
    assertNull(r.incident(), why);
    assertTrue(r.rejection().contains(reason), r.rejection());
  }

  @Test
  void keepsSqlMetacharactersVerbatim() {
    String evil = "1'); DROP TABLE incident; --\\";
    RecordMapper.Result r = new RecordMapper(Mappings.load("generic"), null, CLOCK).map(row(
        "id", evil, "occurred_at", "2017-06-01T10:00:00-05:00", "lon", "-87.63", "lat", "41.88",
        "offense", evil));
    assertEquals(evil, r.incident().sourceId());
    assertEquals(evil, r.incident().offense());
  }

  @Test
  void readsChicagoLocalTimesAndMapsCategories() {
    RecordMapper.Result r = new RecordMapper(Mappings.load("chicago"), null, CLOCK).map(row(
        "ID", "11227508", "Date", "06/01/2017 01:18:00 AM", "IUCR", "0820",
        "Primary Type", "THEFT", "Latitude", "41.8781", "Longitude", "-87.6298",
        "Case Number", "JA123"));
    assertEquals(Instant.parse("2017-06-01T06:18:00Z"), r.incident().occurredAt(), "CDT is UTC-5");
    assertEquals("theft", r.incident().category());
    assertEquals("0820", r.incident().offense());
    assertEquals("block", r.incident().locationPrecision());
    assertTrue(r.incident().attributesJson().contains("\"case_number\":\"JA123\""));
  }

  @Test
  void transformsChicagoStatePlaneFeetWhenLatLonAreMissing() {
    // A real 2017 row: X 1180398, Y 1874151 (EPSG:3435) is published as 41.80993288, -87.613843427.
    RecordMapper.Result r = new RecordMapper(Mappings.load("chicago"), null, CLOCK).map(row(
        "ID", "1", "Date", "06/01/2017 01:18:00 AM", "Primary Type", "THEFT",
        "X Coordinate", "1180398", "Y Coordinate", "1874151"));
    // The portal rounds X/Y to whole feet: 1 ft ≈ 3e-6 degrees.
    assertEquals(41.80993288, r.incident().lat(), 1e-5);
    assertEquals(-87.613843427, r.incident().lon(), 1e-5);
  }

  @Test
  void aWrongSridIsCaughtByTheExtent() {
    RecordMapper.Result r = new RecordMapper(Mappings.load("chicago"), 27700, CLOCK).map(row(
        "ID", "1", "Date", "06/01/2017 01:18:00 AM", "Primary Type", "THEFT",
        "X Coordinate", "1172462", "Y Coordinate", "1859906"));
    assertTrue(r.rejection().contains("is EPSG:27700 right for x/y?"), r.rejection());
  }

  @Test
  void anUnknownSridIsAClearError() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new RecordMapper(Mappings.load("chicago"), 999999, CLOCK));
    assertEquals("srid", e.field());
    assertTrue(e.getMessage().contains("EPSG:999999"), e.getMessage());
  }

  @Test
  void policeUkMonthsAndRowsWithoutIdsGetStableDistinctIds() {
    RecordMapper mapper = new RecordMapper(Mappings.load("police-uk"), null, CLOCK);
    RawRecord asb = row("Crime ID", "", "Month", "2021-08", "Longitude", "-1.61",
        "Latitude", "54.97", "Crime type", "Anti-social behaviour", "Location", "On or near X");
    RecordMapper.Result first = mapper.map(asb);
    RecordMapper.Result second = mapper.map(asb);
    assertEquals(Instant.parse("2021-07-31T23:00:00Z"), first.incident().occurredAt(),
        "the month starts at local midnight (BST)");
    assertEquals("month", first.incident().timePrecision());
    assertEquals("anonymised", first.incident().locationPrecision());
    assertEquals("disorder", first.incident().category());
    assertNotEquals(first.incident().sourceId(), second.incident().sourceId(),
        "two identical reports are two incidents");
    RecordMapper again = new RecordMapper(Mappings.load("police-uk"), null, CLOCK);
    assertEquals(first.incident().sourceId(), again.map(asb).incident().sourceId(),
        "the same file gives the same ids next time");
  }
}
