package org.hotbeat.community;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicTextTest {
  /** Places, and the personal data issue 22 found in the public report, one form a row. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Phone thefts reported by Jane Smith|Phone thefts reported [removed]",
      "Write to jane.smith@example.com today|Write to [removed] today",
      "Sgt. Kowalski leads|[removed] leads",
      "Officer Dana Reyes attended|[removed] attended",
      "Mrs O'Brien saw it|[removed] saw it",
      "badge 4471 on duty|[removed] on duty",
      "Star #12345 on duty|[removed] on duty",
      "call 312-555-0147 now|call [removed] now",
      "call (312) 555 0199 now|call [removed] now",
      "call +1 312.555.0123 now|call [removed] now",
      "call 0191 555 0100 now|call [removed] now",
      "the 1200 block of S Wabash at night|the [place removed] at night",
      "outside 100 W Randolph again|outside [place removed] again",
      "car plate ABC-1234 seen|car [removed] seen",
      "a van ZK19 PQR seen|a van [removed] seen",
      "12-minute stops, 3 cars, evenings|12-minute stops, 3 cars, evenings",
      "Residents asked for more lighting on State St|Residents asked for more lighting on State St",
      "Thefts outside 1234 N State St|Thefts outside [place removed]",
      "Noise at 012XX S STATE ST at night|Noise at [place removed] at night",
      "Fights near the 1200 block of West Madison Avenue|Fights near the [place removed]",
      "Car seen at 41.8781, -87.6298|Car seen at [place removed], [place removed]",
      "Speeding on State St|Speeding on State St",
      "12-minute stops, 3 cars|12-minute stops, 3 cars",
  })
  void placesAndPersonalDataAreScrubbedFromPublicText(String in, String out) {
    assertEquals(out, PublicText.scrub(in));
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
