package org.hotbeat.patrol;

/**
 * A plan as GPX 1.1 for the units' navigation devices: each stop a waypoint (named unit-seq, with
 * arrival time and dwell), each unit's route a track. Stateless.
 */
public final class PlanGpx {
  private PlanGpx() {}

  public static String write(PlanDocument plan) {
    StringBuilder x = new StringBuilder(64 * 1024);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<gpx version=\"1.1\" creator=\"hotbeat\" ")
        .append("xmlns=\"http://www.topografix.com/GPX/1/1\">\n")
        .append("  <metadata><name>").append(esc("Patrol plan, " + plan.area().label() + ", "
            + plan.shift().start() + " to " + plan.shift().end())).append("</name><time>")
        .append(plan.createdAt()).append("</time></metadata>\n");
    for (PlanDocument.UnitPlan u : plan.units()) {   // GPX wants every wpt before any trk
      for (PlanDocument.Stop s : u.stops()) {
        x.append("  <wpt lat=\"").append(s.position()[1]).append("\" lon=\"")
            .append(s.position()[0]).append("\"><time>").append(s.arrive()).append("</time><name>")
            .append(esc(u.name() + "-" + s.seq())).append("</name><desc>")
            .append(esc("Unit " + u.name() + ", stop " + s.seq() + " (hotspot " + s.hotspot()
                + ", visit " + s.visit() + "): arrive " + s.arrive() + ", leave " + s.leave()
                + (s.street() == null ? "" : ", near " + s.street())))
            .append("</desc><type>patrol stop</type></wpt>\n");
      }
    }
    for (PlanDocument.UnitPlan u : plan.units()) {
      if (u.route() == null) {
        continue;
      }
      x.append("  <trk><name>").append(esc(u.name())).append("</name><desc>")
          .append(esc(u.mode() + ", " + u.stops().size() + " stops")).append("</desc><trkseg>\n");
      for (double[] c : u.route().coordinates()) {
        x.append("    <trkpt lat=\"").append(c[1]).append("\" lon=\"").append(c[0])
            .append("\"/>\n");
      }
      x.append("  </trkseg></trk>\n");
    }
    return x.append("</gpx>\n").toString();
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
