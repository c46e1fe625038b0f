package org.hotbeat.tiles;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded in-memory cache of rendered tiles, least recently used out first. Thread-safe. */
public final class TileCache {
  private final long maxBytes;
  private long bytes;
  private final LinkedHashMap<String, byte[]> tiles = new LinkedHashMap<>(256, 0.75f, true);

  public TileCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public synchronized byte[] get(String key) {
    return tiles.get(key);
  }

  public synchronized void put(String key, byte[] tile) {
    byte[] old = tiles.put(key, tile);
    bytes += tile.length - (old == null ? 0 : old.length);
    var it = tiles.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<String, byte[]> e = it.next();
      bytes -= e.getValue().length;
      it.remove();
    }
  }
}
