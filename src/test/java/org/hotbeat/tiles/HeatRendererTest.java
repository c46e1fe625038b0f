package org.hotbeat.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hotbeat.config.Limits;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.density.HeatDefaults;
import org.hotbeat.density.Kernel;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.geo.WebMercator;
import org.hotbeat.store.IncidentAggregates;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Heat rendering on the real Loop excerpt (20,002 incidents, committed in data/demo). */
class HeatRendererTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static IncidentRepository incidents;

  @BeforeAll
  static void load() throws Exception {
    DemoLoader.load(db.dataSource(), DemoLoader.DataSet.chicagoLoop(Path.of("data/demo/chicago-loop")), null);
    incidents = new IncidentRepository(db.dataSource());
  }

  private static HeatQuery query(double bandwidth) {
    return new HeatQuery(IncidentQuery.all(1), Kernel.QUARTIC, bandwidth, 1, null,
        "all|" + bandwidth);
  }

  /** The default blend: 80 % own-cell counts in 150 m cells, 20 % a 400 m KDE. */
  private static HeatQuery blend() {
    return new HeatQuery(IncidentQuery.all(1), Kernel.QUARTIC, HeatDefaults.BANDWIDTH_M, 1, null,
        "blend", HeatDefaults.COUNT_SHARE, HeatDefaults.COUNT_CELL_M, 0, 0);
  }

  /** A 2 × 2 block of tiles equals one 512 × 512 render of the same extent. */
  @ParameterizedTest(name = "zoom {0}, bandwidth {3} m, count share {4}")
  @CsvSource(textBlock = """
      14,  4203,  6088, 300, 0
      16, 16814, 24355, 300, 0
      18, 67262, 97426, 250, 0
      14,  4203,  6088, 400, 0.8
      16, 16814, 24355, 400, 0.8
      """)
  void tilesJoinWithoutSeams(int z, int x, int y, double bandwidth, double share)
      throws Exception {
    HeatRenderer r = new HeatRenderer(incidents, new IncidentAggregates(db.dataSource()), Limits.defaults().maxIncidents());
    HeatQuery q = share > 0 ? blend() : query(bandwidth);
    HeatLayer layer = r.layer(q, "test");
    long px = x * 256L;
    long py = y * 256L;
    float[] whole = r.densities(q, layer, z, px, py, 512, 512);
    double worst = 0;
    double peak = 0;
    for (int ty = 0; ty < 2; ty++) {
      for (int tx = 0; tx < 2; tx++) {
        float[] tile = r.densities(q, layer, z, px + tx * 256L, py + ty * 256L, 256, 256);
        for (int row = 0; row < 256; row++) {
          for (int col = 0; col < 256; col++) {
            double a = tile[row * 256 + col];
            double b = whole[(ty * 256 + row) * 512 + tx * 256 + col];
            worst = Math.max(worst, Math.abs(a - b));
            peak = Math.max(peak, b);
          }
        }
      }
    }
    assertTrue(peak > 0, "the block holds incidents");
    assertTrue(worst <= 1e-4 * peak, "largest difference " + worst + " of peak " + peak);
  }

  @ParameterizedTest(name = "count share {0}")
  @CsvSource({"0", "0.8"})
  void densitiesAreTrueIncidentsPerSquareKilometre(double share) throws Exception {
    // Integrate a render that holds every incident of the excerpt: Σ density × true pixel area.
    // The blend keeps the total too: counts over their cells' true area integrate to the count.
    HeatRenderer r = new HeatRenderer(incidents, new IncidentAggregates(db.dataSource()), Limits.defaults().maxIncidents());
    HeatQuery q = share > 0 ? blend() : query(300);
    HeatLayer layer = r.layer(q, "test");
    int z = 13;
    long px = 2101 * 256L;   // tiles 13/2101/3044 to 13/2102/3045 cover the Loop and its margin
    long py = 3044 * 256L;
    float[] d = r.densities(q, layer, z, px, py, 512, 512);
    double trueSide = WebMercator.pixelSize(z) / layer.secant();
    double total = 0;
    for (float v : d) {
      total += v * trueSide * trueSide / 1e6;
    }
    assertEquals(20_002, total, 20_002 * 0.01, "integral of the density");
  }

  @Test
  void theScaleIsOneForTheWholeLayer() throws Exception {
    HeatRenderer r = new HeatRenderer(incidents, new IncidentAggregates(db.dataSource()), Limits.defaults().maxIncidents());
    HeatLayer a = r.layer(query(300), "v1");
    HeatLayer b = r.layer(query(300), "v1");
    assertEquals(a, b);
    assertTrue(a.peak() > 1000, "the Loop is dense: " + a.peak());
    assertEquals(a.peak() / 2, a.breaks()[a.breaks().length - 1], 1e-9);
    assertEquals(0, a.classOf(a.breaks()[0] * 0.99));
    assertEquals(a.breaks().length, a.classOf(a.peak()));
  }
}
