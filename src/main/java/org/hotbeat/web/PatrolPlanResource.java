package org.hotbeat.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.config.PatrolDefaults;
import org.hotbeat.patrol.PatrolPlanner;
import org.hotbeat.patrol.PlanDocument;
import org.hotbeat.patrol.PlanGpx;
import org.hotbeat.patrol.PlanRepository;
import org.hotbeat.patrol.PlanSummaryPage;

/**
 * Patrol plans: {@code POST /api/patrol-plans} makes and stores one; {@code GET} returns it as
 * JSON, GPX ({@code .gpx}) or a printable page ({@code .html}); the bare collection lists the
 * newest; {@code GET /api/patrol-plans/defaults} gives the defaults a request gets (for the
 * patrol page's form).
 */
final class PatrolPlanResource {
  private final PatrolPlanner planner;
  private final PlanRepository plans;
  private final PatrolDefaults defaults;

  PatrolPlanResource(PatrolPlanner planner, PlanRepository plans, PatrolDefaults defaults) {
    this.planner = planner;
    this.plans = plans;
    this.defaults = defaults;
  }

  void create(Context ctx) throws SQLException {
    PatrolPlanBody body = ctx.bodyAsClass(PatrolPlanBody.class);
    var request = body.validate(System.nanoTime() & 0xffffff, defaults,
        TimeParams.clock(ctx, body.agency()));
    PlanDocument plan = planner.plan(request, AccessControl.caller(ctx).name(), ctx.body());
    ctx.status(201).header("Location", "/api/patrol-plans/" + plan.id()).json(plan);
  }

  void defaults(Context ctx) {
    ctx.json(defaults);
  }

  void get(Context ctx) throws SQLException {
    ctx.json(find(ctx));
  }

  void gpx(Context ctx) throws SQLException {
    PlanDocument p = find(ctx);
    ctx.contentType("application/gpx+xml; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"patrol-plan-" + p.id() + ".gpx\"")
        .result(PlanGpx.write(p));
  }

  void html(Context ctx) throws SQLException {
    ctx.html(PlanSummaryPage.write(find(ctx)));
  }

  void list(Context ctx) throws SQLException {
    int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(50);
    if (limit < 1 || limit > 500) {
      throw new InvalidInputException("limit", "must be between 1 and 500");
    }
    ctx.json(plans.recent(limit));
  }

  private PlanDocument find(Context ctx) throws SQLException {
    String id = ctx.pathParam("id");
    return plans.find(id).orElseThrow(() -> new NotFoundException("no patrol plan " + id));
  }
}
