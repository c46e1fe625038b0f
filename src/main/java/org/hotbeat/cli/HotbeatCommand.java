package org.hotbeat.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Map;
import org.hotbeat.HotbeatException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root of the CLI; {@link #commandLine} wires error handling and environment defaults. */
@Command(name = "hotbeat",
    mixinStandardHelpOptions = true,
    versionProvider = HotbeatCommand.Version.class,
    description = "Crime-hotspot analysis and patrol planning server.",
    subcommands = {ServeCommand.class, DemoCommand.class, MigrateCommand.class,
        TokenCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nEnvironment:%n",
    footer = {"Every option --some-name can also be set as HOTBEAT_SOME_NAME; a flag wins over the "
        + "environment, which wins over the default. HOTBEAT_LOG_LEVEL=debug logs in detail."})
public final class HotbeatCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log in detail, with stack traces.")
  void verbose(boolean on) {
    if (on) {
      ((Logger) LoggerFactory.getLogger("org.hotbeat")).setLevel(Level.DEBUG);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The CLI with defaults read from {@code env} and faults printed as one clear line. */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = new CommandLine(new HotbeatCommand());
    cl.setDefaultValueProvider(new EnvironmentDefaults(env));
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Throwable fault = e;
      while (!(fault instanceof HotbeatException) && fault.getCause() != null) {
        fault = fault.getCause();
      }
      if (fault instanceof HotbeatException) {
        commandLine.getErr().println("hotbeat: " + fault.getMessage());
        LoggerFactory.getLogger(HotbeatCommand.class).debug("details", e);
        return 1;
      }
      throw e;
    });
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = HotbeatCommand.class.getPackage().getImplementationVersion();
      return new String[] {"hotbeat " + (v == null ? "(development build)" : v)};
    }
  }
}
