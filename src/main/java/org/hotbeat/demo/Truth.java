package org.hotbeat.demo;

import java.util.List;
import java.util.Map;

/**
 * The planted truth of a generated city, written as {@code truth.json} beside its files: what the
 * analysis should find (hotspots, near-repeat burglaries) and what the importer should refuse (bad
 * rows). Coordinates are WGS84 lon/lat, distances metres, dates ISO-8601 in {@link Period#timeZone}.
 */
public record Truth(String generator, long seed, long incidents, Period period, Town town,
    Files files, List<HotspotTruth> hotspots, NearRepeat nearRepeat,
    Map<String, Long> backgroundIncidents, BadRows badRows) {

  /** The data's dates, inclusive; the emerging hotspots start at {@code lastSixMonthsFrom}. */
  public record Period(String from, String to, String lastSixMonthsFrom, String timeZone) {}

  /** The town: its bounding box {@code [west, south, east, north]} and what its map holds. */
  public record Town(String name, double[] bbox, double widthMetres, double heightMetres,
      int nodes, int streetWays, int ways, int beats, List<String> policeStations) {}

  /** File names inside the output folder. */
  public record Files(String streets, String beats, String incidents) {}

  /**
   * A planted hotspot. {@code radiusMetres}: 90 % of its incidents fall within it before they are
   * snapped to the nearest street. {@code intensity}: {@code constant}, or {@code linear-decline}
   * from full strength on {@code from} to zero after {@code to}. {@code incidents}: valid rows it
   * actually produced; {@code expectedIncidents} = share × all rows.
   */
  public record HotspotTruth(String id, String kind, double lon, double lat, double radiusMetres,
      String from, String to, String intensity, List<String> categories, double share,
      long expectedIncidents, long incidents) {}

  /**
   * Self-exciting burglaries: every burglary has Poisson({@code branchingRatio}) follow-ups, each
   * {@code spatialSigmaMetres} (Gaussian) away and an exponential delay with mean
   * {@code meanDelayDays} (at least one day). {@code incidents}: follow-ups written;
   * {@code dropped}: follow-ups that fell after the period's end.
   */
  public record NearRepeat(String category, double branchingRatio, double spatialSigmaMetres,
      double meanDelayDays, long incidents, long dropped) {}

  /** Rows spoiled on purpose, by reason and one by one (line 1 is the header). */
  public record BadRows(long total, Map<String, Long> byReason, List<BadRow> rows) {}

  /** One spoiled row. */
  public record BadRow(long line, String id, String reason, String detail) {}
}
