package org.hotbeat.web;

import java.util.Locale;
import org.hotbeat.evaluation.BeatReport;
import org.hotbeat.evaluation.CountComparison;

/**
 * The per-beat report as a printable HTML page (A4, no scripts, no external files): the same
 * figures as the JSON, already suppressed for the public by the caller.
 */
final class BeatReportPage {
  private BeatReportPage() {}

  /** @param minCount the public minimum count, named on a suppressed report */
  static String html(BeatReport.Report r, int minCount) {
    StringBuilder s = new StringBuilder(4096);
    String title = "Beat " + r.beat() + (r.name() == null ? "" : " (" + r.name() + ")");
    s.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(esc(title)).append("</title>\n<style>\n")
        .append("@page { size: A4; margin: 18mm }\n")
        .append("body { font: 11pt/1.4 sans-serif; color: #111; max-width: 180mm; margin: auto }\n")
        .append("table { border-collapse: collapse; width: 100%; margin: 1em 0 }\n")
        .append("th, td { border-bottom: 1px solid #bbb; padding: 3px 6px; text-align: right }\n")
        .append("th:first-child, td:first-child { text-align: left }\n")
        .append(".real { font-weight: bold } .note { color: #555; font-size: 9pt }\n")
        .append("</style></head><body>\n");
    s.append("<h1>").append(esc(title)).append("</h1>\n<p>")
        .append(esc(r.agency())).append(" · ").append(r.from()).append(" to ").append(r.to())
        .append(String.format(Locale.ROOT, " · %.2f km²", r.areaKm2()))
        .append(r.suppressed() ? " · public version: counts under " + minCount
            + " are not shown" : "").append("</p>\n");
    s.append("<table><thead><tr><th>category</th><th>incidents</th><th>per km²</th>")
        .append("<th>vs previous period</th><th>vs a year earlier</th></tr></thead><tbody>\n");
    for (BeatReport.Line l : r.lines()) {
      s.append("<tr><td>").append(esc(l.category())).append("</td><td>")
          .append(l.count() == null ? esc(l.note() == null ? "" : l.note()) : l.count())
          .append("</td><td>").append(l.perKm2() == null ? "" : String.format(Locale.ROOT,
              "%.1f", l.perKm2()))
          .append("</td>").append(change(l.vsPrevious())).append(change(l.vsLastYear()))
          .append("</tr>\n");
    }
    s.append("</tbody></table>\n<p class=\"note\">Changes in bold are more than chance "
        + "explains (exact Poisson test, p &lt; 0.05); others could be chance.</p>\n");
    if (!r.hotspots().isEmpty()) {
      s.append("<h2>Top hotspots in the beat</h2>\n<table><thead><tr><th>rank</th>")
          .append("<th>centre (lat, lon)</th><th>incidents</th><th>share of the beat</th>")
          .append("</tr></thead><tbody>\n");
      for (BeatReport.Hotspot h : r.hotspots()) {
        s.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.5f, %.5f</td><td>%d</td>"
            + "<td>%.0f %%</td></tr>%n", h.rank(), h.lat(), h.lon(), h.count(),
            100 * h.share()));
      }
      s.append("</tbody></table>\n<p class=\"note\">Cells of ")
          .append((int) BeatReport.HOTSPOT_CELL_M).append(" m with the most incidents in the "
              + "period.</p>\n");
    }
    return s.append("</body></html>\n").toString();
  }

  private static String change(CountComparison.Result c) {
    if (c == null) {
      return "<td></td>";
    }
    String text = c.change() == null ? "from 0" : String.format(Locale.ROOT, "%+.0f %%",
        100 * c.change());
    return String.format(Locale.ROOT, "<td%s>%s (p = %.3f)</td>", c.p() < 0.05
        ? " class=\"real\"" : "", text, c.p());
  }

  private static String esc(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
