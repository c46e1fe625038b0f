package org.hotbeat.tiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

  /**
   * A short digest (16 hex characters of SHA-256) of a layer's canonical key: the part of cache
   * keys and ETags that names the layer.
   */
  public static String digest(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
