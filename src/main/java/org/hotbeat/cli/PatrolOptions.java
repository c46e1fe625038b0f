package org.hotbeat.cli;

import org.hotbeat.config.PatrolDefaults;
import picocli.CommandLine.Option;

/** The options of {@link PatrolDefaults}: what a patrol plan request gets when it leaves a setting out. */
final class PatrolOptions {
  private static final PatrolDefaults DEFAULTS = PatrolDefaults.defaults();

  @Option(names = "--" + PatrolDefaults.DWELL, paramLabel = "MIN",
      description = "Minutes at each patrol stop. Default: ${DEFAULT-VALUE}.")
  double dwellMinutes = DEFAULTS.dwellMinutes();

  @Option(names = "--" + PatrolDefaults.REVISIT, paramLabel = "MIN",
      description = "Least minutes between two visits to one hotspot. Default: ${DEFAULT-VALUE}.")
  double revisitMinutes = DEFAULTS.revisitMinutes();

  @Option(names = "--" + PatrolDefaults.BANDWIDTH, paramLabel = "M",
      description = "Kernel bandwidth of a plan's risk surface, in metres. "
          + "Default: ${DEFAULT-VALUE}.")
  double riskBandwidth = DEFAULTS.riskBandwidthMetres();

  @Option(names = "--" + PatrolDefaults.SEPARATION, paramLabel = "M",
      description = "Least distance between two hotspot candidates, in metres. "
          + "Default: ${DEFAULT-VALUE}.")
  double separation = DEFAULTS.separationMetres();

  @Option(names = "--" + PatrolDefaults.CANDIDATES, paramLabel = "N",
      description = "Most hotspot candidates per plan. Default: ${DEFAULT-VALUE}.")
  int maxCandidates = DEFAULTS.maxCandidates();

  @Option(names = "--" + PatrolDefaults.MIN_RISK, paramLabel = "R",
      description = "Least risk (weighted incidents of the risk period) a hotspot must cover. "
          + "Default: ${DEFAULT-VALUE}.")
  double minRisk = DEFAULTS.minRisk();

  @Option(names = "--" + PatrolDefaults.MAX_UNITS, paramLabel = "N",
      description = "Most units in one plan. Default: ${DEFAULT-VALUE}.")
  int maxUnits = DEFAULTS.maxUnits();

  @Option(names = "--" + PatrolDefaults.MAX_SHIFT, paramLabel = "H",
      description = "Longest shift, in hours. Default: ${DEFAULT-VALUE}.")
  int maxShiftHours = DEFAULTS.maxShiftHours();

  PatrolDefaults toDefaults() {
    return new PatrolDefaults(dwellMinutes, revisitMinutes, riskBandwidth, separation,
        maxCandidates, minRisk, maxUnits, maxShiftHours);
  }
}
