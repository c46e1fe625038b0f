package org.hotbeat.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hotbeat.HotbeatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsTest {
  @Test
  void defaultsAreValid() {
    assertDoesNotThrow(Limits::defaults);
  }

  @Test
  void requestBudgetsMustAllowSomething() {
    assertThrows(HotbeatException.class, () -> Limits.defaults().withRates(0, 60, 2));
    assertThrows(HotbeatException.class, () -> Limits.defaults().withRates(6000, 60, 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      public count of zero          | 0 | 250    | 100 | 250 | 20000 | 250000 | 4000000 | 5000000 | public-min-count
      public bandwidth above max    | 5 | 30000  | 100 | 250 | 20000 | 250000 | 4000000 | 5000000 | public-min-bandwidth
      absurd max bandwidth          | 5 | 250    | 100 | 250 | 1e6   | 250000 | 4000000 | 5000000 | max-bandwidth
      tiny analysis grid            | 5 | 250    | 100 | 250 | 20000 | 10     | 4000000 | 5000000 | max-analysis-cells
      too few incidents             | 5 | 250    | 100 | 250 | 20000 | 250000 | 4000000 | 10      | max-incidents
      public heat cell below cell   | 5 | 250    | 300 | 250 | 20000 | 250000 | 4000000 | 5000000 | public-heat-cell
      public heat cell of 1 m       | 5 | 250    | 0   | 1   | 20000 | 250000 | 4000000 | 5000000 | public-heat-cell
      """)
  void rejectsBadValuesNamingTheOption(String why, int count, double publicBw, double cell,
      double heatCell, double maxBw, long analysisCells, long gridCells, int incidents, String option) {
    HotbeatException e = assertThrows(HotbeatException.class, () -> new Limits(count, publicBw,
        cell, heatCell, maxBw, analysisCells, gridCells, incidents, 6000, 60, 2));
    assertTrue(e.getMessage().contains("--" + option), e.getMessage());
  }
}
