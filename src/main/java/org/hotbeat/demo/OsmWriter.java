package org.hotbeat.demo;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a {@link TownPlan} as OSM XML 0.6: nodes then ways, each sorted by id, every object with
 * {@code version} and {@code timestamp}, every way's nodes present. Node ids are the plan's node
 * indices + 1, way ids the way indices + 1.
 */
final class OsmWriter {
  private OsmWriter() {}

  static void write(TownPlan plan, Writer out) throws IOException {
    LocalProjection p = TownPlan.PROJECTION;
    StringBuilder b = new StringBuilder(256);
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<osm version=\"0.6\" generator=\"hotbeat demo-data\">\n");
    b.append("  <bounds minlat=\"");
    Decimals.append(b, p.lat(0), 7).append("\" minlon=\"");
    Decimals.append(b, p.lon(0), 7).append("\" maxlat=\"");
    Decimals.append(b, p.lat(TownPlan.HEIGHT), 7).append("\" maxlon=\"");
    Decimals.append(b, p.lon(TownPlan.WIDTH), 7).append("\"/>\n");
    out.append(b);
    for (int i = 0; i < plan.nodeCount(); i++) {
      b.setLength(0);
      b.append("  <node id=\"").append(i + 1).append("\" version=\"1\" timestamp=\"")
          .append(DemoCity.OSM_TIMESTAMP).append("\" lat=\"");
      Decimals.append(b, p.lat(plan.nodeY(i)), 7).append("\" lon=\"");
      Decimals.append(b, p.lon(plan.nodeX(i)), 7).append('"');
      Map<String, String> tags = plan.nodeTags(i);
      if (tags.isEmpty()) {
        b.append("/>\n");
      } else {
        b.append(">\n");
        tags(b, tags);
        b.append("  </node>\n");
      }
      out.append(b);
    }
    for (int w = 0; w < plan.ways().size(); w++) {
      TownPlan.Way way = plan.ways().get(w);
      b.setLength(0);
      b.append("  <way id=\"").append(w + 1).append("\" version=\"1\" timestamp=\"")
          .append(DemoCity.OSM_TIMESTAMP).append("\">\n");
      for (int n : way.nodes()) {
        b.append("    <nd ref=\"").append(n + 1).append("\"/>\n");
      }
      tags(b, way.tags());
      b.append("  </way>\n");
      out.append(b);
    }
    out.write("</osm>\n");
  }

  private static void tags(StringBuilder b, Map<String, String> tags) {
    for (Map.Entry<String, String> t : tags.entrySet()) {
      b.append("    <tag k=\"").append(escape(t.getKey())).append("\" v=\"")
          .append(escape(t.getValue())).append("\"/>\n");
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
