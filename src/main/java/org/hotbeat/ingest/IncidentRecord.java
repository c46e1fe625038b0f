package org.hotbeat.ingest;

import java.time.Instant;

/**
 * One validated incident, ready to store.
 *
 * @param row the input row it came from (1-based)
 * @param lon longitude, WGS84 degrees
 * @param lat latitude, WGS84 degrees
 * @param timePrecision exact, day or month
 * @param locationPrecision exact, block, street or anonymised
 * @param attributesJson a JSON object of the mapping's extra columns
 */
public record IncidentRecord(long row, String sourceId, Instant occurredAt, String timePrecision,
    String offense, String category, double lon, double lat, String locationPrecision,
    String attributesJson) {}
