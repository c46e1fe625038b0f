package org.hotbeat.ingest;

import java.util.List;

/**
 * What an import did. Every input row is counted exactly once: inserted + updated + unchanged +
 * rejected + duplicates = rows read.
 *
 * @param duplicates rows superseded by a later row with the same id in the same input (last wins)
 * @param issues the first {@link IngestService#MAX_REPORTED_ISSUES} rejected or superseded rows
 * @param issuesTotal how many there were in all
 * @param dataVersion the ingest run's id: caches of derived data key on it
 */
public record ImportReport(long rows, long inserted, long updated, long unchanged, long rejected,
    long duplicates, List<RowIssue> issues, long issuesTotal, long dataVersion) {

  /** One row that was not stored as given, and why. */
  public record RowIssue(long row, String reason) {}
}
