package org.hotbeat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hotbeat.HotbeatException;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresTest {

  @Test
  void startsMigratesAndStopsACluster() throws Exception {
    Path dir = TestDirs.fresh("pg-lifecycle").resolve("pg");
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, false, EmbeddedPostgres.Sharing.EXCLUSIVE)) {
      assertTrue(pg.owner());
      assertTrue(pg.running());
      pg.createDatabase("hotbeat", null);
      try (Database db = Database.connect(pg.jdbcUrl("hotbeat"), EmbeddedPostgres.SUPERUSER,
          pg.password(), 2, null)) {
        db.migrate();
        assertEquals("3.", scalar(db, "SELECT substr(postgis_lib_version(), 1, 2)"));
        assertEquals("1", scalar(db, "SELECT count(*) FROM information_schema.tables "
            + "WHERE table_name = 'incident'"));
      }
    }
    assertFalse(Files.exists(dir.resolve("postmaster.pid")), "server stopped on close");
  }

  @Test
  void refusesASecondOwnerOfTheSameDirectory() {
    Path dir = TestDirs.fresh("pg-second").resolve("pg");
    try (EmbeddedPostgres first = EmbeddedPostgres.start(dir, false,
        EmbeddedPostgres.Sharing.EXCLUSIVE)) {
      HotbeatException e = assertThrows(HotbeatException.class,
          () -> EmbeddedPostgres.start(dir, false, EmbeddedPostgres.Sharing.EXCLUSIVE));
      assertTrue(e.getMessage().contains("another hotbeat"), e.getMessage());
      assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
      assertTrue(first.running(), "the refused start left the first one alone");
    }
  }

  @Test
  void aShortCommandJoinsTheRunningClusterWithoutStoppingIt() throws Exception {
    Path dir = TestDirs.fresh("pg-join").resolve("pg");
    try (EmbeddedPostgres owner = EmbeddedPostgres.start(dir, false,
        EmbeddedPostgres.Sharing.EXCLUSIVE)) {
      try (EmbeddedPostgres guest = EmbeddedPostgres.start(dir, false,
          EmbeddedPostgres.Sharing.JOIN_RUNNING)) {
        assertFalse(guest.owner());
        assertEquals(owner.port(), guest.port());
        try (Connection c = DriverManager.getConnection(guest.jdbcUrl("postgres"),
            EmbeddedPostgres.SUPERUSER, guest.password())) {
          assertTrue(c.isValid(2));
        }
      }
      assertTrue(owner.running(), "closing the guest did not stop the owner's server");
    }
  }

  @Test
  void recoversFromAStalePostmasterPidWhoseProcessIsNotPostgres() throws Exception {
    Path dir = TestDirs.fresh("pg-stale").resolve("pg");
    EmbeddedPostgres.start(dir, false, EmbeddedPostgres.Sharing.EXCLUSIVE).close();
    // The pid of a live process that is not PostgreSQL: postgres itself would refuse to start.
    Files.writeString(dir.resolve("postmaster.pid"),
        ProcessHandle.current().pid() + "\n" + dir + "\n1700000000\n5999\n\n127.0.0.1\n0 0\nready\n");
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, false,
        EmbeddedPostgres.Sharing.EXCLUSIVE)) {
      assertTrue(pg.running());
      assertTrue(scalarOn(pg, "SELECT 1").equals("1"));
    }
  }

  @Test
  void explainsAnUnwritableDirectory() throws IOException {
    if ("root".equals(System.getProperty("user.name"))) {
      // root writes anywhere; a read-only file system stands in for a forbidden directory.
      Path blocked = TestDirs.fresh("pg-unwritable").resolve("file-not-dir");
      Files.writeString(blocked, "x");
      HotbeatException e = assertThrows(HotbeatException.class, () -> EmbeddedPostgres.start(
          blocked.resolve("pg"), false, EmbeddedPostgres.Sharing.EXCLUSIVE));
      assertTrue(e.getMessage().contains("cannot write the database directory"), e.getMessage());
      return;
    }
    Path parent = TestDirs.fresh("pg-unwritable");
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      HotbeatException e = assertThrows(HotbeatException.class, () -> EmbeddedPostgres.start(
          parent.resolve("pg"), false, EmbeddedPostgres.Sharing.EXCLUSIVE));
      assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    } finally {
      Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void refusesADirectoryThatIsNotAPostgresCluster() throws IOException {
    Path dir = TestDirs.fresh("pg-foreign").resolve("pg");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("holiday.jpg"), "not a database");
    HotbeatException e = assertThrows(HotbeatException.class,
        () -> EmbeddedPostgres.start(dir, false, EmbeddedPostgres.Sharing.EXCLUSIVE));
    assertTrue(e.getMessage().contains("neither empty nor a PostgreSQL data directory"),
        e.getMessage());
    assertTrue(Files.exists(dir.resolve("holiday.jpg")), "nothing of the user's was touched");
  }

  static String scalar(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String scalarOn(EmbeddedPostgres pg, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"),
        EmbeddedPostgres.SUPERUSER, pg.password()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
