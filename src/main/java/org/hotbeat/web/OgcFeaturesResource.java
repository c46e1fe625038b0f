package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.access.Role;
import org.hotbeat.geo.Bbox;
import org.hotbeat.store.BeatRepository;
import org.hotbeat.store.Incident;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;

/**
 * OGC API Features, Part 1: Core (GeoJSON, OpenAPI 3.0) at {@code /ogc}: landing page,
 * conformance, collections, items with {@code bbox}, {@code datetime}, {@code limit} and
 * {@code next} links, single features. Which collections a caller sees depends on its role:
 * {@code beats} is public, {@code incidents} needs an analyst token.
 */
final class OgcFeaturesResource {
  static final String GEOJSON = "application/geo+json";
  static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
  private static final int DEFAULT_LIMIT = 10;
  private static final int MAX_LIMIT = 10_000;
  private static final List<String> CONFORMS = List.of(
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Link(String href, String rel, String type, String title) {}

  record Landing(String title, String description, List<Link> links) {}

  record Conformance(List<String> conformsTo) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Collection(String id, String title, String description, Extent extent,
      String itemType, List<String> crs, List<Link> links) {}

  /** A collection's extent; {@code temporal} is left out where there is none. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Extent(SpatialExtent spatial, TemporalExtent temporal) {}

  /** @param bbox one box, west, south, east, north */
  record SpatialExtent(List<List<Double>> bbox, String crs) {}

  /** @param interval one interval, first and last instant */
  record TemporalExtent(List<List<String>> interval) {}

  record Collections(List<Link> links, List<Collection> collections) {}

  record Feature(String type, String id, @JsonRawValue String geometry,
      Object properties, List<Link> links) {}

  record BeatProperties(String agency, String code, String name, String district) {}

  record Items(String type, List<Feature> features, String timeStamp, int numberReturned,
      List<Link> links) {}

  /**
   * A {@code bbox} parameter: 2-D, or 3-D whose vertical range does not apply to points.
   * Registered as a query type, so a bad one is reported like any other parameter.
   */
  record OgcBbox(Bbox box) {
    static OgcBbox parse(String text) {
      String[] parts = text.split(",", -1);
      return new OgcBbox(Bbox.parse(parts.length != 6 ? text
          : parts[0] + "," + parts[1] + "," + parts[3] + "," + parts[4]));
    }
  }

  private final IncidentRepository incidents;
  private final BeatRepository beats;

  OgcFeaturesResource(IncidentRepository incidents, BeatRepository beats) {
    this.incidents = incidents;
    this.beats = beats;
  }

  void landing(Context ctx) {
    onlyParams(ctx, Set.of("f"));
    String b = base(ctx);
    ctx.json(new Landing("hotbeat", "Crime incidents and police beats as OGC API Features",
        List.of(new Link(b, "self", "application/json", "This document"),
            new Link(b + "/api", "service-desc", OPENAPI, "The API definition"),
            new Link(b + "/conformance", "conformance", "application/json", "Conformance"),
            new Link(b + "/collections", "data", "application/json", "Collections"))));
  }

  void conformance(Context ctx) {
    onlyParams(ctx, Set.of("f"));
    ctx.json(new Conformance(CONFORMS));
  }

  void api(Context ctx) {
    onlyParams(ctx, Set.of("f"));
    ctx.json(OgcApiDocument.build(base(ctx))).contentType(OPENAPI);
  }

  void collections(Context ctx) throws SQLException {
    onlyParams(ctx, Set.of("f"));
    String b = base(ctx);
    List<Collection> list = new ArrayList<>();
    list.add(beatsCollection(b));
    if (AccessControl.caller(ctx).role().grants(Role.ANALYST)) {
      list.add(incidentsCollection(b));
    }
    ctx.json(new Collections(List.of(new Link(b + "/collections", "self", "application/json",
        "Collections")), list));
  }

  void collection(Context ctx) throws SQLException {
    onlyParams(ctx, Set.of("f"));
    requireBeats(ctx);
    ctx.json(beatsCollection(base(ctx)));
  }

  void incidentsCollection(Context ctx) throws SQLException {
    onlyParams(ctx, Set.of("f"));
    ctx.json(incidentsCollection(base(ctx)));
  }

  void beatItems(Context ctx) throws SQLException {
    requireBeats(ctx);
    onlyParams(ctx, Set.of("bbox", "datetime", "limit", "offset", "f"));
    Paging p = paging(ctx);
    int offset = ctx.queryParamAsClass("offset", Integer.class)
        .check(o -> o == null || o >= 0, "must be 0 or more").getOrDefault(0);
    List<BeatRepository.Beat> page = beats.page(p.bbox, null, offset, p.limit);
    String b = base(ctx) + "/collections/beats";
    List<Link> links = new ArrayList<>(List.of(
        new Link(selfUrl(ctx), "self", GEOJSON, "This page"),
        new Link(b, "collection", "application/json", "The collection")));
    if (page.size() == p.limit) {
      links.add(new Link(replaceParam(ctx, "offset", Integer.toString(offset + p.limit)), "next",
          GEOJSON, "Next page"));
    }
    items(ctx, page.stream().map(x -> beatFeature(x, b)).toList(), links);
  }

  void beatItem(Context ctx) throws SQLException {
    requireBeats(ctx);
    onlyParams(ctx, Set.of("f"));
    String id = ctx.pathParam("featureId");
    List<BeatRepository.Beat> found = beats.page(null, id, 0, 1);
    if (found.isEmpty()) {
      throw new NotFoundException("no beat " + id);
    }
    ctx.json(beatFeature(found.get(0), base(ctx) + "/collections/beats")).contentType(GEOJSON);
  }

  void incidentItems(Context ctx) throws SQLException {
    onlyParams(ctx, Set.of("bbox", "datetime", "limit", "cursor", "f"));
    Paging p = paging(ctx);
    IncidentParams.PageCursor cursor = ctx.queryParamAsClass("cursor",
        IncidentParams.PageCursor.class).getOrNull();
    List<Incident> page = incidents.find(new IncidentQuery(null, p.bbox, p.from, p.to, null, null,
        null, null, null, cursor == null ? null : cursor.position(), p.limit));
    String b = base(ctx) + "/collections/incidents";
    List<Link> links = new ArrayList<>(List.of(
        new Link(selfUrl(ctx), "self", GEOJSON, "This page"),
        new Link(b, "collection", "application/json", "The collection")));
    if (page.size() == p.limit) {
      Incident last = page.get(page.size() - 1);
      links.add(new Link(replaceParam(ctx, "cursor",
          IncidentParams.PageCursor.of(last.occurredAt(), last.id())), "next", GEOJSON,
          "Next page"));
    }
    items(ctx, page.stream().map(i -> incidentFeature(i, b)).toList(), links);
  }

  void incidentItem(Context ctx) throws SQLException {
    onlyParams(ctx, Set.of("f"));
    String id = ctx.pathParam("featureId");
    int colon = id.lastIndexOf(':');
    String number = colon > 0 ? id.substring(colon + 1) : "";
    Incident found = number.matches("\\d{1,18}")
        ? incidents.byId(id.substring(0, colon), Long.parseLong(number)) : null;
    if (found == null) {
      throw new NotFoundException("no incident " + id);
    }
    ctx.json(incidentFeature(found, base(ctx) + "/collections/incidents")).contentType(GEOJSON);
  }

  private void items(Context ctx, List<Feature> features, List<Link> links) {
    ctx.json(new Items("FeatureCollection", features, Instant.now().toString(), features.size(),
        links)).contentType(GEOJSON);
  }

  private record Paging(double[] bbox, Instant from, Instant to, int limit) {}

  private static Paging paging(Context ctx) {
    Validator<OgcBbox> bbox = ctx.queryParamAsClass("bbox", OgcBbox.class);
    Validator<Integer> limit = ctx.queryParamAsClass("limit", Integer.class)
        .check(n -> n == null || n >= 1, "must be at least 1");
    Instant[] window = QueryParams.validateAll(() -> datetime(ctx), bbox, limit);
    OgcBbox box = bbox.getOrNull();
    return new Paging(box == null ? null : box.box().toArray(), window[0], window[1],
        Math.min(limit.getOrDefault(DEFAULT_LIMIT), MAX_LIMIT));
  }

  /**
   * {@code datetime}: an instant, or {@code start/end} with open ends as {@code ..} or empty;
   * both ends included, local times on the agency's clock. {from, to exclusive}.
   */
  private static Instant[] datetime(Context ctx) {
    String dt = ctx.queryParam("datetime");
    if (dt == null) {
      return new Instant[2];
    }
    String[] ends = dt.split("/", -1);
    if (ends.length > 2) {
      throw new InvalidInputException("datetime", "an instant or start/end");
    }
    String last = ends[ends.length - 1];
    Instant from = open(ends[0]) ? null : TimeParams.instant(ctx, "datetime", ends[0], null);
    Instant to = open(last) ? null
        : TimeParams.instant(ctx, "datetime", last, null).plusMillis(1);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidInputException("datetime", "the interval ends before it starts");
    }
    return new Instant[] {from, to};
  }

