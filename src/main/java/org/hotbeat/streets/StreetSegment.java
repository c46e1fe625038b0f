package org.hotbeat.streets;

import org.locationtech.jts.geom.LineString;

/**
 * One edge of the street graph as the basemap draws it: a piece of street between two junctions.
 *
 * @param edgeId the edge's id in the graph of the same import
 * @param roadClass OSM highway class in lower case ({@code primary}, {@code residential},
 *     {@code footway}…), as GraphHopper's {@code road_class} reads it
 * @param link true for slip roads and ramps ({@code *_link})
 * @param name street name, or null
 * @param oneway true when cars may use it only in the direction of {@code geometry}
 * @param car whether cars may use it (in the main network)
 * @param foot whether pedestrians may use it (in the main network)
 * @param environment {@code road}, {@code bridge}, {@code tunnel}, {@code ferry} or {@code ford}
 * @param metres length along the geometry
 * @param minZoom the lowest tile zoom that draws it ({@link #minZoom(String, boolean)})
 * @param geometry the line in EPSG:4326, oriented along the one-way direction when there is one
 */
public record StreetSegment(int edgeId, String roadClass, boolean link, String name,
    boolean oneway, boolean car, boolean foot, String environment, double metres, int minZoom,
    LineString geometry) {

  /**
   * The generalisation rule of the basemap: the lowest zoom at which a class is drawn. Motorways
   * from zoom 5, primary roads from 8, residential streets from 13, footways from 15; slip roads one
   * zoom after their class.
   */
  public static int minZoom(String roadClass, boolean link) {
    int z = switch (roadClass) {
      case "motorway", "trunk" -> 5;
      case "primary" -> 8;
      case "secondary" -> 10;
      case "tertiary" -> 11;
      case "residential", "unclassified", "living_street", "road" -> 13;
      case "service", "pedestrian", "track", "busway" -> 14;
      default -> 15;
    };
    return link ? Math.min(z + 1, 15) : z;
  }
}
