package org.hotbeat.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.hotbeat.InvalidInputException;
import org.hotbeat.store.Incident;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;

/**
 * Point-level incidents for analysts: {@code GET /api/incidents} (GeoJSON, newest first, cursor
 * paging through {@code next}) and {@code GET /api/incidents/stats?by=…} (counts for charts),
 * both with the filters of {@link IncidentParams}.
 */
final class IncidentResource {
  record PointGeometry(String type, double[] coordinates) {}

  record Feature(String type, String id, PointGeometry geometry, IncidentProperties properties) {}

  record FeatureCollection(String type, List<Feature> features, int numberReturned, String next) {}

  record Stats(String by, List<IncidentRepository.Count> counts, long total) {}

  private final IncidentRepository incidents;

  IncidentResource(IncidentRepository incidents) {
    this.incidents = incidents;
  }

  void list(Context ctx) throws SQLException {
    IncidentQuery q = IncidentParams.read(ctx, 1000);
    List<Incident> found = incidents.find(q);
    String next = null;
    if (found.size() == q.limit()) {
      Incident last = found.get(found.size() - 1);
      String cursor = IncidentParams.PageCursor.of(last.occurredAt(), last.id());
      next = ctx.path() + "?" + withCursor(ctx.queryString(), cursor);
    }
    ctx.json(new FeatureCollection("FeatureCollection",
        found.stream().map(IncidentResource::feature).toList(), found.size(), next));
  }

  void stats(Context ctx) throws SQLException {
    String by = ctx.queryParam("by");
    IncidentRepository.GroupBy group = null;
    for (IncidentRepository.GroupBy g : IncidentRepository.GroupBy.values()) {
      if (g.id().equals(by) || (by != null && g.name().equals(by.toUpperCase(Locale.ROOT)
          .replace("×", "_").replace("X", "_")))) {
        group = g;
      }
    }
    if (group == null) {
      throw new InvalidInputException("by", "must be one of category, offense, hour, weekday, "
          + "hour×weekday (or hour_weekday), month, beat");
    }
    List<IncidentRepository.Count> counts = incidents.stats(IncidentParams.read(ctx, 1), group);
    ctx.json(new Stats(group.id(), counts,
        counts.stream().mapToLong(IncidentRepository.Count::count).sum()));
  }

  private static String withCursor(String query, String cursor) {
    StringBuilder out = new StringBuilder();
    if (query != null) {
      for (String part : query.split("&")) {
        if (!part.startsWith("cursor=") && !part.isEmpty()) {
          out.append(part).append('&');
        }
      }
    }
    return out.append("cursor=").append(cursor).toString();
  }

  private static Feature feature(Incident i) {
    return new Feature("Feature", i.agency() + ":" + i.id(),
        new PointGeometry("Point", new double[] {i.lon(), i.lat()}), IncidentProperties.of(i));
  }
}
