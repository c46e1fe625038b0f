package org.hotbeat.streets;

import java.util.Locale;

/** How a unit moves on the streets; each mode is one GraphHopper profile of the street graph. */
public enum TravelMode {
  /** By car: one-ways and turn-free access for motor vehicles, speeds by road class and limit. */
  CAR,
  /** On foot: footways, paths and streets in both directions at walking speed. */
  FOOT;

  /** The name of the mode's profile in the graph, also its name in the API ({@code car}, {@code foot}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code id} (case-insensitive), or an exception listing the valid ones. */
  public static TravelMode parse(String id) {
    for (TravelMode m : values()) {
      if (m.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown travel mode '" + id + "': expected car or foot");
  }
}
