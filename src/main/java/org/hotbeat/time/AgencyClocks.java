package org.hotbeat.time;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.hotbeat.InvalidInputException;

/**
 * Each agency's local clock (its time zone), from which a request's dates are read. Immutable.
 *
 * @param zones time zone by agency code
 */
public record AgencyClocks(Map<String, ZoneId> zones) {
  /** No agency known: every date is read on UTC. */
  public static final AgencyClocks UTC = new AgencyClocks(Map.of());

  public AgencyClocks {
    zones = Map.copyOf(zones);
  }

  /**
   * The clock of {@code agency} (UTC if unknown) or, with none named, the one zone all agencies
   * share (UTC before any import).
   *
   * @throws InvalidInputException naming {@code agencyField} when agencies on different clocks
   *     hold data and none is named
   */
  public ZoneId of(String agency, String agencyField) {
    if (agency != null) {
      return zones.getOrDefault(agency, ZoneOffset.UTC);
    }
    var distinct = zones.values().stream().distinct().toList();
    if (distinct.size() > 1) {
      throw new InvalidInputException(agencyField, "agencies " + zones.keySet().stream().sorted()
          .toList() + " keep different local clocks: name one, so that dates are read on its "
          + "clock");
    }
    return distinct.isEmpty() ? ZoneOffset.UTC : distinct.get(0);
  }
}
