package org.hotbeat.web;

import io.javalin.http.Context;

/**
 * What every tile route answers alike: the ETag and its 304, the cache policy, and a vector tile
 * body (204 when no feature touches the tile).
 */
final class TileResponses {
  static final String MVT = "application/vnd.mapbox-vector-tile";
  /** Tiles anyone may cache: layers of aggregates and the basemap. */
  static final String PUBLIC = "public, max-age=60";
  /** Tiles of point-level data: only the caller's own cache, keyed by its token too. */
  static final String PRIVATE = "private, max-age=60";

  private TileResponses() {}

  /**
   * Sets the ETag and the cache policy (null for none); true, with status 304, when the client
   * already holds this version and nothing else needs sending.
   */
  static boolean notModified(Context ctx, String etag, String cacheControl) {
    ctx.header("ETag", etag);
    if (cacheControl != null) {
      ctx.header("Cache-Control", cacheControl);
      if (cacheControl.equals(PRIVATE)) {
        ctx.header("Vary", "Authorization");
      }
    }
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return true;
    }
    return false;
  }

  /** A Mapbox Vector Tile, or 204 No Content when it is empty. */
  static void mvt(Context ctx, byte[] tile) {
    if (tile.length == 0) {
      ctx.status(204);
      return;
    }
    ctx.contentType(MVT).result(tile);
  }
}
