package org.hotbeat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotbeat.HotbeatException;
import org.hotbeat.InvalidInputException;
import org.hotbeat.access.Accounts;
import org.hotbeat.access.Passwords;
import org.hotbeat.access.Role;
import org.hotbeat.access.UserRepository;
import org.hotbeat.config.AccessSettings;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.ManagedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true,
    description = "Manage the accounts people sign in with at /signin. Works beside a running "
        + "server.",
    subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class,
        UserCommand.Disable.class, UserCommand.Password.class})
final class UserCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  interface AccountWork<T> {
    T apply(Accounts accounts) throws SQLException;
  }

  /** Runs {@code work} on the accounts of the database {@code db} names (or the running one). */
  static <T> T withAccounts(DatabaseOptions db, AccountWork<T> work) {
    try (ManagedDatabase store = ManagedDatabase.open(ConfigOptions.toConfig(db),
        EmbeddedPostgres.Sharing.JOIN_RUNNING, null)) {
      Accounts accounts = Accounts.create(store.database().dataSource(),
          AccessSettings.defaults(), Clock.systemUTC());
      try {
        return work.apply(accounts);
      } finally {
        accounts.accessLog().close();
      }
    } catch (InvalidInputException | IllegalArgumentException e) {
      throw new HotbeatException(e.getMessage());
    } catch (SQLException e) {
      throw new HotbeatException("database error: " + e.getMessage(), e);
    }
  }

  /** The role an option names, or a one-line error. */
  static Role role(String text) {
    try {
      return Role.parse(text);
    } catch (IllegalArgumentException e) {
      throw new HotbeatException(e.getMessage());
    }
  }

  /** The password: one line from standard input with --password-stdin, else a generated one. */
  static String password(boolean fromStdin) {
    if (!fromStdin) {
      return Passwords.generate();
    }
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
      if (line == null || line.isEmpty()) {
        throw new HotbeatException("--password-stdin: standard input had no password line");
      }
      return line;
    } catch (IOException e) {
      throw new HotbeatException("--password-stdin: " + e.getMessage(), e);
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create an account. Without --password-stdin a password is generated and "
          + "printed once; only its Argon2id hash is stored."})
  static final class Create implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(paramLabel = "NAME", description = "The name to sign in with, e.g. j.doe.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "analyst, patrol or admin.")
    String role;

    @Option(names = "--password-stdin",
        description = "Read the password (12 characters or more) from the first line of "
            + "standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      Role r = role(role);
      String password = password(passwordStdin);
      UserRepository.UserInfo u = withAccounts(db, a -> a.users().create(name, r, password));
      System.err.printf("created user '%s' with role %s%n", u.name(), u.role().id());
      if (!passwordStdin) {
        System.err.println("password (shown only now):");
        System.out.println(password);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Override
    public Integer call() {
      List<UserRepository.UserInfo> all = withAccounts(db, a -> a.users().list());
      System.out.printf("%-24s %-8s %-9s %-20s %s%n", "NAME", "ROLE", "STATE", "CREATED",
          "PASSWORD SET");
      for (UserRepository.UserInfo u : all) {
        System.out.printf("%-24s %-8s %-9s %-20s %s%n", u.name(), u.role().id(),
            u.active() ? "active" : "disabled", day(u.createdAt()), day(u.passwordSetAt()));
      }
      return 0;
    }

    private static String day(Instant t) {
      return t.toString().substring(0, 19);
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true,
      description = "Disable an account; its sessions end at once.")
  static final class Disable implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      if (!withAccounts(db, a -> a.users().disable(name))) {
        throw new HotbeatException("no active user '" + name + "'");
      }
      System.out.println("disabled user '" + UserRepository.normalise(name) + "'");
      return 0;
    }
  }

  @Command(name = "password", mixinStandardHelpOptions = true,
      description = "Set a new password (generated and printed once, or from standard input); "
          + "the account's sessions end and a lock-out is lifted.")
  static final class Password implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      String password = password(passwordStdin);
      if (!withAccounts(db, a -> a.signIn().setPassword(name, password, "cli"))) {
        throw new HotbeatException("no user '" + name + "'");
      }
      System.err.println("new password set for '" + UserRepository.normalise(name) + "'"
          + (passwordStdin ? "" : "; shown only now:"));
      if (!passwordStdin) {
        System.out.println(password);
      }
      return 0;
    }
  }
}
