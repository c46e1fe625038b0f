package org.hotbeat.store;

import java.time.Instant;

/**
 * One stored incident.
 *
 * @param lon longitude, WGS84 degrees
 * @param lat latitude, WGS84 degrees
 * @param locationPrecision how exact the point is: exact, block, street, anonymised, beat, area
 */
public record Incident(long id, String agency, String sourceId, Instant occurredAt, String offense,
    String category, double lon, double lat, String locationPrecision) {}
