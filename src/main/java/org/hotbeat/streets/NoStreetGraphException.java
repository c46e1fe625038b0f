package org.hotbeat.streets;

/** Routing was asked for before any street import; the web layer answers 409 with the command. */
public final class NoStreetGraphException extends RuntimeException {
  public NoStreetGraphException(String detail) {
    super(detail + ": import an OSM extract first with 'hotbeat import streets FILE.osm.pbf'");
  }
}
