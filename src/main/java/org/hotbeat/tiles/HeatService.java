package org.hotbeat.tiles;

import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hotbeat.config.Limits;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.store.IncidentAggregates;
import org.hotbeat.store.IncidentRepository;

/**
 * The heat layer's use cases: its {@link HeatLayer} (peak and colour breaks), its PNG tiles and
 * the tag that names a layer at a data version. A map asks for many tiles with one query, so the
 * parsed query (with its digest) is kept per request key, and rendered tiles in a 64 MB
 * {@link TileCache}; layers are cached by {@link HeatRenderer}. Thread-safe.
 */
public final class HeatService {
  /** A checked query and the digest of its canonical key, reused while a request repeats. */
  public record Prepared(HeatQuery query, String digest) {}

  private static final int PARSED_QUERIES = 256;

  private final HeatRenderer renderer;
  private final TileCache tiles = new TileCache(64L << 20);
  private final Map<String, Prepared> prepared = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> e) {
          return size() > PARSED_QUERIES;
        }
      });

  public HeatService(IncidentRepository incidents, IncidentAggregates aggregates, Limits limits) {
    this.renderer = new HeatRenderer(incidents, aggregates, limits.maxIncidents());
  }

  /**
   * The query of a request, read by {@code parse} the first time {@code requestKey} (e.g. the
   * caller's tier and query string) is seen; {@code parse} throws for bad input.
   */
  public Prepared prepare(String requestKey, Supplier<HeatQuery> parse) {
    Prepared p = prepared.get(requestKey);
    if (p == null) {
      HeatQuery q = parse.get();
      p = new Prepared(q, TileCache.digest(q.key()));
      prepared.put(requestKey, p);
    }
    return p;
  }

  /**
   * A tag naming the layer's tiles at this data version: it changes when either does. A public
   * layer's tag names what it draws, not its filter (no oracle: see docs/privacy.md).
   */
  public String tag(Prepared p, String dataVersion) throws SQLException {
    return "heat-" + dataVersion + "-" + (p.query().fromCells()
        ? "p" + renderer.publicDigest(p.query(), dataVersion) : p.digest());
  }

  /** The layer's peak and colour breaks at this data version. */
  public HeatLayer layer(HeatQuery q, String dataVersion) throws SQLException {
    return renderer.layer(q, dataVersion);
  }

  /** One 256-pixel PNG tile of the layer, rendered once per data version. */
  public byte[] tilePng(Prepared p, String dataVersion, TileCoord t) throws SQLException {
    String key = tag(p, dataVersion) + "/" + t;
    byte[] png = tiles.get(key);
    if (png == null) {
      png = renderer.tilePng(p.query(), renderer.layer(p.query(), dataVersion), t);
      tiles.put(key, png);
    }
    return png;
  }
}
