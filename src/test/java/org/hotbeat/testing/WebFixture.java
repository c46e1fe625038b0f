package org.hotbeat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.TestCase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.web.WebApp;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What HTTP tests of one class share: a fresh PostGIS database, the app's services on it, a token
 * for each role, and the app under test. Register it as a static field, then add data in a
 * {@code @BeforeAll}:
 *
 * <pre>{@code
 * @RegisterExtension static final WebFixture web = new WebFixture();
 *
 * @Test void aPublicCallerGetsCountsOnly() {
 *   web.test((server, client) -> {
 *     JsonNode body = web.getJson(client, "/api/hotspots/gistar", null, 200);
 *     …
 *   });
 * }
 * }</pre>
 */
public final class WebFixture implements BeforeAllCallback, AfterAllCallback {
  private final PostgisExtension db = new PostgisExtension();
  private WebApp.Services services;
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private final java.time.Clock clock;

  public WebFixture() {
    this(java.time.Clock.systemUTC());
  }

  /** A fixture whose sessions, tokens and logs read time from {@code clock} (a MovableClock). */
  public WebFixture(java.time.Clock clock) {
    this.clock = clock;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    db.beforeAll(context);
    services = WebApp.Services.of(HotbeatConfig.defaults(), db.database(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock);
    for (Role role : Role.values()) {
      if (role != Role.PUBLIC) {
        tokens.put(role, services.tokens().create(role.name().toLowerCase(java.util.Locale.ROOT),
            role).secret());
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    db.afterAll(context);
  }

  public PostgisExtension db() {
    return db;
  }

  public DataSource dataSource() {
    return db.dataSource();
  }

  public WebApp.Services services() {
    return services;
  }

  /** The bearer token of a caller with {@code role}; null for the public. */
  public String token(Role role) {
    return tokens.get(role);
  }

  public String analyst() {
    return token(Role.ANALYST);
  }

  public String patrol() {
    return token(Role.PATROL);
  }

  public String admin() {
    return token(Role.ADMIN);
  }

  /** Runs statements (e.g. inserts of a test's incidents) on the test database. */
  public void sql(String... statements) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** Loads the committed Chicago Loop excerpt (incidents, beats; no streets). */
  public void loadChicagoLoop() throws Exception {
    DemoLoader.load(db.dataSource(),
        DemoLoader.DataSet.chicagoLoop(Path.of("data/demo/chicago-loop")), null);
  }

  /** Runs {@code testCase} against the app with the default configuration. */
  public void test(TestCase testCase) {
    test(HotbeatConfig.defaults(), testCase);
  }

  public void test(HotbeatConfig config, TestCase testCase) {
    Http.test(WebApp.create(config, services), testCase);
  }

  /** GETs {@code path} with {@code token} (null: none), checks the status, returns the JSON. */
  public JsonNode getJson(io.javalin.testtools.HttpClient client, String path, String token,
      int status) throws Exception {
    return Api.getJson(client, path, token, status);
  }
}
