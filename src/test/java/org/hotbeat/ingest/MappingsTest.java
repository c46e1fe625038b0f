package org.hotbeat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MappingsTest {
  @ParameterizedTest
  @ValueSource(strings = {"chicago", "police-uk", "generic"})
  void builtInMappingsLoad(String name) {
    assertEquals(name, Mappings.load(name).name());
  }

  @Test
  void aYamlMappingFileLoads() throws Exception {
    Path f = TestDirs.fresh("mappings").resolve("rms.yaml");
    Files.writeString(f, """
        name: rms
        agency: springfield
        id: {column: IncidentNo}
        occurredAt: {column: Reported, format: "dd.MM.yyyy HH:mm", zone: Europe/Berlin}
        location: {x: E, y: N, srid: 25832, precision: exact}
        offense: {code: Code}
        category: {column: Code, map: {"242": theft}, fallback: other}
        attributes: {}
        """);
    assertEquals(25832, Mappings.load(f.toString()).location().srid());
  }

  @Test
  void anUnknownTimeZoneIsNamed() throws Exception {
    Path f = TestDirs.fresh("mappings-zone").resolve("bad.json");
    Files.writeString(f, """
        {"name": "bad", "id": {"column": "id"},
         "occurredAt": {"column": "t", "format": "iso", "zone": "Mars/Olympus"},
         "location": {"lon": "x", "lat": "y"}}""");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Mappings.load(f.toString()));
    assertTrue(e.getMessage().contains("'Mars/Olympus' is not a known time zone"), e.getMessage());
  }

  @Test
  void categoriesMustBeFromTheTaxonomy() throws Exception {
    Path f = TestDirs.fresh("mappings-cat").resolve("bad.json");
    Files.writeString(f, """
        {"name": "bad", "id": {"column": "id"}, "occurredAt": {"column": "t"},
         "location": {"lon": "x", "lat": "y"},
         "category": {"column": "c", "map": {"PETTY": "naughtiness"}}}""");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Mappings.load(f.toString()));
    assertTrue(e.getMessage().contains("'naughtiness' is not one of"), e.getMessage());
  }

  @Test
  void anUnknownMappingNameListsTheBuiltIns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Mappings.load("nypd"));
    assertTrue(e.getMessage().contains("chicago, police-uk, generic"), e.getMessage());
  }
}
