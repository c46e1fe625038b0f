package org.hotbeat.tiles;

import org.hotbeat.density.Kernel;
import org.hotbeat.store.IncidentQuery;

/**
 * What a heat layer shows: the incidents of a filter, smoothed by a kernel of a bandwidth in true
 * metres, in incidents per km² over the filter's period (divided by {@code periods} when a rate
 * per day, week, month or year is asked for).
 *
 * @param key a canonical text of all of the above, for caches and ETags
 */
public record HeatQuery(IncidentQuery filter, Kernel kernel, double bandwidthMetres,
    double periods, String perUnit, String key) {}
