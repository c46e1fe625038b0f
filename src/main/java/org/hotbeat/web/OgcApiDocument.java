package org.hotbeat.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 definition of the OGC API Features service at {@code /ogc}, as the standard's
 * {@code /req/oas30} asks. GDAL reads it to learn which query parameters exist.
 *
 * <p>Built from maps, not records: an OpenAPI document's keys are paths, parameter names and
 * status codes ({@code "/collections/{collectionId}/items"}, {@code "200"}, {@code "$ref"}), data
 * rather than a fixed shape, so records would only rename maps.
 */
final class OgcApiDocument {
  private OgcApiDocument() {}

  static Map<String, Object> build(String serverUrl) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of("title", "hotbeat OGC API - Features", "version", "1.0.0",
        "description", "Incidents (analyst token) and beats (public) as OGC API Features, "
            + "Part 1: Core, GeoJSON."));
    doc.put("servers", List.of(Map.of("url", serverUrl)));
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/", op("getLandingPage", "Landing page", List.of(ref("f")), "application/json"));
    paths.put("/conformance", op("getConformanceDeclaration", "Conformance classes",
        List.of(ref("f")), "application/json"));
    paths.put("/collections", op("getCollections", "Feature collections", List.of(ref("f")),
        "application/json"));
    paths.put("/collections/{collectionId}", op("describeCollection", "A feature collection",
        List.of(ref("collectionId"), ref("f")), "application/json"));
    paths.put("/collections/{collectionId}/items", op("getFeatures", "Features of a collection",
        List.of(ref("collectionId"), ref("bbox"), ref("datetime"), ref("limit"), ref("cursor"),
            ref("offset"), ref("f")), "application/geo+json"));
    paths.put("/collections/{collectionId}/items/{featureId}", op("getFeature", "One feature",
        List.of(ref("collectionId"), ref("featureId"), ref("f")), "application/geo+json"));
    doc.put("paths", paths);

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("collectionId", param("collectionId", "path", true, "beats or incidents",
        Map.of("type", "string")));
    params.put("featureId", param("featureId", "path", true, "agency:id of a feature",
        Map.of("type", "string")));
    Map<String, Object> bbox = param("bbox", "query", false,
        "minLon,minLat,maxLon,maxLat (WGS84)", Map.of("type", "array", "minItems", 4,
            "maxItems", 6, "items", Map.of("type", "number")));
    bbox.put("style", "form");
    bbox.put("explode", false);
    params.put("bbox", bbox);
    params.put("datetime", param("datetime", "query", false,
        "an instant or an interval a/b, open ends as ..", Map.of("type", "string")));
    params.put("limit", param("limit", "query", false, "items per page",
        Map.of("type", "integer", "minimum", 1, "maximum", 10_000, "default", 10)));
    params.put("cursor", param("cursor", "query", false, "incidents: the next page's position "
        + "(from the next link)", Map.of("type", "string")));
    params.put("offset", param("offset", "query", false, "beats: items to skip",
        Map.of("type", "integer", "minimum", 0, "default", 0)));
    params.put("f", param("f", "query", false, "output format", Map.of("type", "string",
        "enum", List.of("json"))));
    doc.put("components", Map.of("parameters", params));
    return doc;
  }

  private static Map<String, Object> op(String id, String summary, List<Object> parameters,
      String mediaType) {
    Map<String, Object> get = new LinkedHashMap<>();
    get.put("operationId", id);
    get.put("summary", summary);
    get.put("parameters", parameters);
    get.put("responses", Map.of(
        "200", Map.of("description", "OK", "content", Map.of(mediaType,
            Map.of("schema", Map.of("type", "object")))),
        "400", Map.of("description", "Bad request (application/problem+json)"),
        "401", Map.of("description", "Incidents need an analyst token"),
        "404", Map.of("description", "Not found")));
    return Map.of("get", get);
  }

  private static Map<String, Object> param(String name, String in, boolean required,
      String description, Map<String, Object> schema) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("in", in);
    p.put("required", required);
    p.put("description", description);
    p.put("schema", schema);
    return p;
  }

  private static Object ref(String name) {
    return Map.of("$ref", "#/components/parameters/" + name);
  }
}
