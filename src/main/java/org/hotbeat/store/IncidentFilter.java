package org.hotbeat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of an {@link IncidentQuery}'s filters over {@code incident i}, with its parameters;
 * every value is bound, never spliced into the text. Local hours and weekdays come from
 * {@code agency.time_zone} (UTC for an agency without a row).
 */
final class IncidentFilter {
  private final StringBuilder where = new StringBuilder(" WHERE true");
  private final List<Object> params = new ArrayList<>();

  static final String LOCAL_TIME = "(i.occurred_at AT TIME ZONE coalesce("
      + "(SELECT a.time_zone FROM agency a WHERE a.code = i.agency), 'UTC'))";

  IncidentFilter(IncidentQuery q) {
    if (q.agency() != null) {
      add(" AND i.agency = ?", q.agency());
    }
    if (q.bbox() != null) {
      where.append(" AND i.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
      for (double v : q.bbox()) {
        params.add(v);
      }
    }
    if (q.from() != null) {
      add(" AND i.occurred_at >= ?", Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      add(" AND i.occurred_at < ?", Timestamp.from(q.to()));
    }
    if (!q.categories().isEmpty()) {
      add(" AND i.category = ANY (?)", q.categories().toArray(String[]::new));
    }
    if (!q.offenses().isEmpty()) {
      add(" AND i.offense = ANY (?)", q.offenses().toArray(String[]::new));
    }
    if (!q.hours().isEmpty()) {
      add(" AND i.time_precision = 'exact' AND extract(hour FROM " + LOCAL_TIME
          + ")::int = ANY (?)", q.hours().toArray(Integer[]::new));
    }
    if (!q.weekdays().isEmpty()) {
      add(" AND i.time_precision IN ('exact', 'day') AND extract(isodow FROM " + LOCAL_TIME
          + ")::int = ANY (?)", q.weekdays().toArray(Integer[]::new));
    }
    if (q.beat() != null) {
      add(" AND EXISTS (SELECT 1 FROM beat b WHERE b.agency = i.agency AND b.code = ?"
          + " AND ST_Covers(b.geom, i.geom))", q.beat());
    }
    if (q.publicView()) {
      add(PublicFilter.NOT_SENSITIVE_SQL, PublicFilter.SENSITIVE_CATEGORIES.toArray(String[]::new));
    }
    if (q.after() != null) {
      where.append(" AND (i.occurred_at, i.id) < (?, ?)");
      params.add(Timestamp.from(q.after().occurredAt()));
      params.add(q.after().id());
    }
  }

  private void add(String sql, Object value) {
    where.append(sql);
    params.add(value);
  }

  String where() {
    return where.toString();
  }

  /** Binds the filter's parameters from index {@code first}; returns the next free index. */
  int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Object p : params) {
      if (p instanceof String[] arr) {
        ps.setArray(i++, c.createArrayOf("text", arr));
      } else if (p instanceof Integer[] arr) {
        ps.setArray(i++, c.createArrayOf("integer", arr));
      } else {
        ps.setObject(i++, p);
      }
    }
    return i;
  }
}
