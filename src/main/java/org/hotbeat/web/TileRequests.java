package org.hotbeat.web;

import io.javalin.http.Context;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.geo.TileCoord;

/**
 * Reads the {z}/{x}/{y} path parameters of every tile route: a part that is not a whole number
 * or a zoom outside 0–{@value TileCoord#MAX_ZOOM} is bad input (400), a tile outside the
 * pyramid is not found (404).
 */
final class TileRequests {
  private TileRequests() {}

  /** @param suffix the file ending the route's {y} may carry (".png", ".mvt"), or "" */
  static TileCoord coord(Context ctx, String suffix) {
    int z = number("z", ctx.pathParam("z"));
    int x = number("x", ctx.pathParam("x"));
    String y = ctx.pathParam("y");
    if (!suffix.isEmpty() && y.endsWith(suffix)) {
      y = y.substring(0, y.length() - suffix.length());
    }
    int yy = number("y", y);
    if (z < 0 || z > TileCoord.MAX_ZOOM) {
      throw new InvalidInputException("z", "zoom must be 0 to " + TileCoord.MAX_ZOOM);
    }
    long n = 1L << z;
    if (x < 0 || x >= n || yy < 0 || yy >= n) {
      throw new NotFoundException("tile " + z + "/" + x + "/" + yy + " does not exist: x and y "
          + "must be from 0 to " + (n - 1) + " at zoom " + z);
    }
    return new TileCoord(z, x, yy);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "'" + value + "' is not a tile coordinate (a whole "
          + "number)");
    }
  }
}
