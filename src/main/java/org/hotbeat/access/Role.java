package org.hotbeat.access;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call a route. Every route declares exactly one role; a caller holds one role and may
 * call the routes of the roles it {@linkplain #grants grants}:
 *
 * <pre>
 *   admin   → admin, analyst, patrol, public
 *   analyst → analyst, patrol, public     (analysts support patrol planning)
 *   patrol  → patrol, public              (no point-level incident data)
 *   public  → public                      (no token: aggregated, suppressed outputs only)
 * </pre>
 */
public enum Role implements RouteRole {
  PUBLIC,
  PATROL,
  ANALYST,
  ADMIN;

  /** True when a caller holding this role may call a route declared for {@code required}. */
  public boolean grants(Role required) {
    return switch (this) {
      case ADMIN -> true;
      case ANALYST -> required != ADMIN;
      case PATROL -> required == PATROL || required == PUBLIC;
      case PUBLIC -> required == PUBLIC;
    };
  }

  /** The lower-case name used in the API, the CLI and the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Roles a token can carry (public needs no token). */
  public static Set<Role> tokenRoles() {
    return EnumSet.of(PATROL, ANALYST, ADMIN);
  }

  public static Role parse(String s) {
    for (Role r : values()) {
      if (r.id().equals(s.toLowerCase(Locale.ROOT).strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + s + "'; expected one of "
        + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
  }
}
