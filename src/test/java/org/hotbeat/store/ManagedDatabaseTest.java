package org.hotbeat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotbeat.HotbeatException;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ManagedDatabaseTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();

  @Test
  void anExternalUrlIsUsedAndNoClusterIsStarted() throws Exception {
    Path pgDir = TestDirs.fresh("store-external").resolve("pg");
    HotbeatConfig config = HotbeatConfig.defaults().withPgDir(pgDir)
        .withDatabase(db.newDatabaseUrl(), db.user(), db.password());
    try (ManagedDatabase store = ManagedDatabase.open(config, EmbeddedPostgres.Sharing.EXCLUSIVE, null)) {
      assertTrue(store.embedded().isEmpty());
      assertEquals("2", EmbeddedPostgresTest.scalar(store.database(),
          "SELECT count(*) FROM information_schema.tables "
              + "WHERE table_name IN ('incident', 'beat')"));
    }
    assertFalse(Files.exists(pgDir), "no embedded cluster was created");
    assertFalse(Files.exists(pgDir.resolveSibling("pg.lock")));
  }

  @Test
  void anUnreachableExternalServerGetsOneClearMessage() {
    HotbeatConfig config = HotbeatConfig.defaults()
        .withDatabase("jdbc:postgresql://127.0.0.1:1/nothing", "postgres", "x");
    HotbeatException e = assertThrows(HotbeatException.class,
        () -> ManagedDatabase.open(config, EmbeddedPostgres.Sharing.EXCLUSIVE, null));
    assertTrue(e.getMessage().startsWith("cannot connect to the database at "
        + "jdbc:postgresql://127.0.0.1:1/nothing"), e.getMessage());
  }

  @Test
  void migratingTwiceChangesNothing() throws Exception {
    db.database().migrate();
    long files;
    try (var list = Files.list(Path.of("sql"))) {
      files = list.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
    assertEquals(Long.toString(files), EmbeddedPostgresTest.scalar(db.database(),
        "SELECT count(*) FROM flyway_schema_history WHERE success"));
  }

  @Test
  void incidentsHaveTheIndexesTheDesignNames() throws Exception {
    String indexes = EmbeddedPostgresTest.scalar(db.database(),
        "SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes "
            + "WHERE tablename = 'incident'");
    assertTrue(indexes.contains("USING gist (geom)"), indexes);
    assertTrue(indexes.contains("(occurred_at)"), indexes);
    assertTrue(indexes.contains("UNIQUE INDEX incident_source_key ON public.incident USING btree "
        + "(agency, source_id)"), indexes);
  }
}
