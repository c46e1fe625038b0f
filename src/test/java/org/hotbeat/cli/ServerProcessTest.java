package org.hotbeat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@code hotbeat} command in child JVMs on one embedded cluster: a second server is
 * refused, a token command joins the running one, {@code kill -9} loses nothing and the next start
 * recovers, and SIGTERM stops server and database cleanly.
 */
class ServerProcessTest {
  private final List<Process> started = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void survivesKillDashNineAndRefusesASecondServer() throws Exception {
    Path pgDir = TestDirs.fresh("process").resolve("pg");
    int port = freePort();

    Process first = hotbeat("serve", "--port", Integer.toString(port), "--pg-dir", pgDir.toString());
    awaitLine(first, "hotbeat is serving");

    Process second = hotbeat("serve", "--port", Integer.toString(freePort()),
        "--pg-dir", pgDir.toString());
    assertTrue(second.waitFor(60, TimeUnit.SECONDS));
    String secondErr = Files.readString(Path.of("target", "test-work", "process-1.err"));
    assertEquals(1, second.exitValue(), secondErr);
    assertTrue(secondErr.contains("another hotbeat (pid " + first.pid()), secondErr);
    assertFalse(secondErr.contains("\tat "), "no stack trace: " + secondErr);

    Process create = hotbeat("token", "create", "--role", "analyst", "--name", "survivor",
        "--pg-dir", pgDir.toString());
    assertTrue(create.waitFor(60, TimeUnit.SECONDS));
    String token = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, create.exitValue(), token);
    assertTrue(token.startsWith("hb_"), token);
    assertEquals(200, session(port, token).statusCode(), "the server sees the new token");

    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);   // SIGKILL: no shutdown hook runs
    assertTrue(Files.exists(pgDir.resolve("postmaster.pid")), "PostgreSQL outlived the JVM");

    Process again = hotbeat("serve", "--port", Integer.toString(port), "--pg-dir", pgDir.toString());
    awaitLine(again, "hotbeat is serving");
    HttpResponse<String> s = session(port, token);
    assertEquals(200, s.statusCode(), s.body());
    assertTrue(s.body().contains("\"name\":\"survivor\""), "the token survived: " + s.body());

    again.destroy();  // SIGTERM, as Ctrl-C or systemd would
    assertTrue(again.waitFor(60, TimeUnit.SECONDS));
    assertFalse(Files.exists(pgDir.resolve("postmaster.pid")), "the database was stopped cleanly");
  }

  private HttpResponse<String> session(int port, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }

  private Process hotbeat(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.hotbeat.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectError(Path.of("target", "test-work", "process-" + started.size() + ".err").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("HOTBEAT_"));
    Process p = pb.start();
    started.add(p);
    return p;
  }

  /**
   * Waits for a line on standard output. Each process's output is read by a thread of its own:
   * blocking reads on the common pool (one worker on two cores) can starve each other.
   */
  private void awaitLine(Process p, String expected) throws Exception {
    java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.contains(expected)) {
            seen.countDown();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "stdout-" + p.pid());
    reader.setDaemon(true);
    reader.start();
    // Generous: CI machines are shared, and a restart after kill -9 stops and starts PostgreSQL.
    boolean ok = seen.await(240, TimeUnit.SECONDS);
    assertTrue(ok, "the process did not print '" + expected + "'; its log:\n" + errLog(p));
  }

  private String errLog(Process p) {
    try {
      return Files.readString(Path.of("target", "test-work", "process-" + started.indexOf(p)
          + ".err"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
