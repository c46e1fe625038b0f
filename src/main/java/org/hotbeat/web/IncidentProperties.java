package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.hotbeat.store.Incident;

/**
 * What {@code /api/incidents} and the OGC {@code incidents} collection show of an incident, with
 * the snake-case names both have always used.
 *
 * @param occurredAt ISO-8601 instant (UTC)
 */
record IncidentProperties(String agency, @JsonProperty("source_id") String sourceId,
    @JsonProperty("occurred_at") String occurredAt, String offense, String category,
    @JsonProperty("location_precision") String locationPrecision) {
  static IncidentProperties of(Incident i) {
    return new IncidentProperties(i.agency(), i.sourceId(), i.occurredAt().toString(),
        i.offense(), i.category(), i.locationPrecision());
  }
}
