package org.hotbeat.web;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.hotbeat.HotbeatException;
import org.hotbeat.NotFoundException;
import org.hotbeat.access.Accounts;
import org.hotbeat.access.Role;
import org.hotbeat.access.TokenRepository;
import org.hotbeat.community.AssessmentService;
import org.hotbeat.community.AuditRepository;
import org.hotbeat.community.CommunityProblemRepository;
import org.hotbeat.community.CommunityReport;
import org.hotbeat.community.ControlCandidates;
import org.hotbeat.community.DosageService;
import org.hotbeat.community.MeetingRepository;
import org.hotbeat.community.PublicSummaries;
import org.hotbeat.community.ResponseRepository;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.evaluation.BeatReport;
import org.hotbeat.evaluation.EvaluationService;
import org.hotbeat.exports.DensitySurface;
import org.hotbeat.geo.Bbox;
import org.hotbeat.hotspots.HotspotService;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.patrol.PatrolPlanner;
import org.hotbeat.patrol.PlanRepository;
import org.hotbeat.store.AgencyRepository;
import org.hotbeat.store.BeatRepository;
import org.hotbeat.store.Database;
import org.hotbeat.store.IncidentAggregates;
import org.hotbeat.store.IncidentCorrections;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.streets.StreetNetwork;
import org.hotbeat.streets.StreetRepository;
import org.hotbeat.tiles.GiStarTiles;
import org.hotbeat.tiles.HeatService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTTP application: the route table, access control, error mapping, metrics and the
 * web map's static files. Holds no state of its own; everything comes in through {@link Services}.
 */
