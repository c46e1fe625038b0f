package org.hotbeat.cli;

/** Entry point of the {@code hotbeat} command: the CLI and the HTTP server in one JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(HotbeatCommand.commandLine(System.getenv()).execute(args));
  }
}
