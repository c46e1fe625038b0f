package org.hotbeat.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.access.AccessLogRepository;
import org.hotbeat.access.Accounts;
import org.hotbeat.access.Passwords;
import org.hotbeat.access.Role;
import org.hotbeat.access.SignInRepository;
import org.hotbeat.access.UserRepository;
import org.hotbeat.time.TimeWindow;

/**
 * The admins' routes under {@code /api/admin} (docs/access.md): user accounts (list, create,
 * disable, new password), the sign-in audit and the log of who read point-level data. A password
 * the server generates is in the answer once and never stored in clear.
 */
final class AccountAdminResource {
  record NewUser(String name, String role, String password) {}

  record NewPassword(String password) {}

  /** An account just made or reset; {@code password} only when the server generated it. */
  record Created(UserRepository.UserInfo user, String password) {}

  record Page<T>(List<T> items) {}

  private static final int MAX_ROWS = 1000;
  private final Accounts accounts;

  AccountAdminResource(Accounts accounts) {
    this.accounts = accounts;
  }

  void list(Context ctx) throws SQLException {
    ctx.json(new Page<>(accounts.users().list()));
  }

  void create(Context ctx) throws SQLException {
    NewUser body = ctx.bodyAsClass(NewUser.class);
    Role role;
    try {
      role = Role.parse(body.role() == null ? "" : body.role());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("role", e.getMessage());
    }
    boolean generate = body.password() == null || body.password().isEmpty();
    String password = generate ? Passwords.generate() : body.password();
    UserRepository.UserInfo user = accounts.users().create(body.name(), role, password);
    ctx.status(201).header("Cache-Control", "no-store")
        .json(new Created(user, generate ? password : null));
  }

  void disable(Context ctx) throws SQLException {
    if (!accounts.users().disable(ctx.pathParam("name"))) {
      throw new NotFoundException("no active user '" + ctx.pathParam("name") + "'");
    }
    ctx.status(204);
  }

  void setPassword(Context ctx) throws SQLException {
    String given = ctx.body().isBlank() ? null : ctx.bodyAsClass(NewPassword.class).password();
    boolean generate = given == null || given.isEmpty();
    String password = generate ? Passwords.generate() : given;
    String name = ctx.pathParam("name");
    if (!accounts.signIn().setPassword(name, password, "admin " + AccessControl.caller(ctx).name())) {
      throw new NotFoundException("no user '" + name + "'");
    }
    ctx.header("Cache-Control", "no-store").json(new NewPassword(generate ? password : null));
  }

  void signIns(Context ctx) throws SQLException {
    TimeWindow w = window(ctx);
    List<SignInRepository.Event> rows = accounts.signIns().list(w.from(), w.to(),
        ctx.queryParam("name"), limit(ctx));
    ctx.json(new Page<>(rows));
  }

  void accessLog(Context ctx) throws SQLException {
    TimeWindow w = window(ctx);
    List<AccessLogRepository.Entry> rows = accounts.accessLog().find(w.from(), w.to(),
        ctx.queryParam("user"), limit(ctx));
    ctx.json(new Page<>(rows));
  }

  private static TimeWindow window(Context ctx) {
    TimeWindow w = TimeParams.window(ctx, "from", "to");
    return new TimeWindow(w.from() == null ? TimeWindow.EARLIEST : w.from(),
        w.to() == null ? TimeWindow.LATEST : w.to());
  }

  private static int limit(Context ctx) {
    return ctx.queryParamAsClass("limit", Integer.class)
        .check(n -> n == null || (n >= 1 && n <= MAX_ROWS), "must be 1 to " + MAX_ROWS).getOrDefault(MAX_ROWS);
  }
}
