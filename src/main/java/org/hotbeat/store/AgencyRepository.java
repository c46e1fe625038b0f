package org.hotbeat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hotbeat.time.AgencyClocks;

/**
 * The agencies' local clocks ({@code agency.time_zone}, set by each agency's first import), by
 * which dates and hours are read everywhere. Read at most once a second, since every request with
 * a date asks. Thread-safe.
 */
public final class AgencyRepository {
  private final DataSource dataSource;
  private volatile Map<String, ZoneId> zones;
  private volatile long zonesRead;

  public AgencyRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Each agency's zone; an unknown or unreadable zone is UTC, as the SQL filters count it. */
  public Map<String, ZoneId> zones() throws SQLException {
    long now = System.nanoTime();
    if (zones == null || now - zonesRead > 1_000_000_000L) {
      Map<String, ZoneId> out = new LinkedHashMap<>();
      try (Connection c = dataSource.getConnection();
           PreparedStatement ps = c.prepareStatement(
               "SELECT code, time_zone FROM agency ORDER BY code");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), zone(rs.getString(2)));
        }
      }
      zones = Map.copyOf(out);
      zonesRead = now;
    }
    return zones;
  }

  /** The agencies' clocks, as requests pick theirs. */
  public AgencyClocks clocks() throws SQLException {
    return new AgencyClocks(zones());
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException | NullPointerException e) {
      return ZoneOffset.UTC;
    }
  }
}
