package org.hotbeat.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.hotbeat.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeWindowTest {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a month starts at local midnight on its first day | 2017-06                   | 2017-06-01T05:00:00Z
      a date is local midnight (daylight time)          | 2017-06-02                | 2017-06-02T05:00:00Z
      a date is local midnight (standard time)          | 2017-01-02                | 2017-01-02T06:00:00Z
      a local time is on the agency's clock             | 2017-06-02T20:00          | 2017-06-03T01:00:00Z
      an offset is taken as given                       | 2017-06-02T20:00:00-05:00 | 2017-06-03T01:00:00Z
      UTC with Z                                        | 2017-06-02T20:00:00Z      | 2017-06-02T20:00:00Z
      """)
  void readsEveryEndOnTheAgencysClock(String why, String text, String expected) {
    assertEquals(Instant.parse(expected), TimeWindow.instant("from", text, () -> CHICAGO));
  }

  @Test
  void aTimestampWithOffsetNeverAsksForTheClock() {
    AgencyClocks twoZones = new AgencyClocks(Map.of("CPD", CHICAGO, "NP",
        ZoneId.of("Europe/London")));
    TimeWindow w = TimeWindow.parse("from", "2017-06-01T00:00:00Z", "to", "2017-07-01T00:00:00Z",
        () -> twoZones.of(null, "agency"));
    assertEquals(Instant.parse("2017-06-01T00:00:00Z"), w.from());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> TimeWindow.parse(
        "from", "2017-06-01", "to", null, () -> twoZones.of(null, "agency")));
    assertEquals("agency", e.field());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      beyond PostgreSQL's range       | +294277-01-01T00:00:00Z
      a negative year                 | -99999
      a year before 1800              | 1066-10-14
      not a date                      | yesterday
      a month that does not exist     | 2017-13
      """)
  void refusesEndsItCannotReadOrStore(String why, String text) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> TimeWindow.instant("to", text, () -> CHICAGO));
    assertEquals("to", e.field());
  }

  @Test
  void anEndNotAfterTheStartNamesTheEndField() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> TimeWindow.parse(
        "baseFrom", "2017-06-02", "baseTo", "2017-06-02", () -> CHICAGO));
    assertEquals("baseTo", e.field());
  }

  @Test
  void blankEndsAreOpen() {
    TimeWindow w = TimeWindow.parse("from", " ", "to", null, () -> CHICAGO);
    assertNull(w.from());
    assertNull(w.to());
  }

  @Test
  void overlapAndPrecedingWindow() {
    TimeWindow june = TimeWindow.parse("from", "2017-06", "to", "2017-07", () -> CHICAGO);
    TimeWindow before = june.preceding();
    assertEquals(june.from(), before.to());
    assertFalse(june.overlaps(before));
    assertTrue(june.overlaps(TimeWindow.ALWAYS));
  }
}
