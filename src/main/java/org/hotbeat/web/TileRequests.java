package org.hotbeat.web;

import io.javalin.http.Context;
import org.hotbeat.geo.TileCoord;

/** Reads {z}/{x}/{y} path parameters; a bad one is 400, a tile outside the pyramid 404. */
final class TileRequests {
  private TileRequests() {}

  static TileCoord coord(Context ctx, String suffix) {
    int z = number(ctx, "z", ctx.pathParam("z"));
    int x = number(ctx, "x", ctx.pathParam("x"));
    String y = ctx.pathParam("y");
    if (y.endsWith(suffix)) {
      y = y.substring(0, y.length() - suffix.length());
    }
    int yy = number(ctx, "y", y);
    if (z < 0 || z > TileCoord.MAX_ZOOM) {
      throw ProblemException.badRequest("z", "zoom must be 0 to " + TileCoord.MAX_ZOOM);
    }
    try {
      return new TileCoord(z, x, yy);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(e.getMessage());
    }
  }

  private static int number(Context ctx, String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(name, "'" + value + "' is not a whole number");
    }
  }
}
