package org.hotbeat.web.browser;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
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

  String url(String path) {
    return base + path;
  }

  @Override
  public void close() {
    app.stop();
  }
}
