package org.hotbeat.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpxReaderTest {
  private static final String HEAD = "<?xml version='1.0'?>\n<gpx version='1.1' "
      + "xmlns='http://www.topografix.com/GPX/1/1'><trk><name>1A</name>";

  private static List<TrackPoint> read(String gpx) {
    return GpxReader.read(new ByteArrayInputStream(gpx.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsPointsAndMarksEachSegmentStart() {
    List<TrackPoint> p = read(HEAD + "<trkseg>"
        + "<trkpt lat='41.88' lon='-87.63'><ele>180</ele><time>2017-06-02T20:00:00-05:00</time>"
        + "</trkpt><trkpt lat='41.881' lon='-87.63'><time>2017-06-03T01:00:10Z</time></trkpt>"
        + "</trkseg><trkseg><trkpt lat='41.882' lon='-87.63'><time>2017-06-03T01:05:00Z</time>"
        + "</trkpt></trkseg></trk><wpt lat='0' lon='0'/></gpx>");
    assertEquals(3, p.size());
    assertEquals(Instant.parse("2017-06-03T01:00:00Z"), p.get(0).time());
    assertEquals(List.of(true, false, true), p.stream().map(TrackPoint::segmentStart).toList());
    assertEquals(-87.63, p.get(1).lon());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "<trkseg><trkpt lat='41.88' lon='-87.63'></trkpt></trkseg></trk></gpx>"
          + "| track point 1 (line 3) has no timestamp",
      "<trkseg><trkpt lat='41.88' lon='-87.63'><time>2017-06-03T01:00:10Z</time></trkpt>"
          + "<trkpt lat='41.88' lon='-87.63'><time>2017-06-03T01:00:00Z</time></trkpt>"
          + "</trkseg></trk></gpx>| track point 2 (line 3) at 2017-06-03T01:00:00Z comes before",
      "<trkseg><trkpt lat='41.88' lon='-87.63'><time>yesterday</time></trkpt></trkseg></trk>"
          + "</gpx>| has the time 'yesterday'",
      "<trkseg><trkpt lat='91' lon='-87.63'><time>2017-06-03T01:00:10Z</time></trkpt></trkseg>"
          + "</trk></gpx>| has no valid lat ('91')",
      "<trkseg><trkpt lat='41.88' lon='-87.63'><time>2017-06-03T01:00:10Z</time></trkpt>"
          + "| not well-formed GPX",
      "</trk></gpx>| no track points",
  })
  void brokenFilesAreRefusedNamingThePointAndTheReason(String body, String expected) {
    var e = assertThrows(InvalidInputException.class, () -> read(HEAD + "\n" + body));
    assertEquals("gpx", e.field());
    assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
  }

  @Test
  void otherXmlAndDoctypesAreRefused() {
    var e = assertThrows(InvalidInputException.class, () -> read("<kml></kml>"));
    assertTrue(e.getMessage().contains("not <gpx>"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> read("<?xml version='1.0'?><!DOCTYPE gpx ["
        + "<!ENTITY x SYSTEM 'file:///etc/passwd'>]><gpx>&x;</gpx>"));
    assertThrows(InvalidInputException.class, () -> read("not xml at all"));
  }
}
