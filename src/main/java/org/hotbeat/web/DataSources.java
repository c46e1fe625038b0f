package org.hotbeat.web;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.hotbeat.store.IncidentAggregates;
import org.hotbeat.store.IncidentRepository;

/**
 * The data version (which changes with every ingest or correction, so caches key on it) and who
 * published the incidents in service, read at most once a second: tile bursts should not each ask
 * the database. Thread-safe.
 */
final class DataSources {
  private final IncidentRepository incidents;
  private final IncidentAggregates aggregates;
  private volatile String version;
  private volatile long versionRead;
  private volatile String sourcesVersion;
  private volatile List<IncidentAggregates.Source> sources;

  DataSources(IncidentRepository incidents, IncidentAggregates aggregates) {
    this.incidents = incidents;
    this.aggregates = aggregates;
  }

  String version() throws SQLException {
    long now = System.nanoTime();
    if (version == null || now - versionRead > 1_000_000_000L) {
      version = incidents.dataVersion();
      versionRead = now;
    }
    return version;
  }

  /** One row per agency with incidents: publisher and the span of dates. */
  List<IncidentAggregates.Source> sources() throws SQLException {
    String v = version();
    if (!v.equals(sourcesVersion)) {
      sources = aggregates.sources();
      sourcesVersion = v;
    }
    return sources;
  }

  /** The credit line for incident layers: each agency's publisher, or its code if none is set. */
  String attribution() throws SQLException {
    List<IncidentAggregates.Source> all = sources();
    if (all.isEmpty()) {
      return "";
    }
    return all.stream().map(s -> s.attribution() != null ? s.attribution()
        : "incident data: " + s.agency()).distinct().collect(Collectors.joining(" · "));
  }
}
