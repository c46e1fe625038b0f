package org.hotbeat.store;

import java.time.Instant;
import java.util.Set;

/**
 * A filter on incidents; null or empty members do not filter. Hours and weekdays are counted on
 * the agency's local clock ({@code agency.time_zone}); incidents known only to the day skip hour
 * filters, and those known only to the month skip weekday filters too.
 *
 * @param agency one agency's incidents only
 * @param bbox west, south, east, north in WGS84 degrees, or null
 * @param from inclusive start of the period
 * @param to exclusive end of the period
 * @param categories normalised categories to keep
 * @param offenses raw offence codes to keep
 * @param hours local hours 0–23 to keep
 * @param weekdays ISO weekdays 1 (Monday) – 7 (Sunday) to keep
 * @param beat code of the beat the incidents must lie in
 * @param after keyset cursor: only incidents ordered after it (newest first), or null
 * @param limit most rows returned, 1 to {@link #MAX_LIMIT}
 * @param publicView leave out the incidents no public output may show ({@link PublicFilter})
 */
public record IncidentQuery(String agency, double[] bbox, Instant from, Instant to,
    Set<String> categories, Set<String> offenses, Set<Integer> hours, Set<Integer> weekdays,
    String beat, Cursor after, int limit, boolean publicView) {
  public static final int MAX_LIMIT = 10_000;

  /** Position in the newest-first order: (occurred_at, id) of the last row of a page. */
  public record Cursor(Instant occurredAt, long id) {}

  public IncidentQuery {
    if (bbox != null && bbox.length != 4) {
      throw new IllegalArgumentException("bbox needs 4 numbers");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    offenses = offenses == null ? Set.of() : Set.copyOf(offenses);
    hours = hours == null ? Set.of() : Set.copyOf(hours);
    weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
    bbox = bbox == null ? null : bbox.clone();
  }

  /** A filter that keeps sensitive incidents (patrol, analysts, internal uses). */
  public IncidentQuery(String agency, double[] bbox, Instant from, Instant to,
      Set<String> categories, Set<String> offenses, Set<Integer> hours, Set<Integer> weekdays,
      String beat, Cursor after, int limit) {
    this(agency, bbox, from, to, categories, offenses, hours, weekdays, beat, after, limit, false);
  }

  /** The same filter for the public: sensitive incidents left out. */
  public IncidentQuery publicOnly() {
    return new IncidentQuery(agency, bbox, from, to, categories, offenses, hours, weekdays, beat,
        after, limit, true);
  }

  /** The same filter without cursor or limit, for counts and whole-set reads. */
  public IncidentQuery withoutPaging() {
    return new IncidentQuery(agency, bbox, from, to, categories, offenses, hours, weekdays, beat,
        null, 1, publicView);
  }

  /** The same filter (without paging) inside another bounding box. */
  public IncidentQuery withBbox(double[] box) {
    return new IncidentQuery(agency, box, from, to, categories, offenses, hours, weekdays, beat,
        null, 1, publicView);
  }

  /** Everything, newest first, up to {@code limit}. */
  public static IncidentQuery all(int limit) {
    return new IncidentQuery(null, null, null, null, null, null, null, null, null, null, limit);
  }
}
