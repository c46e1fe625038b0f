package org.hotbeat.patrol;

import java.util.List;
import java.util.Locale;

/**
 * A plan as a printable HTML page for the briefing: totals, a sketch of the routes (inline SVG,
 * so it prints with no map server), and each unit's stops with times and nearest streets. The
 * page has no script and loads nothing. Stateless.
 */
public final class PlanSummaryPage {
  private static final int SKETCH = 520;

  private PlanSummaryPage() {}

  public static String write(PlanDocument p) {
    StringBuilder h = new StringBuilder(32 * 1024);
    String title = "Patrol plan: " + p.area().label() + ", " + p.shift().start() + " to "
        + p.shift().end();
    h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(PlanGpx.esc(title)).append("</title>\n<style>")
        .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#111}")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}")
        .append("td,th{border:1px solid #999;padding:.25em .6em;text-align:left}")
        .append("th{background:#eee}.num{text-align:right}h2{margin-bottom:.2em}")
        .append(".swatch{display:inline-block;width:1em;height:1em;vertical-align:middle;")
        .append("margin-right:.4em;border:1px solid #333}")
        .append("@media print{body{margin:1cm}section{break-inside:avoid}}")
        .append("</style></head><body>\n<h1>").append(PlanGpx.esc(title)).append("</h1>\n");
    PlanDocument.Totals t = p.totals();
    h.append("<p>").append(p.units().size()).append(" unit(s), ").append(t.stops())
        .append(" stops at ").append(t.hotspots()).append(" hotspots, ")
        .append(fmt(p.dwellMinutes())).append(" min at each stop");
    if (p.revisitMinutes() * 60 < hours(p) * 3600) {
      h.append(", revisits at least ").append(fmt(p.revisitMinutes())).append(" min apart");
    }
    h.append(". The plan covers ").append(pct(t.riskShare()))
        .append(" of the area's risk (").append(fmt(t.risk())).append(" of ")
        .append(fmt(t.areaRisk())).append(" weighted incidents, ").append(p.risk().from(), 0, 10)
        .append(" to ").append(p.risk().to(), 0, 10)
        .append(p.risk().hours().isEmpty() ? ", all hours" : ", hours " + p.risk().hours())
        .append("). Made by ").append(PlanGpx.esc(p.createdBy())).append(" at ")
        .append(p.createdAt()).append(", seed ").append(p.seed()).append(".</p>\n");
    for (String note : p.notes()) {
      h.append("<p><strong>Note:</strong> ").append(PlanGpx.esc(note)).append("</p>\n");
    }
    sketch(h, p);
    for (PlanDocument.UnitPlan u : p.units()) {
      h.append("<section><h2><span class=\"swatch\" style=\"background:").append(u.colour())
          .append("\"></span>Unit ").append(PlanGpx.esc(u.name())).append(" (")
          .append(u.mode()).append(")</h2>\n<p>");
      if (u.stops().isEmpty()) {
        h.append("No stop in this plan.</p></section>\n");
        continue;
      }
      h.append(fmt(u.driveMinutes())).append(" min moving (").append(fmt(u.km()))
          .append(" km), ").append(fmt(u.dwellMinutes())).append(" min at stops");
      if (u.waitMinutes() > 0) {
        h.append(", ").append(fmt(u.waitMinutes())).append(" min patrolling nearby between visits");
      }
      h.append("; back by ").append(hhmm(u.back())).append(".</p>\n<table><tr><th>Stop</th>")
          .append("<th>Hotspot</th><th>Arrive</th><th>Leave</th><th>Near</th>")
          .append("<th>Position</th></tr>\n");
      for (PlanDocument.Stop s : u.stops()) {
        h.append("<tr><td class=\"num\">").append(s.seq()).append("</td><td class=\"num\">")
            .append(s.hotspot()).append(s.visit() > 1 ? " (visit " + s.visit() + ")" : "")
            .append("</td><td>").append(hhmm(s.arrive())).append("</td><td>")
            .append(hhmm(s.leave())).append("</td><td>")
            .append(PlanGpx.esc(s.street() == null ? "" : s.street())).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.5f, %.5f", s.position()[1], s.position()[0]))
            .append("</td></tr>\n");
      }
      h.append("</table></section>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  /** Routes and numbered stops over the area's outline, in a local equirectangular frame. */
  private static void sketch(StringBuilder h, PlanDocument p) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    List<double[]> outline = outline(p);
    outline.forEach(c -> grow(box, c));
    p.units().forEach(u -> {
      if (u.route() != null) {
        u.route().coordinates().forEach(c -> grow(box, c));
      }
    });
    if (box[0] > box[2]) {
      return;
    }
    double kx = Math.cos(Math.toRadians((box[1] + box[3]) / 2));
    double w = Math.max((box[2] - box[0]) * kx, 1e-9);
    double hgt = Math.max(box[3] - box[1], 1e-9);
    double scale = (SKETCH - 20) / Math.max(w, hgt);
    int width = (int) Math.ceil(w * scale) + 20;
    int height = (int) Math.ceil(hgt * scale) + 20;
    java.util.function.Function<double[], String> pt = c -> String.format(Locale.ROOT, "%.1f,%.1f",
        10 + (c[0] - box[0]) * kx * scale, 10 + (box[3] - c[1]) * scale);
    h.append("<svg width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"sketch of the routes\" ")
        .append("style=\"border:1px solid #999;margin-bottom:1em\">\n<polygon fill=\"#f2f2f2\" ")
        .append("stroke=\"#555\" points=\"");
    outline.forEach(c -> h.append(pt.apply(c)).append(' '));
    h.append("\"/>\n");
    for (PlanDocument.UnitPlan u : p.units()) {
      if (u.route() == null) {
        continue;
      }
      h.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(u.colour())
          .append("\" points=\"");
      u.route().coordinates().forEach(c -> h.append(pt.apply(c)).append(' '));
      h.append("\"/>\n");
      for (PlanDocument.Stop s : u.stops()) {
        String[] xy = pt.apply(s.position()).split(",");
        h.append("<circle r=\"8\" fill=\"#fff\" stroke=\"").append(u.colour()).append("\" cx=\"")
            .append(xy[0]).append("\" cy=\"").append(xy[1]).append("\"/><text font-size=\"9\" ")
            .append("text-anchor=\"middle\" dy=\"3\" x=\"").append(xy[0]).append("\" y=\"")
            .append(xy[1]).append("\">").append(s.seq()).append("</text>\n");
      }
    }
    h.append("</svg>\n");
  }

  /** The outer ring of the area's first polygon. */
  @SuppressWarnings("unchecked")
  private static List<double[]> outline(PlanDocument p) {
    Object coords = p.area().geometry() == null ? null : p.area().geometry().get("coordinates");
    if (!(coords instanceof List<?> list) || list.isEmpty()) {
      return List.of();
    }
    List<?> ring = "MultiPolygon".equals(p.area().geometry().get("type"))
        ? (List<?>) ((List<?>) list.get(0)).get(0) : (List<?>) list.get(0);
    return ring.stream().map(c -> {
      List<Number> xy = (List<Number>) c;
      return new double[] {xy.get(0).doubleValue(), xy.get(1).doubleValue()};
    }).toList();
  }

  private static void grow(double[] box, double[] c) {
    box[0] = Math.min(box[0], c[0]);
    box[1] = Math.min(box[1], c[1]);
    box[2] = Math.max(box[2], c[0]);
    box[3] = Math.max(box[3], c[1]);
  }

  private static double hours(PlanDocument p) {
    return p.shift().hours();
  }

  /** "20:07" from an ISO time, with the date when it is not the shift's first day. */
  private static String hhmm(String iso) {
    return iso == null ? "" : iso.substring(11, 16);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f %%", share * 100);
  }
}
