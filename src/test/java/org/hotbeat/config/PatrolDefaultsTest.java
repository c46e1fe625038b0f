package org.hotbeat.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hotbeat.HotbeatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatrolDefaultsTest {
  @Test
  void defaultsAreValid() {
    assertDoesNotThrow(PatrolDefaults::defaults);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no dwell             | 0  | 120 | 150 | 200 | 50  | 1  | 12 | 24  | patrol-dwell-minutes
      revisits too close   | 12 | 5   | 150 | 200 | 50  | 1  | 12 | 24  | patrol-revisit-minutes
      bandwidth too small  | 12 | 120 | 10  | 200 | 50  | 1  | 12 | 24  | patrol-bandwidth
      separation too wide  | 12 | 120 | 150 | 5e3 | 50  | 1  | 12 | 24  | patrol-separation
      no candidates        | 12 | 120 | 150 | 200 | 0   | 1  | 12 | 24  | patrol-candidates
      negative risk        | 12 | 120 | 150 | 200 | 50  | -1 | 12 | 24  | patrol-min-risk
      no units             | 12 | 120 | 150 | 200 | 50  | 1  | 0  | 24  | patrol-max-units
      a week-long shift    | 12 | 120 | 150 | 200 | 50  | 1  | 12 | 168 | patrol-max-shift-hours
      """)
  void rejectsBadValuesNamingTheOption(String why, double dwell, double revisit, double bandwidth,
      double separation, int candidates, double minRisk, int units, int shiftHours,
      String option) {
    HotbeatException e = assertThrows(HotbeatException.class, () -> new PatrolDefaults(dwell,
        revisit, bandwidth, separation, candidates, minRisk, units, shiftHours));
    assertTrue(e.getMessage().contains("--" + option), e.getMessage());
  }
}
