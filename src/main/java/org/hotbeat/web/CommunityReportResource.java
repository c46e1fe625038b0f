package org.hotbeat.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.hotbeat.community.CommunityReport;
import org.hotbeat.community.CommunityReportHtml;

/**
 * {@code GET /api/community/report/{beat}?from=YYYY-MM&to=YYYY-MM[&format=json]}: the public
 * community report, printable HTML by default. Public: it holds aggregates only.
 */
final class CommunityReportResource {
  private final CommunityReport reports;

  CommunityReportResource(CommunityReport reports) {
    this.reports = reports;
  }

  void report(Context ctx) throws SQLException {
    YearMonth from = month(ctx, "from");
    YearMonth to = month(ctx, "to");
    String format = ctx.queryParam("format");
    if (format != null && !format.equals("json") && !format.equals("html")) {
      throw ProblemException.badRequest("format", "must be html or json");
    }
    CommunityReport.Report r = reports.build(ctx.queryParam("agency"), ctx.pathParam("beat"),
        from, to);
    if ("json".equals(format)) {
      ctx.json(r);
    } else {
      ctx.contentType("text/html; charset=utf-8").result(CommunityReportHtml.render(r));
    }
  }

  private static YearMonth month(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null) {
      throw ProblemException.badRequest(name, "is required, as a month YYYY-MM");
    }
    try {
      return YearMonth.parse(v);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(name, "'" + v + "' is not a month YYYY-MM (the report "
          + "goes by whole months)");
    }
  }
}
