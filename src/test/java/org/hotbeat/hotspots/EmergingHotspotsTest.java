package org.hotbeat.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.hotbeat.hotspots.EmergingHotspots.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One hand-made series per category: '+' hot, '-' cold, '.' neither, oldest first. */
class EmergingHotspotsTest {
  @ParameterizedTest(name = "{0} with z trend {1} is {2}")
  @CsvSource(textBlock = """
      ..........,   0, NO_PATTERN
      .........+,   0, NEW_HOT
      .......+++,   0, CONSECUTIVE_HOT
      ++++++++++,   1, INTENSIFYING_HOT
      ++++++++++,   0, PERSISTENT_HOT
      .+++++++++,   0, PERSISTENT_HOT
      ++++++++++,  -1, DIMINISHING_HOT
      .+..+..+.+,   0, SPORADIC_HOT
      ++....+.++,   0, SPORADIC_HOT
      -...-....+,   0, OSCILLATING_HOT
      +++++++++.,   0, HISTORICAL_HOT
      .........-,   0, NEW_COLD
      ........--,   0, CONSECUTIVE_COLD
      ----------,  -1, INTENSIFYING_COLD
      ----------,   0, PERSISTENT_COLD
      ----------,   1, DIMINISHING_COLD
      -..-...-.-,   0, SPORADIC_COLD
      +.....+..-,   0, OSCILLATING_COLD
      ---------.,   0, HISTORICAL_COLD
      ++++++++.., 0, NO_PATTERN
      """)
  void eachCategoryHasItsPattern(String series, int zTrend, Category expected) {
    int[] sig = series.strip().chars().map(c -> c == '+' ? 1 : c == '-' ? -1 : 0).toArray();
    assertEquals(expected, EmergingHotspots.classify(sig, zTrend), Arrays.toString(sig));
  }
}
