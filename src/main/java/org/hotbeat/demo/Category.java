package org.hotbeat.demo;

import java.time.DayOfWeek;

/**
 * Offence categories of the generated city, each with its share of the background, the street
 * classes it favours, and its hour-of-day and weekday profiles (relative weights; only their ratios
 * matter). The {@code offenses} are the raw codes written to the CSV's {@code offense} column.
 */
public enum Category {
  THEFT("theft", 0.28, new String[] {"THEFT - RETAIL", "THEFT - FROM PERSON", "THEFT - OTHER"},
      new double[] {3, 2, 1.5, 1, 1, 1, 1.5, 3, 5, 6, 7, 8, 9, 9, 9, 9, 9, 9, 8, 7, 6, 5, 4, 3},
      new double[] {1.0, 1.0, 1.0, 1.0, 1.1, 1.2, 0.9}, new double[] {3, 2, 1.5, 1}),
  BATTERY("battery", 0.20, new String[] {"BATTERY - SIMPLE", "BATTERY - AGGRAVATED"},
      new double[] {8, 7, 6, 4, 2, 1, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4, 4, 4.5, 5, 5.5, 6, 6.5, 7, 8,
          8.5, 9},
      new double[] {0.9, 0.85, 0.85, 0.9, 1.1, 1.35, 1.3}, new double[] {2, 1.5, 1.2, 1}),
  CRIMINAL_DAMAGE("criminal damage", 0.12,
      new String[] {"CRIMINAL DAMAGE - TO PROPERTY", "CRIMINAL DAMAGE - TO VEHICLE"},
      new double[] {7, 6, 5, 4, 3, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 6, 7, 8, 8, 8},
      new double[] {1, 1, 1, 1, 1.1, 1.2, 1.1}, new double[] {1, 1, 1.2, 1.5}),
  ASSAULT("assault", 0.08, new String[] {"ASSAULT - SIMPLE", "ASSAULT - AGGRAVATED"},
      new double[] {4, 3, 2.5, 2, 1, 1, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5, 5},
      new double[] {1, 1, 1, 1, 1.05, 1.1, 1.05}, new double[] {1.5, 1.3, 1.2, 1}),
  BURGLARY("burglary", 0.10,
      new String[] {"BURGLARY - FORCIBLE ENTRY", "BURGLARY - UNLAWFUL ENTRY"},
      new double[] {2, 2, 2, 2, 1.5, 1.5, 2, 4, 6, 8, 9, 9, 8, 8, 8, 7, 6, 5, 4, 3, 3, 3, 2, 2},
      new double[] {1.15, 1.1, 1.1, 1.1, 1.1, 0.75, 0.7}, new double[] {0.5, 0.7, 1, 2.5}),
  MOTOR_VEHICLE_THEFT("motor vehicle theft", 0.08,
      new String[] {"MOTOR VEHICLE THEFT - AUTOMOBILE", "MOTOR VEHICLE THEFT - OTHER"},
      new double[] {6, 5, 5, 4, 3, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 6, 7, 7, 7, 7},
      new double[] {1, 1, 1, 1, 1.1, 1.1, 0.95}, new double[] {1.2, 1.2, 1, 1.2}),
  ROBBERY("robbery", 0.05, new String[] {"ROBBERY - ARMED", "ROBBERY - STRONGARM"},
      new double[] {7, 6, 5, 3, 2, 1, 1, 1, 1.5, 2, 2, 2.5, 3, 3, 3, 3, 3.5, 4, 5, 6, 7, 8, 8, 8},
      new double[] {1, 0.95, 0.95, 1, 1.1, 1.2, 1.1}, new double[] {2, 1.5, 1.2, 0.8}),
  NARCOTICS("narcotics", 0.09, new String[] {"NARCOTICS - POSSESSION", "NARCOTICS - DELIVERY"},
      new double[] {4, 3, 2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 7, 7, 8, 8, 8, 8, 7, 6, 6, 5},
      new double[] {1.1, 1.1, 1.1, 1.1, 1, 0.85, 0.8}, new double[] {1.5, 1.5, 1, 1});

  /** The normalised category written to the CSV's {@code category} column. */
  public final String id;
  /** Share of the background incidents. */
  final double backgroundShare;
  final String[] offenses;
  private final double[] hourCdf;
  private final double[] weekday;
  /** Weight of a metre of street by class: primary, secondary, tertiary, residential. */
  final double[] streetClassWeights;

  Category(String id, double backgroundShare, String[] offenses, double[] hours,
      double[] weekdayMondayFirst, double[] streetClassWeights) {
    this.id = id;
    this.backgroundShare = backgroundShare;
    this.offenses = offenses;
    this.hourCdf = cumulative(hours);
    this.weekday = weekdayMondayFirst;
    this.streetClassWeights = streetClassWeights;
  }

  /** Relative weight of a day of the week (Monday 1.0 for most categories). */
  public double weekdayWeight(DayOfWeek day) {
    return weekday[day.getValue() - 1];
  }

  /** An hour of the day drawn from this category's profile, for {@code u} uniform in [0, 1). */
  int hour(double u) {
    int h = 0;
    while (h < 23 && hourCdf[h] <= u) {
      h++;
    }
    return h;
  }

  /** The share of this category's incidents that fall in hour {@code h} (0–23). */
  public double hourShare(int h) {
    return hourCdf[h] - (h == 0 ? 0 : hourCdf[h - 1]);
  }

  static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      c[i] = sum;
    }
    for (int i = 0; i < w.length; i++) {
      c[i] /= sum;
    }
    c[w.length - 1] = 1.0;
    return c;
  }
}
