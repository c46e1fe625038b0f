package org.hotbeat.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.hotbeat.access.Role;
import org.hotbeat.geo.Bbox;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.PublicFilter;
import org.hotbeat.time.TimeWindow;

/**
 * The incident filter every incident endpoint accepts, read and validated in one place:
 * {@code agency, bbox, from, to, category, offense, hours, weekdays, beat, cursor, limit}.
 * {@code from} and {@code to} are read by {@link TimeParams} on the agency's clock.
 * Lists are comma-separated or repeated; {@code hours=20-23,0-3}; {@code weekdays=mon-fri} or
 * ISO numbers {@code 1-5}.
 */
final class IncidentParams {
  /** Local hours 0–23, from {@code "0-3,20-23"}. */
  record Hours(Set<Integer> values) {
    static Hours parse(String s) {
      return new Hours(ranges(s, 0, 23, null));
    }
  }

  /** ISO weekdays 1 (Monday) to 7, from {@code "mon-fri"} or {@code "1,2,3"}. */
  record Weekdays(Set<Integer> values) {
    static final List<String> NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    static Weekdays parse(String s) {
      return new Weekdays(ranges(s, 1, 7, NAMES));
    }
  }

  /** An opaque keyset cursor: base64 of "epochMillis:id". */
  record PageCursor(IncidentQuery.Cursor position) {
    static PageCursor parse(String s) {
      try {
        String[] p = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8)
            .split(":");
        return new PageCursor(new IncidentQuery.Cursor(Instant.ofEpochMilli(Long.parseLong(p[0])),
            Long.parseLong(p[1])));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a cursor from this server's 'next' link");
      }
    }

    static String of(Instant at, long id) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          (at.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }
  }

  private IncidentParams() {}

  static void register(JavalinConfig c) {
    c.validation.register(Hours.class, Hours::parse);
    c.validation.register(Weekdays.class, Weekdays::parse);
    c.validation.register(PageCursor.class, PageCursor::parse);
  }

  /**
   * Reads the filter; every bad parameter is reported at once (400). Callers without a patrol or
   * analyst role get it as {@link PublicFilter} allows: whole months, no hours, weekdays, offence
   * codes or bbox, sensitive incidents left out.
   */
  static IncidentQuery read(Context ctx, int defaultLimit) {
    IncidentQuery q = readAny(ctx, defaultLimit);
    return AccessControl.caller(ctx).role().grants(Role.PATROL) ? q : publicOnly(ctx, q);
  }

  /** The filter of a route that is public for everyone, whatever the caller's role. */
  static IncidentQuery readPublic(Context ctx) {
    return publicOnly(ctx, readAny(ctx, 1));
  }

  private static IncidentQuery publicOnly(Context ctx, IncidentQuery q) {
    return PublicFilter.apply(q, TimeParams.clock(ctx, q.agency()));
  }

  private static IncidentQuery readAny(Context ctx, int defaultLimit) {
    Validator<Bbox> bbox = ctx.queryParamAsClass("bbox", Bbox.class);
    Validator<Hours> hours = ctx.queryParamAsClass("hours", Hours.class);
    Validator<Weekdays> weekdays = ctx.queryParamAsClass("weekdays", Weekdays.class);
    Validator<PageCursor> cursor = ctx.queryParamAsClass("cursor", PageCursor.class);
    Validator<Integer> limit = ctx.queryParamAsClass("limit", Integer.class)
        .check(n -> n == null || (n >= 1 && n <= IncidentQuery.MAX_LIMIT),
            "must be between 1 and " + IncidentQuery.MAX_LIMIT);
    TimeWindow window = QueryParams.validateAll(() -> TimeParams.window(ctx, "from", "to"), bbox,
        hours, weekdays, cursor, limit);
    Bbox b = bbox.getOrNull();
    Hours h = hours.getOrNull();
    Weekdays w = weekdays.getOrNull();
    PageCursor cur = cursor.getOrNull();
    return new IncidentQuery(blankToNull(ctx.queryParam("agency")),
        b == null ? null : b.toArray(), window.from(), window.to(), list(ctx, "category"), list(ctx, "offense"),
        h == null ? null : h.values(), w == null ? null : w.values(),
        blankToNull(ctx.queryParam("beat")), cur == null ? null : cur.position(),
        limit.getOrDefault(defaultLimit));
  }

  /** The values of a repeatable parameter, each also split at commas. */
  static Set<String> list(Context ctx, String name) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : ctx.queryParams(name)) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** "a-b,c" with numbers in [min, max] or, if given, names (index + min). */
  private static Set<Integer> ranges(String s, int min, int max, List<String> names) {
    Set<Integer> out = new TreeSet<>();
    for (String part : s.split(",")) {
      String p = part.strip().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      String[] ends = p.split("-", -1);
      if (ends.length > 2) {
        throw new IllegalArgumentException("'" + part + "' is not a value or a range a-b");
      }
      int a = value(ends[0], min, max, names);
      int b = ends.length == 2 ? value(ends[1], min, max, names) : a;
      if (b < a) {
        throw new IllegalArgumentException("range '" + part + "' runs backwards; write it as "
            + "two ranges, e.g. 22-23,0-2");
      }
      for (int i = a; i <= b; i++) {
        out.add(i);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    return out;
  }

  private static int value(String s, int min, int max, List<String> names) {
    String v = s.strip();
    if (names != null && names.contains(v)) {
      return names.indexOf(v) + min;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new IllegalArgumentException(n + " is outside " + min + "–" + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not " + (names == null ? "a number"
          : "a number or one of " + names));
    }
  }
}