  private static boolean open(String end) {
    return end.isEmpty() || end.equals("..");
  }

  /** The standard wants 400 for parameters the API does not define. */
  private static void onlyParams(Context ctx, Set<String> allowed) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(name)) {
        throw new InvalidInputException(name, "is not a parameter of this resource; allowed: "
            + String.join(", ", allowed));
      }
    }
    String f = ctx.queryParam("f");
    if (f != null && !f.equals("json")) {
      throw new InvalidInputException("f", "only json is offered");
    }
  }

  private static void requireBeats(Context ctx) {
    String id = ctx.pathParam("collectionId");
    if (!id.equals("beats")) {
      throw new NotFoundException("no collection " + id);
    }
  }

  private Collection beatsCollection(String b) throws SQLException {
    double[] e = beats.extent();
    return new Collection("beats", "Police beats", "Beat outlines and names (public)",
        new Extent(spatial(e), null), "feature", List.of(CRS84), collectionLinks(b + "/collections/beats"));
  }

  private Collection incidentsCollection(String b) throws SQLException {
    double[] e = incidents.extent();
    TemporalExtent temporal = e == null ? null : new TemporalExtent(List.of(List.of(
        Instant.ofEpochMilli((long) e[4]).toString(), Instant.ofEpochMilli((long) e[5])
            .toString())));
    return new Collection("incidents", "Incidents", "Point-level incidents (analysts only)",
        new Extent(spatial(e), temporal), "feature", List.of(CRS84), collectionLinks(b + "/collections/incidents"));
  }

  /** The extent {@code e} (west, south, east, north, …) or the whole world when there is none. */
  private static SpatialExtent spatial(double[] e) {
    return new SpatialExtent(List.of(e == null ? List.of(-180.0, -90.0, 180.0, 90.0)
        : List.of(e[0], e[1], e[2], e[3])), CRS84);
  }

  private static List<Link> collectionLinks(String c) {
    return List.of(new Link(c, "self", "application/json", "This collection"),
        new Link(c + "/items", "items", GEOJSON, "Its features"));
  }

  private static Feature beatFeature(BeatRepository.Beat x, String collectionUrl) {
    String id = x.agency() + ":" + x.code();
    return new Feature("Feature", id, x.geometryJson(), new BeatProperties(x.agency(), x.code(),
        x.name(), x.district()), featureLinks(collectionUrl, id));
  }

  private static Feature incidentFeature(Incident i, String collectionUrl) {
    String id = i.agency() + ":" + i.id();
    return new Feature("Feature", id, "{\"type\":\"Point\",\"coordinates\":[" + i.lon() + ","
        + i.lat() + "]}", IncidentProperties.of(i),
        featureLinks(collectionUrl, id));
  }

  /** A feature's own link and its collection's, as /req/core/f-links asks. */
  private static List<Link> featureLinks(String collectionUrl, String id) {
    return List.of(new Link(collectionUrl + "/items/" + encode(id), "self", GEOJSON, null),
        new Link(collectionUrl, "collection", "application/json", null));
  }

  private static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host() + "/ogc";
  }

  private static String selfUrl(Context ctx) {
    String q = ctx.queryString();
    return ctx.scheme() + "://" + ctx.host() + ctx.path() + (q == null ? "" : "?" + q);
  }

  private static String replaceParam(Context ctx, String name, String value) {
    StringBuilder q = new StringBuilder();
    String query = ctx.queryString();
    if (query != null) {
      for (String part : query.split("&")) {
        if (!part.isEmpty() && !part.startsWith(name + "=")) {
          q.append(part).append('&');
        }
      }
    }
    q.append(name).append('=').append(encode(value));
    return ctx.scheme() + "://" + ctx.host() + ctx.path() + "?" + q;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
