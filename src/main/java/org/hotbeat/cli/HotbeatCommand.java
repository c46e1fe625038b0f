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
    subcommands = {ServeCommand.class, DemoCommand.class, DemoDataCommand.class,
        MigrateCommand.class, TokenCommand.class, UserCommand.class, ImportCommand.class, EvaluateCommand.class,
        AssessCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = HotbeatCommand.ENV_HEADING,
    footer = HotbeatCommand.ENV_FOOTER)
public final class HotbeatCommand implements Runnable {
  static final String ENV_HEADING = "%nEnvironment:%n";
  static final String ENV_FOOTER = "Every option --some-name can also be set as HOTBEAT_SOME_NAME; "
      + "a flag wins over the environment, which wins over the default. "
      + "HOTBEAT_LOG_LEVEL=debug logs in detail.";

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
    forEachCommand(cl, c -> c.getCommandSpec().usageMessage().footerHeading(ENV_HEADING)
        .footer(ENV_FOOTER));
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

  private static void forEachCommand(CommandLine cl, java.util.function.Consumer<CommandLine> f) {
    f.accept(cl);
    cl.getSubcommands().values().forEach(sub -> forEachCommand(sub, f));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = HotbeatCommand.class.getPackage().getImplementationVersion();
      return new String[] {"hotbeat " + (v == null ? "(development build)" : v)};
    }
  }
}
