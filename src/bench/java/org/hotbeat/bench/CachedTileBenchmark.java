package org.hotbeat.bench;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.web.WebApp;

/**
 * {@code ./hotbeat bench tiles-cached}: cached heat tiles per second through the whole server
 * (access control, parameter checks, ETag, metrics) against a bare Javalin endpoint that returns
 * the same bytes, with the same client load (8 connections; both warmed up, then alternating
 * rounds, medians compared).
 * Bar: ours ≥ 0.8 of bare.
 */
final class CachedTileBenchmark implements Benchmarks.Benchmark {
  private static final double BAR = 0.8;
  private static final int CLIENTS = 8;
  private static final long MILLIS = 5_000;
  private static final int ROUNDS = 3;

  @Override
  public int run(String[] args) throws Exception {
    if (ChicagoBenchData.files() == null) {
      return Benchmarks.skipped("tiles-cached", "../shared/data/chicago is not here");
    }
    try (ChicagoBenchData data = ChicagoBenchData.open(true)) {
      WebApp.Services services = WebApp.Services.of(data.db,
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      Javalin ours = WebApp.create(HotbeatConfig.defaults().withPort(0), services);
      ours.start("127.0.0.1", 0);
      double[][] pos = new IncidentRepository(data.db.dataSource()).positions(
          new IncidentQuery("chicago", null, null, null, null, null, null, null, null, null, 1),
          2_000_000);
      List<String> paths = new ArrayList<>();
      for (int i = 0; paths.size() < 40; i += 9973) {
        TileCoord t = TileBenchmark.tileOf(14, pos[0][i], pos[1][i]);
        String p = "/tiles/heat/" + t + ".png?agency=chicago";
        if (!paths.contains(p)) {
          paths.add(p);
        }
      }
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      byte[] sample = null;
      for (String p : paths) {   // fills the tile cache
        sample = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ours.port()
            + p)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
      }
      byte[] bytes = sample;
      Javalin bare = Javalin.create(c -> {
        c.startup.showJavalinBanner = false;
        c.routes.get("/tiles/heat/{z}/{x}/{y}", ctx -> ctx.contentType("image/png").result(bytes));
      }).start("127.0.0.1", 0);
      try {
        // Both warm up until the JIT has settled, then rounds alternate so that neither side
        // always runs first; the medians count.
        for (int w = 0; w < 2; w++) {
          load(http, ours.port(), paths, 5_000);
          load(http, bare.port(), paths, 5_000);
        }
        double[] o = new double[ROUNDS];
        double[] b = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
          o[r] = load(http, ours.port(), paths, MILLIS);
          b[r] = load(http, bare.port(), paths, MILLIS);
        }
        java.util.Arrays.sort(o);
        java.util.Arrays.sort(b);
        double oursRate = o[ROUNDS / 2];
        double bareRate = b[ROUNDS / 2];
        System.out.printf(Locale.ROOT, "cached heat tiles: %,.0f per s through hotbeat, %,.0f "
            + "per s from a bare Javalin endpoint (medians of %d alternating rounds of %d s, "
            + "%d clients, after 20 s of warm-up)%n", oursRate, bareRate, ROUNDS, MILLIS / 1000,
            CLIENTS);
        double ratio = oursRate / bareRate;
        return Benchmarks.verdict("tiles-cached", ratio, "≥ " + BAR, ratio >= BAR);
      } finally {
        bare.stop();
        ours.stop();
      }
    }
  }

  private static double load(HttpClient http, int port, List<String> paths, long millis)
      throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.currentTimeMillis() + millis;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int offset = c;
      Thread t = new Thread(() -> {
        int i = offset;
        while (System.currentTimeMillis() < end) {
          try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + paths.get(i++ % paths.size()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) {
              done.incrementAndGet();
            }
          } catch (Exception e) {
            return;
          }
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return done.get() * 1000.0 / millis;
  }
}
