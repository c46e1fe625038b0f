package org.hotbeat.community;

import java.util.List;

/** The community report as one printable HTML page (no scripts, no external resources). */
public final class CommunityReportHtml {
  private CommunityReportHtml() {}

  public static String render(CommunityReport.Report r) {
    StringBuilder s = new StringBuilder("""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Beat %s: community report</title>
        <style>
        body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
               color: #222; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #0072b2; margin-top: 1.6em; }
        table { border-collapse: collapse; width: 100%%; }
        td, th { border-bottom: 1px solid #ccc; padding: .3em .5em; text-align: left;
                 vertical-align: top; }
        .note { color: #555; font-size: .9em; }
        @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
        </style></head><body>
        """.formatted(esc(r.beat())));
    s.append("<h1>Beat ").append(esc(r.beat())).append(": what you told us, what we did, what "
        + "changed</h1>\n<p>").append(esc(r.period())).append("</p>\n");

    s.append("<h2>You told us</h2>\n");
    CommunityReport.Meetings m = r.meetings();
    if (m.held() == 0) {
      s.append("<p>No community meetings were recorded in this period.</p>\n");
    } else {
      s.append("<p>").append(m.held() == 1 ? "One community meeting was" : m.held()
          + " community meetings were").append(" held; attendance in all: ")
          .append(esc(m.attendance())).append('.');
      if (m.satisfaction() != null) {
        s.append(" ").append(esc(capital(m.satisfaction()))).append('.');
      }
      s.append("</p>\n");
    }
    if (r.youToldUs().isEmpty()) {
      s.append("<p>No problems were raised in this period.</p>\n");
    } else {
      s.append("<table><tr><th>problem</th><th>raised</th><th>by</th><th>where it "
          + "stands</th></tr>\n");
      for (CommunityReport.Raised p : r.youToldUs()) {
        s.append("<tr><td>").append(esc(p.title())).append(categories(p.categories()))
            .append("</td><td>").append(esc(p.month())).append("</td><td>")
            .append(esc(p.raisedBy())).append("</td><td>").append(esc(p.status()))
            .append("</td></tr>\n");
      }
      s.append("</table>\n");
    }

    s.append("<h2>We did</h2>\n");
    if (r.weDid().isEmpty()) {
      s.append("<p>No responses were recorded yet.</p>\n");
    } else {
      s.append("<table><tr><th>for</th><th>what</th><th>from</th><th>to</th></tr>\n");
      for (CommunityReport.Done d : r.weDid()) {
        s.append("<tr><td>").append(esc(d.problem())).append("</td><td><b>")
            .append(esc(d.kind())).append("</b>: ").append(esc(d.description()))
            .append("</td><td>").append(esc(d.from())).append("</td><td>").append(esc(d.to()))
            .append("</td></tr>\n");
      }
      s.append("</table>\n");
    }
    for (CommunityReport.Patrols p : r.patrols()) {
      s.append("<p>Patrols spent ").append(esc(p.hours())).append(" in the area of “")
          .append(esc(p.problem())).append("”, over ").append(esc(p.visits()))
          .append(" separate visits (").append(esc(p.months())).append(").</p>\n");
    }

    s.append("<h2>What changed</h2>\n<table><tr><th>where</th><th>what</th><th>before</th>"
        + "<th>after</th><th>in words</th></tr>\n");
    for (CommunityReport.Change c : r.whatChanged()) {
      s.append("<tr><td>").append(esc(c.area())).append("</td><td>").append(esc(c.what()))
          .append("<br><span class=\"note\">").append(esc(c.periods())).append("</span></td><td>")
          .append(esc(c.before())).append("</td><td>").append(esc(c.after())).append("</td><td>")
          .append(esc(capital(c.summary()))).append(".</td></tr>\n");
    }
    s.append("</table>\n");
    for (String n : r.notes()) {
      s.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
    }
    return s.append("</body></html>\n").toString();
  }

  private static String categories(List<String> c) {
    return c.isEmpty() ? "" : " <span class=\"note\">(" + esc(String.join(", ", c)) + ")</span>";
  }

  private static String capital(String t) {
    return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }

  static String esc(String t) {
    return t == null ? "" : t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
