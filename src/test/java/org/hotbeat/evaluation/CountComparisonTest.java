package org.hotbeat.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountComparisonTest {
  /** Expected p-values computed here with R 4.2.2: {@code poisson.test(c(a, b), c(ta, tb))$p.value}. */
  @ParameterizedTest(name = "{0} vs {1} over {2} and {3}: p = {4}")
  @CsvSource(textBlock = """
      30, 15, 1, 1, 0.03569780356
      10, 10, 1, 1, 1
       0,  6, 1, 1, 0.03125
       7,  3, 1, 1, 0.34375
      20, 40, 1, 2, 1
      """)
  void matchesRsExactPoissonTest(long a, long b, double ta, double tb, double p) {
    assertEquals(p, CountComparison.compare(a, b, ta, tb).p(), 1e-9);
  }

  @Test
  void changeIsRelativeToThePreviousCount() {
    assertEquals(0.5, CountComparison.compare(15, 10, 1, 1).change(), 1e-12);
    assertNull(CountComparison.compare(3, 0, 1, 1).change());
    assertEquals(1.0, CountComparison.compare(0, 0, 1, 1).p());
  }

  @Test
  void badInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> CountComparison.compare(-1, 2, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> CountComparison.compare(1, 2, 0, 1));
  }
}
