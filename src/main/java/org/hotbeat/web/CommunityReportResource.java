package org.hotbeat.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.hotbeat.InvalidInputException;
import org.hotbeat.community.CommunityReport;
import org.hotbeat.community.CommunityReportHtml;
import org.hotbeat.time.TimeWindow;

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
      throw new InvalidInputException("format", "must be html or json");
    }
    CommunityReport.Report r = reports.build(ctx.queryParam("agency"), ctx.pathParam("beat"),
        from, to);
    if ("json".equals(format)) {
      ctx.json(r);
    } else {
      ctx.contentType("text/html; charset=utf-8").result(CommunityReportHtml.render(r));
    }
  }

  /** A whole month, read by the one time parser (so its forms and year range apply). */
  private static YearMonth month(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw new InvalidInputException(name, "is required, as a month YYYY-MM");
    }
    // A calendar month: the service places it on the agency's clock.
    LocalDateTime t = LocalDateTime.ofInstant(TimeWindow.instant(name, v, () -> ZoneOffset.UTC),
        ZoneOffset.UTC);
    if (t.getDayOfMonth() != 1 || !t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      throw new InvalidInputException(name, "'" + v + "' is not a month YYYY-MM (the report "
          + "goes by whole months)");
    }
    return YearMonth.from(t);
  }
}
