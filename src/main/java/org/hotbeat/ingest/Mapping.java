package org.hotbeat.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * How one kind of export maps onto incidents: a small declarative file (JSON or YAML) naming the
 * columns. Built-in mappings live in {@code src/main/resources/mappings/}; see
 * {@code docs/ingest.md} for every member. Validated by {@link Mappings#validate}.
 *
 * @param name short name ({@code chicago}, {@code police-uk}, {@code generic})
 * @param agency default agency for rows that do not name one ({@code --agency} overrides)
 * @param id the record id column; {@code whenEmpty: "hash"} derives a stable id from the row
 * @param occurredAt the date/time column, its format and time zone
 * @param location the coordinate columns (lon/lat in WGS84, or x/y with an EPSG code, or both: x/y
 *     are used when lon/lat are empty)
 * @param extent west, south, east, north (WGS84) outside which a point is rejected, or null
 * @param offense the offence code and description columns
 * @param category how offences map onto the normalised categories of {@link Taxonomy}
 * @param attributes attribute name → column, kept in {@code attributes}
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Mapping(
    String name,
    String description,
    String agency,
    IdSpec id,
    TimeSpec occurredAt,
    LocationSpec location,
    List<Double> extent,
    OffenseSpec offense,
    CategorySpec category,
    Map<String, String> attributes) {

  /**
   * @param column the id column
   * @param whenEmpty {@code "reject"} (default) or {@code "hash"}: an id from the row's mapped
   *     values and its occurrence among identical rows, stable across re-imports of the same file
   */
  public record IdSpec(String column, String whenEmpty) {}

  /**
   * @param column the column
   * @param format {@code iso} (ISO-8601; a time without offset is read in {@code zone}), or a
   *     {@link java.time.format.DateTimeFormatter} pattern such as {@code MM/dd/yyyy hh:mm:ss a}
   * @param zone IANA time zone of local times, e.g. {@code America/Chicago}
   * @param precision {@code exact} (default), {@code day} or {@code month} (e.g. police.uk's
   *     {@code yyyy-MM}); hour and weekday filters skip rows coarser than they need
   */
  public record TimeSpec(String column, String format, String zone, String precision) {}

  /**
   * @param lon longitude column (WGS84 degrees)
   * @param lat latitude column
   * @param x projected x column (used when lon/lat are empty, or alone)
   * @param y projected y column
   * @param srid EPSG code of x/y ({@code --srid} overrides)
   * @param precision what a point stands for: exact, block, street, anonymised
   * @param placeholders lon/lat pairs a source writes for "unknown" (rejected like missing)
   */
  public record LocationSpec(String lon, String lat, String x, String y, Integer srid,
      String precision, List<List<Double>> placeholders) {}

  public record OffenseSpec(String code, String description) {}

  /**
   * @param column the column whose value is looked up in {@code map} (case-insensitive)
   * @param map source value → category of {@link Taxonomy}
   * @param fallback category for values not in {@code map}
   */
  public record CategorySpec(String column, Map<String, String> map, String fallback) {}
}
