package org.hotbeat.cli;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CountDownLatch;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.ManagedDatabase;
import org.hotbeat.web.WebApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server until the process is asked to stop (Ctrl-C, SIGTERM), then stops the HTTP
 * server (letting requests in flight finish), the pool and the embedded cluster, in that order.
 */
final class ServerRunner {
  /** Work done after the database is ready and before the server listens (the demo's loading). */
  interface BeforeServe {
    void run(ManagedDatabase store, WebApp.Services services) throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(ServerRunner.class);

  private ServerRunner() {}

  static int run(HotbeatConfig config, BeforeServe beforeServe, AfterStart afterStart)
      throws Exception {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(meters);

    ManagedDatabase store = ManagedDatabase.open(config, EmbeddedPostgres.Sharing.EXCLUSIVE, meters);
    Javalin app;
    WebApp.Services services = WebApp.Services.of(config, store.database(), meters);
    try {
      beforeServe.run(store, services);
      app = WebApp.create(config, services);
      WebApp.start(app, config);
    } catch (Exception e) {
      store.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping");
      try {
        app.stop();
      } finally {
        store.close();
        gc.close();
        stopped.countDown();
      }
    }, "hotbeat-shutdown"));
    String host = config.host().equals("127.0.0.1") || config.host().equals("0.0.0.0")
        ? "localhost" : config.host();
    afterStart.run("http://" + host + ":" + app.port() + "/");
    stopped.await();
    return 0;
  }

  /** Told the address once the server listens. */
  interface AfterStart {
    void run(String baseUrl);
  }
}
