package org.hotbeat.community;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Wording for the public report: suppressed counts, months, and free text scrubbed of personal
 * data. The scrubber is a safety net under the rule that only text written for the public (a
 * {@code publicSummary}) is shown at all (docs/privacy.md).
 */
public final class PublicText {
  // "1234 N State St", "012XX S STATE ST", "1200 block of West Madison Avenue"
  private static final Pattern ADDRESS = Pattern.compile("(?i)\\b\\d+X*\\s+(block\\s+of\\s+)?"
      + "((N|S|E|W|North|South|East|West)\\.?\\s+)?([A-Za-z0-9'.-]+\\s+){0,3}"
      + "(St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Pl|Place|Ct|Court|Way|"
      + "Pkwy|Parkway|Ter|Terrace|Hwy|Highway)\\b\\.?");
  // "1200 block of S Wabash", "100 W Randolph", "the 300 block of Dearborn": no street type
  private static final Pattern ADDRESS_WITHOUT_TYPE = Pattern.compile("\\b\\d+X*\\s+"
      + "(?:(?i:block\\s+of)\\s+(?:(?:N|S|E|W|North|South|East|West)\\.?\\s+)?"
      + "|(?:N|S|E|W|North|South|East|West)\\.?\\s+)[A-Z][A-Za-z'-]+");
  // house numbers left over ("no. 12", "#4") and coordinates ("41.8781, -87.6298")
  private static final Pattern COORDINATES = Pattern.compile("-?\\d{1,3}\\.\\d{3,}");

  /** Personal data other than places, in the order they are removed. */
  private static final List<Pattern> PERSONAL = List.of(
      // e-mail addresses
      Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"),
      // badge, star, shield or warrant numbers: "badge 4471", "Star #12345", "PC 1234"
      Pattern.compile("(?i)\\b(badge|star|shield|warrant|collar|employee|payroll)\\s*"
          + "(no\\.?|number|num|#)?\\s*[:#]?\\s*\\d+"),
      // phone numbers: "312-555-0100", "(312) 555 0100", "+1 312.555.0100", "0191 555 0100"
      Pattern.compile("(\\+\\d{1,3}[\\s.-]?)?\\(?\\d{3,5}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{3,4}\\b"),
      // licence plates after a word that names them, then plate-shaped tokens
      Pattern.compile("(?i)\\b(plates?|licen[cs]e|registration|reg\\.?|tag)\\s*(no\\.?|number|#)?"
          + "\\s*[:#]?\\s*[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]\\b"),
      Pattern.compile("\\b[A-Z]{2}\\d{2}\\s?[A-Z]{3}\\b|\\b[A-Z]{1,3}[- ]?\\d{3,4}\\b"
          + "|\\b\\d{1,3}[- ]?[A-Z]{3}\\b"),
      // names after titles: "Sgt. Kowalski", "Officer Jane Doe", "Mrs O'Brien"
      Pattern.compile("\\b(?i:sgt|sergeant|officer|ofc|p\\.?o|pc|pcso|det|detective|lt|"
          + "lieutenant|capt|captain|cmdr|commander|insp|inspector|chief|deputy|constable|mr|mrs|"
          + "ms|miss|mx|dr|rev)\\.?\\s+[A-Z][\\w'’-]*(\\s+[A-Z][\\w'’-]*)?"),
      // names after the words that introduce people: "reported by Jane Smith"
      Pattern.compile("\\b(?i:by|from|named|called|victim|witness|resident|complainant|owner|"
          + "caller|contact)\\s+[A-Z][a-z'’-]+(\\s+[A-Z][a-z'’-]+)+"));

  private PublicText() {}

  /** {@code n}, or "fewer than {@code min}" when it is below (0 included). */
  public static String count(long n, int min) {
    return n < min ? "fewer than " + min : String.format(Locale.ROOT, "%,d", n);
  }

  /** "March 2017". */
  public static String month(YearMonth m) {
    return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
  }

  /** {@code text} with street addresses and coordinates replaced by "[place removed]". */
  private static String withoutPlaces(String text) {
    String t = ADDRESS.matcher(text).replaceAll("[place removed]");
    t = ADDRESS_WITHOUT_TYPE.matcher(t).replaceAll("[place removed]");
    return COORDINATES.matcher(t).replaceAll("[place removed]");
  }

  /**
   * {@code text} with personal data replaced: e-mail addresses, badge numbers, phone numbers,
   * licence plates and names after titles become "[removed]", places "[place removed]".
   */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    String t = text;
    for (Pattern p : PERSONAL) {
      t = p.matcher(t).replaceAll("[removed]");
    }
    return withoutPlaces(t);
  }
}
