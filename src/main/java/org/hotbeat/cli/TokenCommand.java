package org.hotbeat.cli;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotbeat.HotbeatException;
import org.hotbeat.access.Role;
import org.hotbeat.access.TokenRepository;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.ManagedDatabase;
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
    try (ManagedDatabase store = ManagedDatabase.open(ConfigOptions.toConfig(db), EmbeddedPostgres.Sharing.JOIN_RUNNING,
        null)) {
      return work.apply(new TokenRepository(store.database().dataSource()));
    } catch (SQLException e) {
      throw new HotbeatException("database error: " + e.getMessage(), e);
    }
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

    @Override
    public Integer call() {
      Role r;
      try {
        r = Role.parse(role);
      } catch (IllegalArgumentException e) {
        throw new HotbeatException(e.getMessage());
      }
      TokenRepository.NewToken t = withTokens(db, tokens -> {
        try {
          return tokens.create(name, r);
        } catch (IllegalArgumentException e) {
          throw new HotbeatException(e.getMessage());
        }
      });
      System.err.printf("created token %d '%s' with role %s; it is shown only now:%n",
          t.info().id(), t.info().name(), t.info().role().id());
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
      System.out.printf("%-5s %-24s %-8s %-8s %-20s %s%n", "ID", "NAME", "ROLE", "STATE",
          "CREATED", "LAST USED");
      for (TokenRepository.TokenInfo t : all) {
        System.out.printf("%-5d %-24s %-8s %-8s %-20s %s%n", t.id(), t.name(), t.role().id(),
            t.active() ? "active" : "revoked", t.createdAt().toString().substring(0, 19),
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
