package org.hotbeat.community;

/** Incidents counted in one area before and after a response began. */
public record PeriodCounts(long before, long after) {
  public PeriodCounts {
    if (before < 0 || after < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }
}
