package org.hotbeat.cli;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotbeat.HotbeatException;
import org.hotbeat.access.Role;
import org.hotbeat.access.TokenRepository;
import org.hotbeat.config.AccessSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Manage API tokens (Authorization: Bearer TOKEN). Works beside a running server.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class,
        TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static <T> T withTokens(DatabaseOptions db, TokenWork<T> work) {
    return UserCommand.withAccounts(db, accounts -> work.apply(accounts.tokens()));
  }

  interface TokenWork<T> {
    T apply(TokenRepository tokens) throws SQLException;
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token and print it once (only its hash is stored).")
  static final class Create implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "analyst, patrol or admin.")
    String role;

    @Option(names = "--name", required = true, paramLabel = "NAME",
        description = "Who or what holds the token, e.g. 'j.doe' or 'night-shift tablet'.")
    String name;

    @Option(names = "--read-only",
        description = "Scope read-only: refused (403) on POST, PUT, PATCH and DELETE.")
    boolean readOnly;

    @Option(names = {"--days", "--" + AccessSettings.TOKEN_DAYS}, paramLabel = "DAYS",
        description = "Days until the token expires. Default: ${DEFAULT-VALUE}.")
    long days = AccessSettings.defaults().tokenLifetime().toDays();

    @Override
    public Integer call() {
      Role r = UserCommand.role(role);
      TokenRepository.NewToken t = withTokens(db, tokens -> tokens.create(name, r, readOnly
          ? TokenRepository.Scope.READ_ONLY : TokenRepository.Scope.FULL, Duration.ofDays(days)));
      System.err.printf("created token %d '%s' with role %s, scope %s, expiring %s; it is shown "
          + "only now (send it as 'Authorization: Bearer TOKEN', never in a URL):%n",
          t.info().id(), t.info().name(), t.info().role().id(), t.info().scope().id(),
          t.info().expiresAt().toString().substring(0, 19));
      System.out.println(t.secret());
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens.")
  static final class ListTokens implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Override
    public Integer call() {
      List<TokenRepository.TokenInfo> all = withTokens(db, TokenRepository::list);
      Instant now = Instant.now();
      System.out.printf("%-5s %-24s %-8s %-9s %-8s %-20s %-20s %s%n", "ID", "NAME", "ROLE",
          "SCOPE", "STATE", "CREATED", "EXPIRES", "LAST USED");
      for (TokenRepository.TokenInfo t : all) {
        System.out.printf("%-5d %-24s %-8s %-9s %-8s %-20s %-20s %s%n", t.id(), t.name(),
            t.role().id(), t.scope().id(), t.revokedAt() != null ? "revoked"
                : t.active(now) ? "active" : "expired",
            t.createdAt().toString().substring(0, 19), t.expiresAt().toString().substring(0, 19),
            t.lastUsedAt() == null ? "never" : t.lastUsedAt().toString().substring(0, 19));
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke the active tokens with this id or name; they stop working at once.")
  static final class Revoke implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(paramLabel = "ID|NAME")
    String idOrName;

    @Override
    public Integer call() {
      int n = withTokens(db, tokens -> tokens.revoke(idOrName));
      if (n == 0) {
        throw new HotbeatException("no active token has id or name '" + idOrName + "'");
      }
      System.out.println("revoked " + n + " token" + (n == 1 ? "" : "s"));
      return 0;
    }
  }
}
