package org.hotbeat.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotbeat.store.Database;
import org.hotbeat.store.EmbeddedPostgres;

/**
 * The one PostgreSQL cluster of a test run, in {@code target/test-pg}, started on first use with
 * the same manager as production (without fsync) and stopped when the run ends. A template
 * database holds the migrated schema; each test class gets a copy.
 */
final class TestCluster implements AutoCloseable {
  static final String TEMPLATE = "hotbeat_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private final EmbeddedPostgres pg;

  TestCluster() {
    pg = EmbeddedPostgres.start(Path.of("target", "test-pg"), false,
        EmbeddedPostgres.Sharing.EXCLUSIVE);
    dropLeftOverDatabases();
    // Migrated afresh every run: a template left by an earlier run would fail Flyway's validation
    // as soon as a migration under development changes.
    dropDatabase(TEMPLATE);
    pg.createDatabase(TEMPLATE, null);
    try (Database db = Database.connect(pg.jdbcUrl(TEMPLATE), EmbeddedPostgres.SUPERUSER,
        pg.password(), 2, null)) {
      db.migrate();
    }
  }

  EmbeddedPostgres postgres() {
    return pg;
  }

  /** A fresh, migrated database of its own. */
  String newDatabase() {
    String name = "t_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    pg.createDatabase(name, TEMPLATE);
    return name;
  }

  void dropDatabase(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void dropLeftOverDatabases() {
    List<String> names = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 't\\_%'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    names.forEach(this::dropDatabase);
  }

  private void execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(pg.jdbcUrl("postgres"), EmbeddedPostgres.SUPERUSER,
        pg.password());
  }

  @Override
  public void close() {
    pg.close();
  }
}
