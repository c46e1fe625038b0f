package org.hotbeat.geo;

/**
 * Universal Transverse Mercator on WGS84 by Krüger's series to fourth order in n (Karney 2011,
 * "Transverse Mercator with an accuracy of a few nanometers", eqs. 35–36; the form on Wikipedia's
 * UTM page): sub-millimetre within a zone and well beyond it. False easting 500 km, false
 * northing 10,000 km in the south, scale 0.9996 at the central meridian. Immutable, thread-safe.
 *
 * @param zone 1 to 60
 * @param north true for the northern hemisphere (EPSG:326zz), false for the southern (327zz)
 */
public record UtmProjection(int zone, boolean north) implements MetricProjection {
  private static final double A_AXIS = 6_378_137.0;
  private static final double F = 1 / 298.257223563;
  private static final double K0 = 0.9996;
  private static final double E0 = 500_000;
  private static final double N0_SOUTH = 10_000_000;
  private static final double N = F / (2 - F);
  private static final double A = A_AXIS / (1 + N) * (1 + N * N / 4 + Math.pow(N, 4) / 64);
  private static final double[] ALPHA = {
      N / 2 - 2 * N * N / 3 + 5 * Math.pow(N, 3) / 16 + 41 * Math.pow(N, 4) / 180,
      13 * N * N / 48 - 3 * Math.pow(N, 3) / 5 + 557 * Math.pow(N, 4) / 1440,
      61 * Math.pow(N, 3) / 240 - 103 * Math.pow(N, 4) / 140,
      49561 * Math.pow(N, 4) / 161280};
  private static final double[] BETA = {
      N / 2 - 2 * N * N / 3 + 37 * Math.pow(N, 3) / 96 - Math.pow(N, 4) / 360,
      N * N / 48 + Math.pow(N, 3) / 15 - 437 * Math.pow(N, 4) / 1440,
      17 * Math.pow(N, 3) / 480 - 37 * Math.pow(N, 4) / 840,
      4397 * Math.pow(N, 4) / 161280};
  private static final double[] DELTA = {
      2 * N - 2 * N * N / 3 - 2 * Math.pow(N, 3) + 116 * Math.pow(N, 4) / 45,
      7 * N * N / 3 - 8 * Math.pow(N, 3) / 5 - 227 * Math.pow(N, 4) / 45,
      56 * Math.pow(N, 3) / 15 - 136 * Math.pow(N, 4) / 35,
      4279 * Math.pow(N, 4) / 630};
  private static final double TWO_ROOT_N = 2 * Math.sqrt(N) / (1 + N);

  public UtmProjection {
    if (zone < 1 || zone > 60) {
      throw new IllegalArgumentException("UTM zone must be 1 to 60, got " + zone);
    }
  }

  /** The zone containing (lon, lat) by the regular 6° rule (Norway's exceptions are not applied). */
  public static UtmProjection containing(double lon, double lat) {
    int zone = (int) Math.floor((lon + 180) / 6) % 60 + 1;
    return new UtmProjection(zone, lat >= 0);
  }

  @Override
  public int epsg() {
    return (north ? 32600 : 32700) + zone;
  }

  private double centralMeridian() {
    return Math.toRadians(zone * 6.0 - 183);
  }

  @Override
  public double[] forward(double lon, double lat) {
    double phi = Math.toRadians(lat);
    double dLambda = Math.toRadians(lon) - centralMeridian();
    double sin = Math.sin(phi);
    double t = Math.sinh(atanh(sin) - TWO_ROOT_N * atanh(TWO_ROOT_N * sin));
    double xiP = Math.atan2(t, Math.cos(dLambda));
    double etaP = atanh(Math.sin(dLambda) / Math.sqrt(1 + t * t));
    double xi = xiP;
    double eta = etaP;
    for (int j = 1; j <= 4; j++) {
      xi += ALPHA[j - 1] * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
      eta += ALPHA[j - 1] * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
    }
    return new double[] {E0 + K0 * A * eta, (north ? 0 : N0_SOUTH) + K0 * A * xi};
  }

  @Override
  public double[] inverse(double x, double y) {
    double xi = (y - (north ? 0 : N0_SOUTH)) / (K0 * A);
    double eta = (x - E0) / (K0 * A);
    double xiP = xi;
    double etaP = eta;
    for (int j = 1; j <= 4; j++) {
      xiP -= BETA[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
      etaP -= BETA[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
    }
    double chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
    double phi = chi;
    for (int j = 1; j <= 4; j++) {
      phi += DELTA[j - 1] * Math.sin(2 * j * chi);
    }
    double lambda = centralMeridian() + Math.atan2(Math.sinh(etaP), Math.cos(xiP));
    return new double[] {Math.toDegrees(lambda), Math.toDegrees(phi)};
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }
}
