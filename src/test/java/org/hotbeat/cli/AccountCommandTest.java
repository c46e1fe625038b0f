package org.hotbeat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.hotbeat.access.Accounts;
import org.hotbeat.access.SignInService;
import org.hotbeat.config.AccessSettings;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code hotbeat user …} and the access options, run in this JVM against a real database. */
class AccountCommandTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();

  private Map<String, String> env() {
    return Map.of("HOTBEAT_DB_URL", db.jdbcUrl(), "HOTBEAT_DB_USER", db.user(),
        "HOTBEAT_DB_PASSWORD", db.password());
  }

  /** Runs the CLI with {@code stdin}, returning what it printed on standard output. */
  private String run(String stdin, int expectedCode, String... args) {
    PrintStream out = System.out;
    InputStream in = System.in;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      HotbeatCommandTest.Run r = HotbeatCommandTest.run(env(), args);
      assertEquals(expectedCode, r.code(), r.err());
    } finally {
      System.setOut(out);
      System.setIn(in);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private SignInService.Result signIn(String name, String password) throws Exception {
    Accounts accounts = Accounts.create(db.dataSource(), AccessSettings.defaults(),
        Clock.systemUTC());
    try {
      return accounts.signIn().signIn(name, password, "test");
    } finally {
      accounts.accessLog().close();
    }
  }

  @Test
  void createPrintsAGeneratedPasswordOnceAndPasswordReadsANewOneFromStandardInput()
      throws Exception {
    String generated = run("", 0, "user", "create", "J.Doe", "--role", "analyst").strip();
    assertTrue(generated.length() >= 20, generated);
    assertInstanceOf(SignInService.SignedIn.class, signIn("j.doe", generated));

    String printed = run("a new password from stdin\n", 0, "user", "password", "j.doe",
        "--password-stdin");
    assertFalse(printed.contains("a new password"), "a password read is not echoed");
    assertInstanceOf(SignInService.Refused.class, signIn("j.doe", generated));
    assertInstanceOf(SignInService.SignedIn.class, signIn("j.doe", "a new password from stdin"));

    run("", 0, "user", "disable", "j.doe");
    assertTrue(run("", 0, "user", "list").matches("(?s).*j\\.doe\\s+analyst\\s+disabled.*"));
    assertInstanceOf(SignInService.Refused.class, signIn("j.doe", "a new password from stdin"));
  }

  @Test
  void badInputIsOneLine() {
    run("short\n", 1, "user", "create", "x", "--role", "patrol", "--password-stdin");
    run("", 1, "user", "create", "x", "--role", "sergeant");
    run("", 1, "user", "disable", "nobody");
  }

  @Test
  void tokensCanBeMadeReadOnlyWithTheirOwnLifetime() {
    String token = run("", 0, "token", "create", "--role", "analyst", "--name", "qgis",
        "--read-only", "--days", "7").strip();
    assertTrue(token.startsWith("hb_"), token);
    String list = run("", 0, "token", "list");
    assertTrue(list.matches("(?s).*qgis\\s+analyst\\s+read-only\\s+active.*"), list);
  }

  @Test
  void accessOptionsComeFromFlagOrEnvironmentAndAreChecked() {
    CommandLine cl = HotbeatCommand.commandLine(Map.of("HOTBEAT_SESSION_IDLE_MINUTES", "10"));
    CommandLine.ParseResult pr = cl.parseArgs("serve", "--lockout-failures", "3",
        "--secure-cookies");
    ServeCommand serve = (ServeCommand) pr.subcommand().commandSpec().userObject();
    HotbeatConfig config = ConfigOptions.toConfig(serve.db, serve.server, serve.streets,
        serve.limits, serve.ingest, serve.patrol, serve.access);
    assertEquals(Duration.ofMinutes(10), config.access().sessionIdle());
    assertEquals(3, config.access().lockoutFailures());
    assertTrue(config.access().secureCookies());
    assertEquals(Duration.ofDays(90), config.access().tokenLifetime());

    HotbeatCommandTest.Run bad = HotbeatCommandTest.run(Map.of(), "serve",
        "--session-idle-minutes", "0");
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("--session-idle-minutes must be 1 to 1440"), bad.err());
  }
}