public final class WebApp {
  /** What the routes need, built once per process. */
  public record Services(Database database, TokenRepository tokens, IncidentRepository incidents,
      BeatRepository beats, IngestService ingest, IncidentCorrections corrections,
      StreetRepository streets, StreetNetwork streetNetwork, PlanRepository plans,
      PatrolPlanner planner, PrometheusMeterRegistry meters, Accounts accounts) {
    public static Services of(HotbeatConfig config, Database database,
        PrometheusMeterRegistry meters) {
      return of(config, database, meters, Clock.systemUTC());
    }

    /** Services whose sessions, tokens and logs read time from {@code clock}. */
    public static Services of(HotbeatConfig config, Database database,
        PrometheusMeterRegistry meters, Clock clock) {
      Accounts accounts = Accounts.create(database.dataSource(), config.access(), clock);
      StreetRepository streets = new StreetRepository(database.dataSource());
      IncidentRepository incidents = new IncidentRepository(database.dataSource());
      BeatRepository beats = new BeatRepository(database.dataSource());
      StreetNetwork network = new StreetNetwork(streets, config.graphDir());
      PlanRepository plans = new PlanRepository(database.dataSource());
      return new Services(database, accounts.tokens(), incidents, beats,
          new IngestService(database.dataSource(), Clock.systemUTC()),
          new IncidentCorrections(database.dataSource()), streets, network, plans,
          new PatrolPlanner(beats, incidents, network, streets, plans, config.limits(),
              Clock.systemUTC()),
          meters, accounts);
    }

    /** Services with the default configuration's graph directory, as most tests want them. */
    public static Services of(Database database, PrometheusMeterRegistry meters) {
      return of(HotbeatConfig.defaults(), database, meters);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(WebApp.class);

  private WebApp() {}

  public static Javalin create(HotbeatConfig config, Services services) {
    HealthResource health = new HealthResource(services.database());
    Path pages = config.webDir().resolve("public");
    SessionCookie cookie = new SessionCookie(config.access().secureCookies(),
        services.accounts().clock());
    SessionResource session = new SessionResource(services.accounts(), cookie, pages);
    AccountAdminResource accountAdmin = new AccountAdminResource(services.accounts());
    IncidentResource incidents = new IncidentResource(services.incidents());
    BeatResource beats = new BeatResource(services.beats(),
        new BeatReport(services.database().dataSource()), config.limits());
    IncidentAdminResource admin = new IncidentAdminResource(services.corrections(), Clock.systemUTC());
    EvaluationResource evaluations = new EvaluationResource(new EvaluationService(
        services.incidents(), services.beats(), config.limits()));
    DensityExportResource exports = new DensityExportResource(
        new DensitySurface(services.incidents(), config.limits().maxIncidents()), config.limits());
    IncidentAggregates aggregates = new IncidentAggregates(services.database().dataSource());
    DataSources data = new DataSources(services.incidents(), aggregates);
    HotspotResource hotspots = new HotspotResource(
        new HotspotService(services.incidents(), config.limits()),
        new GiStarTiles(services.database().dataSource()), data, config.limits());
    HeatTileResource heat = new HeatTileResource(
        new HeatService(services.incidents(), aggregates, config.limits()), data, config.limits());
    IncidentTileResource incidentTiles = new IncidentTileResource(aggregates, data);
    PublicMapResource publicMap = new PublicMapResource(aggregates, data, config.limits());
    OgcFeaturesResource ogc = new OgcFeaturesResource(services.incidents(), services.beats());
    IncidentIngestResource ingest =
        new IncidentIngestResource(services.ingest(), config.ingestLimits());
    StreetTileResource streetTiles = new StreetTileResource(services.streets());
    PatrolPlanResource patrol = new PatrolPlanResource(services.planner(), services.plans(),
        config.patrol());
    DataSource ds = services.database().dataSource();
    AssessmentResource assessments = new AssessmentResource(new AssessmentService(ds),
        new ControlCandidates(ds));
    CommunityResource community = new CommunityResource(new MeetingRepository(ds),
        new CommunityProblemRepository(ds), new ResponseRepository(ds), new AuditRepository(ds),
        new PublicSummaries(ds));
    PatrolTrackResource tracks = new PatrolTrackResource(new DosageService(ds));
    CommunityReportResource communityReport =
        new CommunityReportResource(new CommunityReport(ds, config.limits().publicMinCount()));
    RequestBudgets budgets = new RequestBudgets(config.limits());
    return Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.jsonMapper(new JsonBodies(objectMapper()));
      c.http.maxRequestSize = config.maxBodyBytes();
      c.http.prefer405over404 = true;
      c.jetty.modifyServer(server -> {
        server.insertHandler(new GracefulHandler());
        server.setErrorHandler(new JettyProblems());
        server.setStopTimeout(config.shutdownGrace().toMillis());
      });
      c.validation.register(Bbox.class, Bbox::parse);
      c.validation.register(OgcFeaturesResource.OgcBbox.class, OgcFeaturesResource.OgcBbox::parse);
      c.validation.register(LocalDate.class, LocalDate::parse);
      c.validation.register(Boolean.class, WebApp::strictBoolean);
      TimeParams.register(c, new AgencyRepository(services.database().dataSource()));
      IncidentParams.register(c);
      ExceptionMapper.register(c);
      new AccessControl(services.accounts(), cookie).register(c);
      budgets.register(c);
      c.routes.beforeMatched(QueryParams::refuseNulCharacters);
      new RequestMetrics(services.meters()).register(c);
      staticFiles(c, config.webDir());

      c.routes.apiBuilder(() -> {
        get("/health", health::get, Role.PUBLIC);
        get("/health/live", health::live, Role.PUBLIC);
        get("/health/ready", health::ready, Role.PUBLIC);
        get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
            .result(services.meters().scrape()), Role.PUBLIC);
        path("/tiles", () -> {
          get("/streets.json", streetTiles::tileJson, Role.PUBLIC);
          get("/streets/{z}/{x}/{y}.mvt", streetTiles::tile, Role.PUBLIC);
          get("/incidents.json", incidentTiles::tileJson, Role.ANALYST);
          get("/incidents/{z}/{x}/{y}.mvt", incidentTiles::tile, Role.ANALYST);
          get("/gistar.json", hotspots::gistarTileJson, Role.PUBLIC);
          get("/gistar/{z}/{x}/{y}", hotspots::gistarTile, Role.PUBLIC);
        });
        // The map's other views: pages of their own, so they can be bookmarked and projected.
        get("/community", ctx -> page(ctx, pages, "community.html"), Role.PUBLIC);
        get("/patrol", ctx -> page(ctx, pages, "patrol.html"), Role.PUBLIC);
        get("/signin", session::page, Role.PUBLIC);
        get("/admin", ctx -> page(ctx, pages, "admin.html"), Role.PUBLIC);
        path("/api", () -> {
          get("/session", session::get, Role.PUBLIC);
          post("/session", session::signIn, Role.PUBLIC);
          delete("/session", session::signOut, Role.PUBLIC);
          path("/admin", () -> {
            get("/users", accountAdmin::list, Role.ADMIN);
            post("/users", accountAdmin::create, Role.ADMIN);
            post("/users/{name}/disable", accountAdmin::disable, Role.ADMIN);
            post("/users/{name}/password", accountAdmin::setPassword, Role.ADMIN);
            get("/sign-ins", accountAdmin::signIns, Role.ADMIN);
            get("/access-log", accountAdmin::accessLog, Role.ADMIN);
          });
          get("/incidents", incidents::list, Role.ANALYST);
          get("/incidents/stats", incidents::stats, Role.ANALYST);
          get("/incidents/near", incidentTiles::near, Role.ANALYST);
          post("/incidents", ingest::post, Role.ANALYST);
          delete("/incidents/{agency}/{sourceId}", admin::delete, Role.ADMIN);
          patch("/incidents/{agency}/{sourceId}", admin::patch, Role.ADMIN);
          get("/beats", beats::list, Role.PUBLIC);
          get("/beats/{code}/report", beats::report, Role.PUBLIC);
          get("/beats/{code}/report.html", beats::reportHtml, Role.PUBLIC);
          get("/hotspots/gistar", budgets.analysis(hotspots::gistar), Role.PUBLIC);
          get("/hotspots/emerging", budgets.analysis(hotspots::emerging), Role.PUBLIC);
          get("/hotspots/change", budgets.analysis(hotspots::change), Role.ANALYST);
          get("/evaluate", budgets.analysis(evaluations::evaluate), Role.ANALYST);
          get("/heat/legend", heat::legend, Role.PUBLIC);
          get("/public/hexagons", publicMap::hexagons, Role.PUBLIC);
          get("/sources", publicMap::sources, Role.PUBLIC);
          get("/density/grid.tif", budgets.analysis(exports::geoTiff), Role.ANALYST);
          get("/density/grid.csv", budgets.analysis(exports::csv), Role.ANALYST);
          get("/density/hotspots.geojson", budgets.analysis(exports::hotspots), Role.ANALYST);
          post("/patrol-plans", budgets.analysis(patrol::create), Role.PATROL);
          get("/patrol-plans", patrol::list, Role.PATROL);
          get("/patrol-plans/defaults", patrol::defaults, Role.PATROL);
          get("/patrol-plans/{id}.gpx", patrol::gpx, Role.PATROL);
          get("/patrol-plans/{id}.html", patrol::html, Role.PATROL);
          get("/patrol-plans/{id}", patrol::get, Role.PATROL);
          post("/assessments", budgets.analysis(assessments::assess), Role.ANALYST);
          get("/assessments/control-candidates", assessments::controlCandidates, Role.ANALYST);
          path("/community", () -> {
            get("/meetings", community::listMeetings, Role.PATROL);
            post("/meetings", community::createMeeting, Role.PATROL);
            get("/meetings/{id}", community::meeting, Role.PATROL);
            patch("/meetings/{id}", community::updateMeeting, Role.PATROL);
            delete("/meetings/{id}", community::deleteMeeting, Role.ADMIN);
            get("/problems", community::listProblems, Role.PATROL);
            post("/problems", community::createProblem, Role.PATROL);
            get("/problems/{id}", community::problem, Role.PATROL);
            patch("/problems/{id}", community::updateProblem, Role.PATROL);
            delete("/problems/{id}", community::deleteProblem, Role.ADMIN);
            post("/problems/{id}/notes", community::addNote, Role.PATROL);
            post("/problems/{id}/responses", community::addResponse, Role.PATROL);
            patch("/responses/{id}", community::updateResponse, Role.PATROL);
            delete("/responses/{id}", community::deleteResponse, Role.ADMIN);
            for (String kind : List.of("problems", "notes", "responses")) {
              put("/" + kind + "/{id}/public-summary", community.publicSummary(kind), Role.PATROL);
            }
            get("/audit", community::audit, Role.ADMIN);
            get("/report/{beat}", communityReport::report, Role.PUBLIC);
          });
          post("/patrol-tracks", tracks::upload, Role.PATROL);
        });
        get("/tiles/heat/{z}/{x}/{y}", heat::tile, Role.PUBLIC);
        get("/tiles/heat.json", heat::tileJson, Role.PUBLIC);
        path("/ogc", () -> {
          get("", ogc::landing, Role.PUBLIC);
          get("/api", ogc::api, Role.PUBLIC);
          get("/conformance", ogc::conformance, Role.PUBLIC);
          get("/collections", ogc::collections, Role.PUBLIC);
          // The incidents collection before the generic one: Javalin matches in order.
          get("/collections/incidents", ogc::incidentsCollection, Role.ANALYST);
          get("/collections/incidents/items", ogc::incidentItems, Role.ANALYST);
          get("/collections/incidents/items/{featureId}", ogc::incidentItem, Role.ANALYST);
          get("/collections/{collectionId}", ogc::collection, Role.PUBLIC);
          get("/collections/{collectionId}/items", ogc::beatItems, Role.PUBLIC);
          get("/collections/{collectionId}/items/{featureId}", ogc::beatItem, Role.PUBLIC);
        });
      });
    });
  }

  /** Starts {@code app} on the configured address, turning a busy port into a clear message. */
  public static void start(Javalin app, HotbeatConfig config) {
    try {
      app.start(config.host(), config.port());
    } catch (JavalinBindException e) {
      throw new HotbeatException("port " + config.port() + " on " + config.host()
          + " is already in use: stop what uses it, or choose another with --port or HOTBEAT_PORT",
          e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof java.net.BindException || e instanceof JavalinBindException) {
        throw new HotbeatException("cannot listen on " + config.host() + ":" + config.port() + ": "
            + e.getMessage(), e);
      }
      throw e;
    }
  }

  /** {@code true} or {@code false} only: "yes" or "1" read as false once switched FDR off. */
  static Boolean strictBoolean(String s) {
    return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("'" + s + "' is not true or false");
    };
  }

  static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** Serves one of the map's HTML pages; 404 when the web map is not installed. */
  static void page(io.javalin.http.Context ctx, Path pages, String file)
      throws java.io.IOException {
    Path html = pages.resolve(file);
    if (!Files.isRegularFile(html)) {
      throw new NotFoundException("the web map is not installed (--web-dir)");
    }
    ctx.html(Files.readString(html));
  }

  private static void staticFiles(io.javalin.config.JavalinConfig c, Path webDir) {
    Path pages = webDir.resolve("public");
    Path maplibre = webDir.resolve("node_modules/maplibre-gl/dist");
    if (!Files.isDirectory(pages)) {
      log.warn("no web map at {}: the API works, the map page does not (--web-dir)", pages);
      return;
    }
    mount(c, "/", pages);
    if (Files.isDirectory(maplibre)) {
      mount(c, "/vendor/maplibre-gl", maplibre);
    } else {
      log.warn("MapLibre is not installed in {}: run 'npm ci' there (./hotbeat does)", webDir);
    }
  }

  private static void mount(io.javalin.config.JavalinConfig c, String hostedPath, Path dir) {
    c.staticFiles.add(sf -> {
      sf.hostedPath = hostedPath;
      sf.directory = dir.toString();
      sf.location = Location.EXTERNAL;
    });
  }
}
