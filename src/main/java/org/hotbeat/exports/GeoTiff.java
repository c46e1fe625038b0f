package org.hotbeat.exports;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hotbeat.density.DensityGrid;
import org.hotbeat.density.GridSpec;

/**
 * Writes a density grid as a single-band float32 GeoTIFF (uncompressed, one strip), georeferenced
 * by the GeoTIFF tags ModelPixelScale, ModelTiepoint and a GeoKey directory naming the projected
 * EPSG code, so GDAL, QGIS and ArcGIS place it without a side file.
 */
public final class GeoTiff {
  private static final int ENTRIES = 14;

  private GeoTiff() {}

  public static byte[] write(DensityGrid grid, int epsg) {
    GridSpec s = grid.spec();
    int w = s.width();
    int h = s.height();
    float[] values = grid.values();
    short[] geoKeys = {1, 1, 0, 4,           // version 1.1.0, 4 keys
        1024, 0, 1, 1,                        // GTModelType = projected
        1025, 0, 1, 1,                        // GTRasterType = pixel is area
        3072, 0, 1, (short) epsg,             // ProjectedCSType = EPSG code
        3076, 0, 1, 9001};                    // ProjLinearUnits = metre
    int ifdSize = 2 + ENTRIES * 12 + 4;
    int scaleAt = 8 + ifdSize;
    int tieAt = scaleAt + 24;
    int keysAt = tieAt + 48;
    int dataAt = keysAt + geoKeys.length * 2;
    long dataBytes = 4L * w * h;
    if (dataAt + dataBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("grid too large for a classic TIFF");
    }
    ByteBuffer b = ByteBuffer.allocate((int) (dataAt + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) ENTRIES);
    entry(b, 256, 4, 1, w);                  // ImageWidth
    entry(b, 257, 4, 1, h);                  // ImageLength
    entry(b, 258, 3, 1, 32);                 // BitsPerSample
    entry(b, 259, 3, 1, 1);                  // Compression: none
    entry(b, 262, 3, 1, 1);                  // Photometric: black is zero
    entry(b, 273, 4, 1, dataAt);             // StripOffsets
    entry(b, 277, 3, 1, 1);                  // SamplesPerPixel
    entry(b, 278, 4, 1, h);                  // RowsPerStrip
    entry(b, 279, 4, 1, (int) dataBytes);    // StripByteCounts
    entry(b, 284, 3, 1, 1);                  // PlanarConfiguration
    entry(b, 339, 3, 1, 3);                  // SampleFormat: IEEE float
    entry(b, 33550, 12, 3, scaleAt);         // ModelPixelScale
    entry(b, 33922, 12, 6, tieAt);           // ModelTiepoint
    entry(b, 34735, 3, geoKeys.length, keysAt);
    b.putInt(0);                              // no next IFD
    b.putDouble(s.cellSize()).putDouble(s.cellSize()).putDouble(0);
    b.putDouble(0).putDouble(0).putDouble(0).putDouble(s.minX()).putDouble(s.maxY()).putDouble(0);
    for (short k : geoKeys) {
      b.putShort(k);
    }
    b.position(dataAt);
    for (float v : values) {   // raster order, row 0 north, as TIFF wants
      b.putFloat(v);
    }
    return b.array();
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count);
    if (type == 3 && count == 1) {
      b.putShort((short) value).putShort((short) 0);
    } else {
      b.putInt(value);
    }
  }
}
