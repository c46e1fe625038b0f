package org.hotbeat.store;

import java.time.Instant;
import java.util.Set;

/**
 * A filter on incidents; null members do not filter.
 *
 * @param bbox west, south, east, north in WGS84 degrees, or null
 * @param from inclusive start of the period
 * @param to exclusive end of the period
 * @param categories normalised categories to keep; empty keeps all
 * @param limit most rows returned, 1 to {@link #MAX_LIMIT}
 */
public record IncidentQuery(double[] bbox, Instant from, Instant to, Set<String> categories,
    int limit) {
  public static final int MAX_LIMIT = 10_000;

  public IncidentQuery {
    if (bbox != null && bbox.length != 4) {
      throw new IllegalArgumentException("bbox needs 4 numbers");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    bbox = bbox == null ? null : bbox.clone();
  }
}
