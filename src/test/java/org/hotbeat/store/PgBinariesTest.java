package org.hotbeat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotbeat.HotbeatException;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgBinariesTest {
  @Test
  void findsThisMachinesServerWithPostgis() {
    PgBinaries bins = PgBinaries.locateWithPostgis();
    assertTrue(Files.isExecutable(bins.program("initdb")));
    assertTrue(bins.majorVersion() >= 12, "major " + bins.majorVersion());
  }

  @Test
  void aMissingPostgisNamesThePackageToInstall() throws Exception {
    Path ext = TestDirs.fresh("no-postgis").resolve("extension");
    Files.createDirectories(ext);
    PgBinaries bins = new PgBinaries(Path.of("/usr/lib/postgresql/15/bin"), ext, 15);
    HotbeatException e = assertThrows(HotbeatException.class, bins::requirePostgis);
    assertTrue(e.getMessage().contains("'sudo apt-get install postgresql-15-postgis-3'"),
        e.getMessage());
    Files.writeString(ext.resolve("postgis.control"), "default_version = '3.3.2'\n");
    assertSame(bins, bins.requirePostgis());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      PostgreSQL 15.18 (Debian 15.18-0+deb12u1) | 15
      PostgreSQL 16.4                           | 16
      PostgreSQL 9.6.24                         | 9
      garbage                                   | 0
      """)
  void readsTheMajorVersionFromPgConfig(String output, int major) {
    assertEquals(major, PgBinaries.majorOf(output));
  }
}
