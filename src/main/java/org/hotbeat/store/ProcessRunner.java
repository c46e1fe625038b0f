package org.hotbeat.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hotbeat.HotbeatException;

/** Runs the PostgreSQL programs, as the {@code postgres} user when this process is root. */
final class ProcessRunner {
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private final String runAs;

  /** @param runAs user to run programs as via {@code runuser}, or null for this process's user */
  ProcessRunner(String runAs) {
    this.runAs = runAs;
  }

  Result run(List<String> command, Path workDir, long timeoutSeconds) {
    List<String> full = new ArrayList<>();
    if (runAs != null) {
      full.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    full.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    // Programs run as 'postgres' cannot enter root's current directory; start them somewhere neutral.
    if (workDir == null && runAs != null) {
      pb.directory(Path.of("/").toFile());
    }
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new HotbeatException("'" + String.join(" ", command) + "' did not finish within "
            + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new HotbeatException("could not run '" + command.get(0) + "': " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HotbeatException("interrupted while running '" + command.get(0) + "'", e);
    }
  }

  /** The standard output of a short command, or empty when it cannot run or fails. */
  static Optional<String> output(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
