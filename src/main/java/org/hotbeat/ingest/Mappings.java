package org.hotbeat.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Loads mappings by built-in name or from a JSON/YAML file, and validates them. */
public final class Mappings {
  public static final List<String> BUILT_IN = List.of("chicago", "police-uk", "generic");
  private static final Set<String> PRECISIONS = Set.of("exact", "block", "street", "anonymised");

  private Mappings() {}

  /** A built-in mapping by name, or a mapping file by path. */
  public static Mapping load(String nameOrPath) {
    try {
      if (BUILT_IN.contains(nameOrPath)) {
        try (InputStream in = Mappings.class.getResourceAsStream(
            "/mappings/" + nameOrPath + ".json")) {
          return validate(json().readValue(in, Mapping.class));
        }
      }
      Path p = Path.of(nameOrPath);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no mapping '" + nameOrPath + "': give one of "
            + String.join(", ", BUILT_IN) + " or the path of a JSON or YAML mapping file");
      }
      String file = p.getFileName().toString().toLowerCase(Locale.ROOT);
      ObjectMapper mapper = file.endsWith(".yaml") || file.endsWith(".yml") ? yaml() : json();
      return validate(mapper.readValue(p.toFile(), Mapping.class));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read mapping " + nameOrPath + ": "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  /** Checks a mapping as a whole, naming every problem at once. */
  public static Mapping validate(Mapping m) {
    List<String> errors = new ArrayList<>();
    if (m.name() == null || m.name().isBlank()) {
      errors.add("name is required");
    }
    if (m.id() == null || m.id().column() == null) {
      errors.add("id.column is required");
    } else if (m.id().whenEmpty() != null && !Set.of("reject", "hash").contains(m.id().whenEmpty())) {
      errors.add("id.whenEmpty must be reject or hash");
    }
    if (m.occurredAt() == null || m.occurredAt().column() == null) {
      errors.add("occurredAt.column is required");
    } else {
      checkTime(m.occurredAt(), errors);
    }
    if (m.location() == null) {
      errors.add("location is required");
    } else {
      Mapping.LocationSpec l = m.location();
      boolean lonLat = l.lon() != null && l.lat() != null;
      boolean xy = l.x() != null && l.y() != null;
      if (!lonLat && !xy) {
        errors.add("location needs lon and lat, or x and y with srid");
      }
      if (xy && l.srid() == null) {
        errors.add("location.srid is required with x and y");
      }
      if (l.precision() != null && !PRECISIONS.contains(l.precision())) {
        errors.add("location.precision must be one of " + PRECISIONS);
      }
    }
    if (m.extent() != null && (m.extent().size() != 4 || !(m.extent().get(0) < m.extent().get(2)
        && m.extent().get(1) < m.extent().get(3)))) {
      errors.add("extent must be [west, south, east, north] with west < east and south < north");
    }
    if (m.category() != null) {
      m.category().map().forEach((k, v) -> {
        if (!Taxonomy.isCategory(v)) {
          errors.add("category.map: '" + k + "' → '" + v + "' is not one of " + Taxonomy.CATEGORIES);
        }
      });
      if (m.category().fallback() != null && !Taxonomy.isCategory(m.category().fallback())) {
        errors.add("category.fallback '" + m.category().fallback() + "' is not a category");
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("mapping " + m.name() + " is invalid: "
          + String.join("; ", errors));
    }
    return m;
  }

  private static void checkTime(Mapping.TimeSpec t, List<String> errors) {
    if (t.zone() != null) {
      try {
        ZoneId.of(t.zone());
      } catch (DateTimeException e) {
        errors.add("occurredAt.zone '" + t.zone() + "' is not a known time zone (use an IANA name "
            + "such as America/Chicago or Europe/London)");
      }
    }
    if (t.format() != null && !t.format().equals("iso")) {
      try {
        DateTimeFormatter.ofPattern(t.format(), Locale.US);
      } catch (IllegalArgumentException e) {
        errors.add("occurredAt.format '" + t.format() + "' is not a date pattern: " + e.getMessage());
      }
    }
    if (t.precision() != null && !Set.of("exact", "day", "month").contains(t.precision())) {
      errors.add("occurredAt.precision must be exact, day or month");
    }
  }

  private static ObjectMapper json() {
    return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static ObjectMapper yaml() {
    return new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
