package org.hotbeat.testing;

import javax.sql.DataSource;
import org.hotbeat.store.Database;
import org.hotbeat.store.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a fresh, migrated PostGIS database of its own on the test run's shared
 * cluster. Register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final PostgisExtension db = new PostgisExtension();}</pre>
 */
public final class PostgisExtension implements BeforeAllCallback, AfterAllCallback {
  private TestCluster cluster;
  private String name;
  private Database database;

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster = shared(context);
    name = cluster.newDatabase();
    database = Database.connect(jdbcUrl(), user(), password(), 4, null);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null) {
      database.close();
    }
    if (name != null) {
      cluster.dropDatabase(name);
    }
  }

  /** The shared cluster of this run, started on first use and stopped when the run ends. */
  static TestCluster shared(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(TestCluster.class, k -> new TestCluster(), TestCluster.class);
  }

  public Database database() {
    return database;
  }

  public DataSource dataSource() {
    return database.dataSource();
  }

  public String jdbcUrl() {
    return cluster.postgres().jdbcUrl(name);
  }

  public String user() {
    return EmbeddedPostgres.SUPERUSER;
  }

  public String password() {
    return cluster.postgres().password();
  }

  /** Another fresh database on the same cluster, e.g. for a test of external-URL mode. */
  public String newDatabaseUrl() {
    return cluster.postgres().jdbcUrl(cluster.newDatabase());
  }

  /** How many rows {@code table} (a constant) holds. */
  public long count(String table) throws java.sql.SQLException {
    try (var c = dataSource().getConnection(); var st = c.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
