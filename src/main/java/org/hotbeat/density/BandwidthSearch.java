package org.hotbeat.density;

/**
 * The result of a data-driven bandwidth search over a fixed list of candidates: every candidate
 * with its criterion value, so the curve can be shown or checked, and the chosen one.
 * Bandwidths are Gaussian σ in the points' unit (metres); convert with
 * {@link BandwidthRules#forKernel} for another kernel.
 *
 * @param method what was optimised, e.g. "likelihood cross-validation (bw.ppl)"
 * @param candidates the σ values tried, ascending
 * @param criterion the criterion at each candidate (−∞ where undefined)
 * @param best index of the chosen candidate
 */
public record BandwidthSearch(String method, double[] candidates, double[] criterion, int best) {
  public BandwidthSearch {
    candidates = candidates.clone();
    criterion = criterion.clone();
  }

  /** The chosen σ. */
  public double bandwidth() {
    return candidates[best];
  }

  @Override
  public double[] candidates() {
    return candidates.clone();
  }

  @Override
  public double[] criterion() {
    return criterion.clone();
  }
}
