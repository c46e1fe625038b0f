package org.hotbeat.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hotbeat import KIND FILE}: one subcommand per kind of data. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import data into the database. Works beside a running server.",
    subcommands = {ImportIncidentsCommand.class, ImportBeatsCommand.class,
        ImportStreetsCommand.class})
final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
