package org.hotbeat.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExtentTest {
  @Test
  void theExtentOfPointsIsTheirBoundingBoxAndGrowsOnEverySide() {
    Extent e = Extent.of(new double[] {3, -1, 2}, new double[] {5, 7, -2});
    assertEquals(new Extent(-1, -2, 3, 7), e);
    assertEquals(4, e.width());
    assertEquals(9, e.height());
    assertEquals(new Extent(-3, -4, 5, 9), e.grow(2));
  }

  @Test
  void noPointsGiveTheEmptyExtentWhichAUnionIgnores() {
    Extent none = Extent.of(new double[0], new double[0]);
    assertTrue(none.isEmpty());
    Extent one = Extent.of(new double[] {1}, new double[] {2});
    assertFalse(one.isEmpty());
    assertEquals(one, none.union(one));
    assertEquals(new Extent(1, 2, 4, 6), one.union(new Extent(4, 6, 4, 6)));
  }

  @Test
  void webMercatorForwardProjectsEachPositionAsTheSingleFormulas() {
    double[][] xy = WebMercator.forward(new double[] {-87.63, 0}, new double[] {41.88, 0});
    assertEquals(WebMercator.x(-87.63), xy[0][0]);
    assertEquals(WebMercator.y(41.88), xy[1][0]);
    assertEquals(0, xy[0][1], 1e-9);
    assertEquals(0, xy[1][1], 1e-9);
  }
}
