package org.hotbeat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Supplier;
import org.hotbeat.InvalidInputException;

/**
 * The public standard's rules on an incident filter, in one place (docs/privacy.md): public
 * periods are whole calendar months on the agency's clock; no hour, weekday or offence-code
 * filters and no bounding box; and sensitive incidents are left out, silently and always. Every
 * route a caller without a patrol or analyst role can reach applies it through the web adapter.
 * Stateless.
 */
public final class PublicFilter {
  /** Categories of {@code ingest.Taxonomy} that no public output shows. */
  public static final Set<String> SENSITIVE_CATEGORIES = Set.of("sexual offences");
  /**
   * Attributes that, when true, mark an incident sensitive: {@code domestic} (Chicago's
   * "Domestic" column) and {@code sensitive} (any column an agency's mapping names so).
   */
  public static final Set<String> SENSITIVE_ATTRIBUTES = Set.of("domestic", "sensitive");
  /** The wording of every refused public period. */
  public static final String WHOLE_MONTHS = "public periods are whole months: give a month "
      + "(YYYY-MM) or the first midnight of one on the agency's clock";

  /**
   * The SQL that leaves sensitive incidents of {@code incident i} out, to append to a WHERE
   * clause; one parameter, bound by {@link #bindSensitive}.
   */
  public static final String NOT_SENSITIVE_SQL = " AND (i.category IS NULL OR NOT i.category = ANY (?))"
      + " AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(i.attributes) a"
      + " WHERE lower(a.key) IN ('domestic', 'sensitive')"
      + " AND lower(a.value) IN ('true', 't', 'y', 'yes', '1'))";

  /** Filters the public may not use, and why. */
  private static final String ROLE_ONLY = "needs a patrol or analyst role: public maps go by "
      + "whole months, category, beat and agency";

  private PublicFilter() {}

  /** Binds {@link #NOT_SENSITIVE_SQL}'s parameter at {@code index}. */
  public static void bindSensitive(Connection c, PreparedStatement ps, int index)
      throws SQLException {
    ps.setArray(index, c.createArrayOf("text", SENSITIVE_CATEGORIES.toArray(String[]::new)));
  }

  /**
   * {@code q} as the public may ask for it: its period checked against {@code clock} (asked for
   * only when a period is given), refused filters named, sensitive incidents left out.
   *
   * @throws InvalidInputException naming the first field that breaks the standard
   */
  public static IncidentQuery apply(IncidentQuery q, Supplier<ZoneId> clock) {
    if (!q.hours().isEmpty()) {
      throw new InvalidInputException("hours", ROLE_ONLY);
    }
    if (!q.weekdays().isEmpty()) {
      throw new InvalidInputException("weekdays", ROLE_ONLY);
    }
    if (!q.offenses().isEmpty()) {
      throw new InvalidInputException("offense", ROLE_ONLY);
    }
    if (q.bbox() != null) {
      throw new InvalidInputException("bbox", ROLE_ONLY);
    }
    requireMonthStart("from", q.from(), clock);
    requireMonthStart("to", q.to(), clock);
    return q.publicOnly();
  }

  /** Refuses {@code t} unless it is null or the first instant of a month on the clock. */
  public static void requireMonthStart(String field, Instant t, Supplier<ZoneId> clock) {
    if (t == null) {
      return;
    }
    ZonedDateTime local = t.atZone(clock.get());
    if (local.getDayOfMonth() != 1 || !local.truncatedTo(ChronoUnit.DAYS).equals(local)) {
      throw new InvalidInputException(field, WHOLE_MONTHS);
    }
  }
}
