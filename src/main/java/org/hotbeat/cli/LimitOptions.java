package org.hotbeat.cli;

import org.hotbeat.config.Limits;
import picocli.CommandLine.Option;

/** The options of {@link Limits}: bounds on work and the public floors, one per limit. */
final class LimitOptions {
  private static final Limits DEFAULTS = Limits.defaults();

  @Option(names = "--" + Limits.PUBLIC_MIN_COUNT, paramLabel = "N",
      description = "Smallest count a public output shows; smaller ones read 'fewer than N' or are "
          + "left out, and a public filter matching fewer shows nothing. Default: ${DEFAULT-VALUE}.")
  int publicMinCount = DEFAULTS.publicMinCount();

  @Option(names = "--" + Limits.PUBLIC_MIN_BANDWIDTH, paramLabel = "M",
      description = "Smallest heat-map bandwidth, in metres, for callers without a patrol or "
          + "analyst role, so no single address can be read off a public map. "
          + "Default: ${DEFAULT-VALUE}.")
  double publicMinBandwidth = DEFAULTS.publicMinBandwidthMetres();

  @Option(names = "--" + Limits.PUBLIC_MIN_CELL, paramLabel = "M",
      description = "Smallest Gi* cell, in metres, for the public. Default: ${DEFAULT-VALUE}.")
  double publicMinCell = DEFAULTS.publicMinCellMetres();

  @Option(names = "--" + Limits.PUBLIC_HEAT_CELL, paramLabel = "M",
      description = "Side, in metres, of the fixed cells the public heat map is smoothed from; "
          + "cells with fewer than --" + Limits.PUBLIC_MIN_COUNT + " incidents are left out. "
          + "Default: ${DEFAULT-VALUE}.")
  double publicHeatCell = DEFAULTS.publicHeatCellMetres();

  @Option(names = "--" + Limits.MAX_BANDWIDTH, paramLabel = "M",
      description = "Largest kernel bandwidth, in true metres, of heat maps, exports and the "
          + "change map. Default: ${DEFAULT-VALUE}.")
  double maxBandwidth = DEFAULTS.maxBandwidthMetres();

  @Option(names = "--" + Limits.MAX_ANALYSIS_CELLS, paramLabel = "N",
      description = "Most cells in one statistics grid (Gi*, emerging hot spots, the change map). "
          + "Default: ${DEFAULT-VALUE}.")
  long maxAnalysisCells = DEFAULTS.maxAnalysisCells();

  @Option(names = "--" + Limits.MAX_GRID_CELLS, paramLabel = "N",
      description = "Most cells in one density grid (exports, backtests, patrol risk surfaces). "
          + "Default: ${DEFAULT-VALUE}.")
  long maxGridCells = DEFAULTS.maxGridCells();

  @Option(names = "--" + Limits.MAX_INCIDENTS, paramLabel = "N",
      description = "Most incidents read for one analysis or heat layer. "
          + "Default: ${DEFAULT-VALUE}.")
  int maxIncidents = DEFAULTS.maxIncidents();

  @Option(names = "--" + Limits.REQUESTS_PER_MINUTE, paramLabel = "N",
      description = "Requests one client (a token, or an address without one) may make per "
          + "minute, in bursts of up to as many; more get 429. Default: ${DEFAULT-VALUE}.")
  int requestsPerMinute = DEFAULTS.requestsPerMinute();

  @Option(names = "--" + Limits.ANALYSES_PER_MINUTE, paramLabel = "N",
      description = "Analyses (Gi*, change, backtests, exports, patrol plans, assessments) one "
          + "client may ask for per minute. Default: ${DEFAULT-VALUE}.")
  int analysesPerMinute = DEFAULTS.analysesPerMinute();

  @Option(names = "--" + Limits.CONCURRENT_ANALYSES, paramLabel = "N",
      description = "Analyses running at once on this server; more wait up to 10 s, then get "
          + "503. Default: the number of cores, at least 2.")
  int concurrentAnalyses = DEFAULTS.concurrentAnalyses();

  Limits toLimits() {
    return new Limits(publicMinCount, publicMinBandwidth, publicMinCell, publicHeatCell, maxBandwidth,
        maxAnalysisCells, maxGridCells, maxIncidents, requestsPerMinute, analysesPerMinute,
        concurrentAnalyses);
  }
}
