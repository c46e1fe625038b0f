package org.hotbeat.web.browser;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.hotbeat.web.WebApp;

/**
 * The real hotbeat server for browser tests: the app of {@code hotbeat serve} on a random port of
 * 127.0.0.1, over a test database loaded with a demo data set (streets, beats, incidents) by the
 * same loader {@code hotbeat demo} uses.
 */
final class MapServer implements AutoCloseable {
  final Javalin app;
  final WebApp.Services services;
  final String base;

  private MapServer(Javalin app, WebApp.Services services) {
    this.app = app;
    this.services = services;
    this.base = "http://127.0.0.1:" + app.port();
  }

  static MapServer start(PostgisExtension db, DemoLoader.DataSet data) throws Exception {
    Path graphDir = TestDirs.fresh("browser-" + data.agency()).resolve("graph");
    HotbeatConfig config = HotbeatConfig.defaults().withGraphDir(graphDir).withPort(0);
    DemoLoader.load(db.dataSource(), data, graphDir);
    WebApp.Services services = WebApp.Services.of(config, db.database(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    Javalin app = WebApp.create(config, services);
    app.start("127.0.0.1", 0);
    return new MapServer(app, services);
  }

  static MapServer chicagoLoop(PostgisExtension db) throws Exception {
    return start(db, DemoLoader.DataSet.chicagoLoop(Path.of("data/demo/chicago-loop")));
  }

  /** A new token of {@code role}: its secret. */
  String token(Role role) throws Exception {
    return services.tokens().create("browser-" + role.name().toLowerCase() + "-"
        + System.nanoTime(), role).secret();
  }

  /**
   * A one-time sign-in link (absolute URL) for an account of {@code role}, leading to the view
   * {@code next} ("/", "/patrol"): the way a person signs in without a token in any URL.
   */
  String signInUrl(Role role, String next) {
    try {
      return url(signInPath(role, next));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String signInPath(Role role, String next) throws java.sql.SQLException {
    String name = "browser-" + role.name().toLowerCase();
    var accounts = services.accounts();
    if (accounts.users().list().stream().noneMatch(u -> u.name().equals(name))) {
      accounts.users().create(name, role, org.hotbeat.access.Passwords.generate());
    }
    return "/signin?once=" + accounts.signIn().oneTimeCode(name).orElseThrow()
        + (next.equals("/") ? "" : "&next=" + next);
  }

  /** The centre (lon, lat) of the square cell of {@code metres} holding the most incidents. */
  double[] densestCell(double metres) throws Exception {
    Map<Long, Integer> counts = new HashMap<>();
    double lat0;
    try (Connection c = services.database().dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT avg(ST_Y(geom)) FROM incident")) {
      rs.next();
      lat0 = rs.getDouble(1);
    }
    double dLat = metres / 111_320.0;
    double dLon = dLat / Math.cos(Math.toRadians(lat0));
    try (Connection c = services.database().dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT ST_X(geom), ST_Y(geom) FROM incident")) {
      while (rs.next()) {
        long key = Math.round(Math.floor(rs.getDouble(1) / dLon)) * 1_000_000L
            + Math.round(Math.floor(rs.getDouble(2) / dLat));
        counts.merge(key, 1, Integer::sum);
      }
    }
    long best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    long ix = Math.floorDiv(best, 1_000_000L);
    long iy = best - ix * 1_000_000L;
    if (iy > 500_000) {   // negative row numbers wrap into the key's lower digits
      iy -= 1_000_000L;
      ix += 1;
    }
    return new double[] {(ix + 0.5) * dLon, (iy + 0.5) * dLat};
  }

  String url(String path) {
    return base + path;
  }

  @Override
  public void close() {
    app.stop();
  }
}
