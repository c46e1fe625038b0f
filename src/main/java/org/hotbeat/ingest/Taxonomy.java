package org.hotbeat.ingest;

import java.util.List;

/**
 * The normalised offence categories every filter and chart uses. Raw codes are kept as given in
 * {@code incident.offense}; each mapping says which category a raw value belongs to.
 */
public final class Taxonomy {
  public static final List<String> CATEGORIES = List.of(
      "burglary", "robbery", "theft", "vehicle crime", "assault", "sexual offences", "homicide",
      "criminal damage", "drugs", "weapons", "disorder", "fraud", "other");

  private Taxonomy() {}

  public static boolean isCategory(String s) {
    return CATEGORIES.contains(s);
  }
}
