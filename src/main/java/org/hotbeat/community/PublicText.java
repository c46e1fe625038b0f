package org.hotbeat.community;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/** Wording for the public report: suppressed counts, months, and free text without addresses. */
public final class PublicText {
  /** Counts below this are shown as "fewer than 5" (as in the public beat report). */
  public static final int MIN_PUBLIC = 5;

  // "1234 N State St", "012XX S STATE ST", "1200 block of West Madison Avenue"
  private static final Pattern ADDRESS = Pattern.compile("(?i)\\b\\d+X*\\s+(block\\s+of\\s+)?"
      + "((N|S|E|W|North|South|East|West)\\.?\\s+)?([A-Za-z0-9'.-]+\\s+){0,3}"
      + "(St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Pl|Place|Ct|Court|Way|"
      + "Pkwy|Parkway|Ter|Terrace|Hwy|Highway)\\b\\.?");
  // house numbers left over ("no. 12", "#4") and coordinates ("41.8781, -87.6298")
  private static final Pattern COORDINATES = Pattern.compile("-?\\d{1,3}\\.\\d{3,}");

  private PublicText() {}

  /** {@code n}, or "fewer than 5" when it is below the threshold (0 included). */
  public static String count(long n) {
    return n < MIN_PUBLIC ? "fewer than " + MIN_PUBLIC : String.format(Locale.ROOT, "%,d", n);
  }

  /** "March 2017". */
  public static String month(YearMonth m) {
    return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
  }

  /** {@code text} with street addresses and coordinates replaced by "[place removed]". */
  public static String withoutPlaces(String text) {
    if (text == null) {
      return null;
    }
    String t = ADDRESS.matcher(text).replaceAll("[place removed]");
    return COORDINATES.matcher(t).replaceAll("[place removed]");
  }
}
