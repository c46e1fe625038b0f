package org.hotbeat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.hotbeat.HotbeatException;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.config.IngestLimits;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HotbeatCommandTest {
  record Run(int code, String out, String err) {}

  /** Runs the CLI in this JVM with {@code env} as its environment, capturing what it prints. */
  static Run run(Map<String, String> env, String... args) {
    CommandLine cl = HotbeatCommand.commandLine(env);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static HotbeatConfig serveConfig(Map<String, String> env, String... args) {
    CommandLine cl = HotbeatCommand.commandLine(env);
    CommandLine.ParseResult pr = cl.parseArgs(args);
    ServeCommand serve = (ServeCommand) pr.subcommand().commandSpec().userObject();
    return ConfigOptions.toConfig(serve.db, serve.server, serve.streets, serve.limits);
  }

  @Test
  void ingestLimitsComeFromFlagThenEnvironmentThenDefault() {
    CommandLine cl = HotbeatCommand.commandLine(Map.of("HOTBEAT_MAX_INGEST_ROWS", "5000",
        "HOTBEAT_MAX_INGEST_FIELD_CHARS", "999"));
    ServeCommand serve = (ServeCommand) cl.parseArgs("serve", "--max-ingest-field-chars", "4000")
        .subcommand().commandSpec().userObject();
    IngestLimits limits = ConfigOptions.toConfig(serve.db, serve.server, serve.streets,
        serve.limits, serve.ingest).ingestLimits();
    assertEquals(new IngestLimits(IngestLimits.DEFAULTS.maxBytes(),
        IngestLimits.DEFAULTS.maxLineChars(), 4000, 5000), limits);
    assertThrows(HotbeatException.class, () -> new IngestLimits(1L << 20, 100, 300, 10),
        "a line must hold a field");
  }

  @Test
  void optionsComeFromFlagThenEnvironmentThenDefault() {
    Map<String, String> env = Map.of("HOTBEAT_PORT", "9001", "HOTBEAT_DB_POOL_SIZE", "3",
        "HOTBEAT_DB_URL", "jdbc:postgresql://db.example/hotbeat");
    HotbeatConfig fromEnv = serveConfig(env, "serve");
    assertEquals(9001, fromEnv.port());
    assertEquals(3, fromEnv.dbPoolSize());
    assertEquals("jdbc:postgresql://db.example/hotbeat", fromEnv.dbUrl());
    assertEquals("127.0.0.1", fromEnv.host(), "unset variables keep the default");
    assertEquals(300, serveConfig(Map.of("HOTBEAT_PUBLIC_MIN_BANDWIDTH", "300"), "serve")
        .limits().publicMinBandwidthMetres(), "limits are options like the others");

    HotbeatConfig flagWins = serveConfig(env, "serve", "--port", "9002");
    assertEquals(9002, flagWins.port());

    HotbeatConfig defaults = serveConfig(Map.of(), "serve");
    assertEquals(HotbeatConfig.defaults(), defaults);
  }

  @Test
  void helpListsEveryOptionWithItsDescriptionAndTheEnvironmentRule() {
    Run r = run(Map.of(), "serve", "--help");
    assertEquals(0, r.code());
    for (String option : new String[] {"--host", "--port", "--web-dir", "--max-body-mib",
        "--shutdown-grace-seconds", "--db-url", "--db-user", "--db-password", "--db-pool-size",
        "--pg-dir"}) {
      assertTrue(r.out().contains(option), option + " in\n" + r.out());
    }
    assertTrue(r.out().contains("Default: 8080"), r.out());
    assertTrue(r.out().contains("HOTBEAT_SOME_NAME"), r.out());
  }

  @Test
  void anUnknownFlagIsAUsageErrorNotACrash() {
    Run r = run(Map.of(), "serve", "--prot", "80");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown options: '--prot'"), r.err());
  }

  @Test
  void aBadValueGetsOneLineNamingTheOptionAndNoStackTrace() {
    Run r = run(Map.of(), "serve", "--port", "70000");
    assertEquals(1, r.code());
    assertEquals("hotbeat: invalid configuration: --port must be between 0 and 65535, got 70000",
        r.err().strip());

    Run fromEnv = run(Map.of("HOTBEAT_PORT", "eighty"), "serve");
    assertEquals(2, fromEnv.code());
    assertTrue(fromEnv.err().contains("'eighty' is not an int"), fromEnv.err());
    assertFalse(fromEnv.err().contains("\tat "), fromEnv.err());
  }

  @Test
  void anUnknownRoleIsRefusedBeforeTouchingTheDatabase() {
    Run r = run(Map.of("HOTBEAT_PG_DIR", "target/test-work/never-created/pg"),
        "token", "create", "--role", "sergeant", "--name", "x");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("unknown role 'sergeant'"), r.err());
    assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("target/test-work/never-created")));
  }
}
