package org.hotbeat.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hotbeat.HotbeatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL + PostGIS cluster run from the machine's own binaries in one data
 * directory, listening on a free loopback port with a generated password.
 *
 * <p>Beside the data directory {@code D} live {@code D.lock} (held by the hotbeat process that owns
 * the cluster, released by the OS even after {@code kill -9}) and {@code D.secret} (the password,
 * mode 600). A cluster left running by a process that died is stopped and started afresh; a stale
 * {@code postmaster.pid} is removed. As root, the programs run as the {@code postgres} user because
 * {@code initdb} refuses root.
 *
 * <p>Not thread-safe: one thread starts and closes it.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  /** What to do when another process already owns the cluster. */
  public enum Sharing {
    /** Refuse: a server must own its cluster. */
    EXCLUSIVE,
    /** Connect to the running cluster as a guest (for short CLI commands beside a server). */
    JOIN_RUNNING
  }

  public static final String SUPERUSER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final Path dataDir;
  private final PgBinaries binaries;
  private final ProcessRunner runner;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final String password;
  private int port;

  private EmbeddedPostgres(Path dataDir, PgBinaries binaries, ProcessRunner runner,
      FileChannel lockChannel, FileLock lock, String password, int port) {
    this.dataDir = dataDir;
    this.binaries = binaries;
    this.runner = runner;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.password = password;
    this.port = port;
  }

  /**
   * Starts (initialising first if needed) the cluster in {@code dataDir}.
   *
   * @param durable false turns off fsync and friends: for test clusters only
   */
  public static EmbeddedPostgres start(Path dataDir, boolean durable, Sharing sharing) {
    Path dir = dataDir.toAbsolutePath().normalize();
    PgBinaries binaries = PgBinaries.locateWithPostgis();
    String runAs = isRoot() ? SUPERUSER : null;
    ProcessRunner runner = new ProcessRunner(runAs);
    ClusterFiles.createParent(dir);

    Path lockFile = ClusterFiles.sibling(dir, ".lock");
    FileChannel channel;
    FileLock lock;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
    } catch (IOException e) {
      throw ClusterFiles.unwritable(dir.getParent(), e);
    }
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new HotbeatException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      closeQuietly(channel);
      return joinOrRefuse(dir, binaries, runner, lockFile, sharing);
    }
    try {
      ClusterFiles.writeOwner(channel);
      EmbeddedPostgres pg = new EmbeddedPostgres(dir, binaries, runner, channel, lock,
          initialiseIfNeeded(dir, runner, binaries), 0);
      pg.startServer(durable);
      return pg;
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  public int port() {
    return port;
  }

  public String password() {
    return password;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** True when this process started the cluster and will stop it on {@link #close()}. */
  public boolean owner() {
    return lock != null;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates {@code name} unless it exists, optionally as a copy of {@code template}. */
  public void createDatabase(String name, String template) {
    requireName(name);
    if (template != null) {
      requireName(template);
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
      }
    } catch (SQLException e) {
      throw new HotbeatException("cannot create database " + name + ": " + e.getMessage(), e);
    }
  }

  /** Stops the cluster if this process owns it, and releases the directory. */
  @Override
  public void close() {
    if (lock == null) {
      return;
    }
    try {
      stopServer();
    } finally {
      try {
        lock.release();
      } catch (IOException e) {
        log.debug("releasing {}", lockChannel, e);
      }
      closeQuietly(lockChannel);
    }
  }

  /** True while the postmaster of this cluster runs. */
  public boolean running() {
    return ClusterFiles.postmasterPid(dataDir).isPresent();
  }

  /** Stops the server without releasing ownership, as a test of database outages needs. */
  public void stopServer() {
    if (!running()) {
      return;
    }
    ProcessRunner.Result r = runner.run(List.of(binaries.program("pg_ctl").toString(), "-D",
        dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"), null, 90);
    if (!r.ok() && running()) {
      log.warn("pg_ctl stop failed: {}", r.output().strip());
    } else {
      log.debug("stopped PostgreSQL in {}", dataDir);
    }
  }

  /** Starts the server again after {@link #stopServer()}, on the same port if it is free. */
  public void restartServer(boolean durable) {
    if (lock == null) {
      throw new IllegalStateException("only the owner can start the cluster");
    }
    startServer(durable, port);
  }

  private void startServer(boolean durable) {
    Optional<Long> leftOver = ClusterFiles.postmasterPid(dataDir);
    if (leftOver.isPresent()) {
      log.warn("a PostgreSQL server (pid {}) was left running in {} by a hotbeat that did not stop; "
          + "restarting it", leftOver.get(), dataDir);
      stopServer();
    }
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (Files.exists(pidFile) && ClusterFiles.postmasterPid(dataDir).isEmpty()) {
      log.info("removing stale {}", pidFile);
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        throw new HotbeatException("cannot remove stale " + pidFile + ": " + e.getMessage(), e);
      }
    }
    startServer(durable, 0);
  }

  private void startServer(boolean durable, int preferredPort) {
    String lastOutput = "";
    for (int attempt = 0; attempt < 5; attempt++) {
      int candidate = attempt == 0 && preferredPort > 0 ? preferredPort : freePort();
      List<String> options = new ArrayList<>(List.of("-p", Integer.toString(candidate),
          "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=''"));
      if (!durable) {
        options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off"));
      }
      ProcessRunner.Result r = runner.run(List.of(binaries.program("pg_ctl").toString(),
          "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
          "-w", "-t", "120", "-o", String.join(" ", options), "start"), null, 180);
      if (r.ok()) {
        port = candidate;
        log.info("PostgreSQL {} running in {} on 127.0.0.1:{}", binaries.majorVersion(), dataDir, port);
        return;
      }
      lastOutput = r.output() + serverLogTail();
      if (!lastOutput.contains("could not bind") && !lastOutput.contains("Address already in use")) {
        break;
      }
    }
    throw new HotbeatException("PostgreSQL did not start in " + dataDir + ":\n" + lastOutput.strip());
  }

  private String serverLogTail() {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve("server.log"));
      return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static EmbeddedPostgres joinOrRefuse(Path dir, PgBinaries binaries, ProcessRunner runner,
      Path lockFile, Sharing sharing) {
    String holder = ClusterFiles.readOwner(lockFile);
    Optional<Integer> runningPort = ClusterFiles.postmasterPid(dir).flatMap(pid -> ClusterFiles.postmasterPort(dir));
    if (sharing == Sharing.JOIN_RUNNING && runningPort.isPresent()) {
      log.debug("joining the cluster in {} run by {}", dir, holder);
      return new EmbeddedPostgres(dir, binaries, runner, null, null, ClusterFiles.readSecret(dir), runningPort.get());
    }
    throw new HotbeatException("another hotbeat (" + holder + ") is already using the database in "
        + dir + ": stop it first, or give this one its own --pg-dir");
  }

  private static String initialiseIfNeeded(Path dir, ProcessRunner runner, PgBinaries binaries) {
    if (Files.isRegularFile(dir.resolve("PG_VERSION"))) {
      return ClusterFiles.readSecret(dir);
    }
    try {
      if (Files.isDirectory(dir)) {
        try (var entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new HotbeatException(dir + " is neither empty nor a PostgreSQL data directory: "
                + "move it away or choose another --pg-dir");
          }
        }
      } else {
        Files.createDirectory(dir);
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      String secret = newSecret();
      Path pwFile = Files.createTempFile("hotbeat-initdb", ".pw");
      try {
        Files.writeString(pwFile, secret + "\n");
        if (isRoot()) {
          UserPrincipal pgUser = ClusterFiles.postgresUser(dir);
          Files.setOwner(dir, pgUser);
          Files.setOwner(pwFile, pgUser);
          ClusterFiles.letPostgresReach(dir.getParent());
        }
        log.info("initialising a PostgreSQL cluster in {}", dir);
        ProcessRunner.Result r = runner.run(List.of(binaries.program("initdb").toString(),
            "-D", dir.toString(), "-U", SUPERUSER, "-A", "scram-sha-256", "--pwfile=" + pwFile,
            "-E", "UTF8", "--no-locale", "--no-instructions"), null, 300);
        if (!r.ok()) {
          throw new HotbeatException("initdb failed in " + dir + ":\n" + r.output().strip());
        }
      } finally {
        Files.deleteIfExists(pwFile);
      }
      Path secretFile = ClusterFiles.sibling(dir, ".secret");
      Files.deleteIfExists(secretFile);
      Files.createFile(secretFile, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
      Files.writeString(secretFile, secret);
      return secret;
    } catch (IOException e) {
      throw ClusterFiles.unwritable(dir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new HotbeatException("no free loopback port for PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void requireName(String name) {
    if (!DB_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void closeQuietly(FileChannel c) {
    try {
      c.close();
    } catch (IOException e) {
      log.debug("closing lock file", e);
    }
  }
}
