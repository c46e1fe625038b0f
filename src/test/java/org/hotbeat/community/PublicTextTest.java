package org.hotbeat.community;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicTextTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Thefts outside 1234 N State St|Thefts outside [place removed]",
      "Noise at 012XX S STATE ST at night|Noise at [place removed] at night",
      "Fights near the 1200 block of West Madison Avenue|Fights near the [place removed]",
      "Car seen at 41.8781, -87.6298|Car seen at [place removed], [place removed]",
      "Speeding on State St|Speeding on State St",
      "12-minute stops, 3 cars|12-minute stops, 3 cars",
  })
  void streetAddressesAndCoordinatesAreRemovedFromFreeText(String in, String out) {
    assertEquals(out, PublicText.withoutPlaces(in));
  }

  @Test
  void countsBelowFiveAreNotShown() {
    assertEquals("fewer than 5", PublicText.count(0, 5));
    assertEquals("fewer than 5", PublicText.count(4, 5));
    assertEquals("5", PublicText.count(5, 5));
    assertEquals("1,757", PublicText.count(1757, 5));
    assertEquals("March 2017", PublicText.month(YearMonth.of(2017, 3)));
  }
}
