package org.hotbeat.community;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.hotbeat.InvalidInputException;

/**
 * Reads the track points of a GPX 1.0/1.1 file with StAX, one element at a time, so a long shift's
 * track never sits in memory as a tree. Refuses, naming the point and line, a file that is not
 * well-formed, a point without a timestamp or a valid position, and points out of time order.
 * Waypoints and routes are ignored: they are plans, not where the patrol went.
 */
public final class GpxReader {
  /** Most points read from one upload (a day of 1 s fixes is 86 400); bounds the memory held. */
  public static final int MAX_POINTS = 500_000;

  private GpxReader() {}

  public static List<TrackPoint> read(InputStream in) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    // GPX needs no DTDs or entities; refusing them keeps XML bombs and external fetches out.
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    List<TrackPoint> out = new ArrayList<>();
    boolean newSegment = true;
    XMLStreamReader r = null;
    try {
      r = f.createXMLStreamReader(in);
      boolean sawGpx = false;
      while (r.hasNext()) {
        int e = r.next();
        if (e != XMLStreamConstants.START_ELEMENT) {
          if (e == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("trkseg")) {
            newSegment = true;
          }
          continue;
        }
        String name = r.getLocalName();
        if (!sawGpx) {
          if (!name.equals("gpx")) {
            throw bad("the root element is <" + name + ">, not <gpx>");
          }
          sawGpx = true;
        } else if (name.equals("trkpt")) {
          TrackPoint p = point(r, out.size() + 1, newSegment);
          if (!out.isEmpty() && p.time().isBefore(out.get(out.size() - 1).time())) {
            throw bad("track point " + (out.size() + 1) + " (line " + line(r) + ") at "
                + p.time() + " comes before the point ahead of it (" + out.get(out.size() - 1)
                .time() + "): points must be in time order");
          }
          if (out.size() == MAX_POINTS) {
            throw bad("more than " + MAX_POINTS + " track points: split the upload");
          }
          out.add(p);
          newSegment = false;
        }
      }
    } catch (XMLStreamException e) {
      throw bad("not well-formed GPX" + (e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNumber()) + ": " + message(e));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release
        }
      }
    }
    if (out.isEmpty()) {
      throw bad("no track points (<trkpt>) in the file");
    }
    return out;
  }

  /** Reads one {@code <trkpt>} up to its end tag. */
  private static TrackPoint point(XMLStreamReader r, int n, boolean newSegment)
      throws XMLStreamException {
    int line = line(r);
    double lat = coordinate(r.getAttributeValue(null, "lat"), "lat", n, line, 90);
    double lon = coordinate(r.getAttributeValue(null, "lon"), "lon", n, line, 180);
    Instant time = null;
    int depth = 1;
    while (depth > 0) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 2 && r.getLocalName().equals("time")) {
          String text = r.getElementText().strip();
          depth--;
          try {
            time = OffsetDateTime.parse(text).toInstant();
          } catch (DateTimeParseException ex) {
            throw bad("track point " + n + " (line " + line + ") has the time '" + text
                + "', not an ISO-8601 timestamp with an offset or Z");
          }
        }
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    if (time == null) {
      throw bad("track point " + n + " (line " + line + ") has no timestamp (<time>): dosage "
          + "needs the time of every point");
    }
    return new TrackPoint(lon, lat, time, newSegment);
  }

  private static double coordinate(String text, String name, int n, int line, double limit) {
    try {
      double v = Double.parseDouble(text);
      if (Math.abs(v) <= limit) {
        return v;
      }
    } catch (NullPointerException | NumberFormatException e) {
      // reported below
    }
    throw bad("track point " + n + " (line " + line + ") has no valid " + name + " ('" + text
        + "')");
  }

  private static int line(XMLStreamReader r) {
    return r.getLocation() == null ? -1 : r.getLocation().getLineNumber();
  }

  private static String message(XMLStreamException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    int i = m.indexOf("Message: ");
    return i >= 0 ? m.substring(i + 9) : m;
  }

  private static InvalidInputException bad(String message) {
    return new InvalidInputException("gpx", message);
  }
}
