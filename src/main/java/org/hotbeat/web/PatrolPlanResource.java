package org.hotbeat.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import org.hotbeat.patrol.PatrolPlanner;
import org.hotbeat.patrol.PlanDocument;
import org.hotbeat.patrol.PlanException;
import org.hotbeat.patrol.PlanGpx;
import org.hotbeat.patrol.PlanRepository;
import org.hotbeat.patrol.PlanSummaryPage;

/**
 * Patrol plans: {@code POST /api/patrol-plans} makes and stores one; {@code GET} returns it as
 * JSON, GPX ({@code .gpx}) or a printable page ({@code .html}); the bare collection lists the
 * newest.
 */
final class PatrolPlanResource {
  private final PatrolPlanner planner;
  private final PlanRepository plans;

  PatrolPlanResource(PatrolPlanner planner, PlanRepository plans) {
    this.planner = planner;
    this.plans = plans;
  }

  void create(Context ctx) throws SQLException {
    var request = ctx.bodyAsClass(PatrolPlanBody.class).validate(System.nanoTime() & 0xffffff);
    PlanDocument plan;
    try {
      plan = planner.plan(request, AccessControl.caller(ctx).name(), ctx.body());
    } catch (PlanException e) {
      throw new ProblemException(e.status(), switch (e.status()) {
        case 404 -> "Not Found";
        case 422 -> "Unprocessable Content";
        case 413 -> "Content Too Large";
        default -> "Bad Request";
      }, e.getMessage(), List.of(new ProblemDetail.FieldError(e.field(), e.getMessage())));
    } catch (IllegalArgumentException e) {   // e.g. an area too large for a risk surface
      throw ProblemException.badRequest("area", e.getMessage());
    }
    ctx.status(201).header("Location", "/api/patrol-plans/" + plan.id()).json(plan);
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
      throw ProblemException.badRequest("limit", "must be between 1 and 500");
    }
    ctx.json(plans.recent(limit));
  }

  private PlanDocument find(Context ctx) throws SQLException {
    String id = ctx.pathParam("id");
    return plans.find(id).orElseThrow(() -> ProblemException.notFound("no patrol plan " + id));
  }
}
