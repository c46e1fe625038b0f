package org.hotbeat.evaluation;

import java.time.Instant;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.geo.MetricProjection;
import org.locationtech.jts.geom.Geometry;

/**
 * A backtest from WGS84 incidents, as the CLI and the API run it: project to the incidents' UTM
 * zone, take the study area (a boundary or the convex hull), lay the cells, split the periods and
 * score the methods with {@link Backtest}. Stateless and thread-safe.
 */
public final class Evaluation {
  /**
   * The two periods, each half-open; the test period may not start before training ends.
   *
   * @throws InvalidInputException naming the period bound at fault ({@code trainTo},
   *     {@code testTo} or {@code testFrom})
   */
  public record Periods(Instant trainFrom, Instant trainTo, Instant testFrom, Instant testTo) {
    public Periods {
      if (!trainFrom.isBefore(trainTo)) {
        throw new InvalidInputException("trainTo", "the training period is empty: it must end "
            + "after it starts");
      }
      if (!testFrom.isBefore(testTo)) {
        throw new InvalidInputException("testTo", "the test period is empty: it must end after "
            + "it starts");
      }
      if (testFrom.isBefore(trainTo)) {
        throw new InvalidInputException("testFrom", "the test period overlaps the training "
            + "period: it must start at or after the end of training (" + trainTo + ")");
      }
    }
  }

  /** The scores and where they were measured. */
  public record Outcome(Backtest.Result result, int epsg, double areaKm2, String area) {}

  private Evaluation() {}

  /**
   * @param lonLatTime three arrays: longitudes, latitudes (WGS84) and epoch seconds, covering at
   *     least both periods (others are ignored)
   * @param boundary the study area in WGS84, or null for the convex hull of the incidents
   * @param maxCells most cells the grid may have
   * @throws InvalidInputException for an empty set or too few incidents
   *     ({@link Backtest#MIN_TRAIN}, {@link Backtest#MIN_TEST})
   * @throws org.hotbeat.LimitExceededException for a grid over {@code maxCells}
   *     ({@link org.hotbeat.config.Limits#MAX_GRID_CELLS})
   */
  public static Outcome run(double[][] lonLatTime, Periods p, List<Method> methods, double cell,
      Geometry boundary, long maxCells) {
    int n = lonLatTime[0].length;
    if (n == 0) {
      throw new InvalidInputException("filter", "no incidents match the filter in the periods "
          + "given");
    }
    MetricProjection proj = MetricProjection.utmFor(lonLatTime[0], lonLatTime[1]);
    double[][] plane = proj.forward(lonLatTime[0], lonLatTime[1]);
    double[] xs = plane[0];
    double[] ys = plane[1];
    long[] ts = new long[n];
    for (int i = 0; i < n; i++) {
      ts[i] = (long) lonLatTime[2][i];
    }
    EventSet train = new EventSet(xs, ys, ts).between(p.trainFrom().getEpochSecond(),
        p.trainTo().getEpochSecond());
    EventSet test = new EventSet(xs, ys, ts).between(p.testFrom().getEpochSecond(),
        p.testTo().getEpochSecond());
    Backtest.requireEnough(train.size(), test.size(), "");
    Geometry area = boundary == null ? StudyArea.convexHull(xs, ys)
        : StudyArea.project(boundary, proj);
    Backtest.Result r = Backtest.runMethods(new StudyGrid(area, cell, maxCells), train,
        p.trainTo().getEpochSecond(), test, methods);
    return new Outcome(r, proj.epsg(), area.getArea() / 1e6,
        boundary == null ? "convex hull of the incidents" : "boundary");
  }
}
