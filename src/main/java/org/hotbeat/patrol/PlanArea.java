package org.hotbeat.patrol;

import java.sql.SQLException;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.geo.GeoJsonAreas;
import org.hotbeat.store.BeatRepository;
import org.locationtech.jts.geom.Geometry;

/**
 * The area a plan patrols, resolved: a drawn polygon as given, or a beat's outline from the
 * store.
 *
 * @param outline Polygon or MultiPolygon in EPSG:4326
 * @param agency the agency whose incidents count (the beat's, or the one the request names)
 * @param geoJson the outline as GeoJSON, stored beside the plan
 */
record PlanArea(Geometry outline, String agency, String geoJson) {
  /**
   * @throws NotFoundException for an unknown beat
   * @throws InvalidInputException naming {@code area.agency} for a beat code several agencies use
   */
  static PlanArea resolve(BeatRepository beats, PlanRequest.Area a) throws SQLException {
    if (a.polygon() != null) {
      return new PlanArea(a.polygon(), a.agency(), GeoJsonAreas.write(a.polygon()));
    }
    List<BeatRepository.Outline> found = beats.outlines(a.beat(), a.agency());
    if (found.isEmpty()) {
      throw new NotFoundException("area.beat: no beat '" + a.beat() + "'"
          + (a.agency() == null ? "" : " in agency " + a.agency()));
    }
    if (found.size() > 1) {
      throw new InvalidInputException("area.agency", "beat " + a.beat() + " exists in agencies "
          + found.stream().map(BeatRepository.Outline::agency).toList() + ": name one");
    }
    BeatRepository.Outline beat = found.get(0);
    return new PlanArea(GeoJsonAreas.read("area.beat", beat.geometryJson()), beat.agency(),
        beat.geometryJson());
  }
}
