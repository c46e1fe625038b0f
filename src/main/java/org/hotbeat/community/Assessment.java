package org.hotbeat.community;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an {@link AssessmentRequest}: counts in the three areas before and after, the
 * WDQ and the relative effect size, the monthly series, and notes in plain words.
 *
 * @param responseStart the first day of the 'after' period, marked on the plot
 * @param months one row per calendar month from the start of 'before' to the end of 'after'
 */
public record Assessment(String agency, String timeZone, List<String> categories,
    double bufferMetres, Period before, Period after, LocalDate responseStart, Areas areas,
    WeightedDisplacement.Result wdq, RelativeEffectSize.Result res, List<Month> months,
    List<String> notes) {

  /** The three areas. */
  public record Areas(AreaResult response, AreaResult buffer, AreaResult control) {}

  /**
   * One area's counts; the per-day rates are given only when the periods differ in length.
   *
   * @param km2 its size in square kilometres
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AreaResult(String label, double km2, long before, long after, Double beforePerDay,
      Double afterPerDay) {
    PeriodCounts counts() {
      return new PeriodCounts(before, after);
    }
  }

  /** Incidents in one month (YYYY-MM, the agency's calendar) in each area. */
  public record Month(String month, long response, long buffer, long control) {}
}
