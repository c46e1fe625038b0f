package org.hotbeat.community;

import java.time.Instant;

/**
 * One fix of a patrol track: WGS84 position and time. {@code segmentStart} marks the first fix of
 * a GPX track segment: the time since the fix before it is a recording gap, not movement.
 */
public record TrackPoint(double lon, double lat, Instant time, boolean segmentStart) {}
