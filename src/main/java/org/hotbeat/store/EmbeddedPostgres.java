package org.hotbeat.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    createParent(dir);

    Path lockFile = sibling(dir, ".lock");
    FileChannel channel;
    FileLock lock;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
    } catch (IOException e) {
      throw unwritable(dir.getParent(), e);
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
      writeOwner(channel);
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
    return postmasterPid(dataDir).isPresent();
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
    Optional<Long> leftOver = postmasterPid(dataDir);
    if (leftOver.isPresent()) {
      log.warn("a PostgreSQL server (pid {}) was left running in {} by a hotbeat that did not stop; "
          + "restarting it", leftOver.get(), dataDir);
      stopServer();
    }
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (Files.exists(pidFile) && postmasterPid(dataDir).isEmpty()) {
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
    String holder = readOwner(lockFile);
    Optional<Integer> runningPort = postmasterPid(dir).flatMap(pid -> postmasterPort(dir));
    if (sharing == Sharing.JOIN_RUNNING && runningPort.isPresent()) {
      log.debug("joining the cluster in {} run by {}", dir, holder);
      return new EmbeddedPostgres(dir, binaries, runner, null, null, readSecret(dir), runningPort.get());
    }
    throw new HotbeatException("another hotbeat (" + holder + ") is already using the database in "
        + dir + ": stop it first, or give this one its own --pg-dir");
  }

  private static String initialiseIfNeeded(Path dir, ProcessRunner runner, PgBinaries binaries) {
    if (Files.isRegularFile(dir.resolve("PG_VERSION"))) {
      return readSecret(dir);
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
          UserPrincipal pgUser = postgresUser(dir);
          Files.setOwner(dir, pgUser);
          Files.setOwner(pwFile, pgUser);
          letPostgresReach(dir.getParent());
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
      Path secretFile = sibling(dir, ".secret");
      Files.deleteIfExists(secretFile);
      Files.createFile(secretFile, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
      Files.writeString(secretFile, secret);
      return secret;
    } catch (IOException e) {
      throw unwritable(dir, e);
    }
  }

  /** As root the data directory belongs to 'postgres', which must be able to walk down to it. */
  private static void letPostgresReach(Path dir) throws IOException {
    for (Path p = dir; p != null; p = p.getParent()) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        Set<PosixFilePermission> more = EnumSet.copyOf(perms);
        more.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(p, more);
        log.info("granted search permission (o+x) on {} so the postgres user can reach its data", p);
      }
    }
  }

  private static UserPrincipal postgresUser(Path dir) {
    try {
      return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
    } catch (IOException e) {
      throw new HotbeatException("running as root, hotbeat runs PostgreSQL as the 'postgres' user, "
          + "which does not exist: " + PgBinaries.INSTALL_HINT, e);
    }
  }

  private static Optional<Long> postmasterPid(Path dir) {
    List<String> lines = pidFileLines(dir);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(lines.get(0).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(h -> h.info().command().map(c -> c.contains("postgres")).orElse(true))
          .map(h -> pid);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> postmasterPort(Path dir) {
    List<String> lines = pidFileLines(dir);
    try {
      return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<String> pidFileLines(Path dir) {
    try {
      return Files.readAllLines(dir.resolve("postmaster.pid"));
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String readSecret(Path dir) {
    Path secretFile = sibling(dir, ".secret");
    try {
      return Files.readString(secretFile).strip();
    } catch (IOException e) {
      throw new HotbeatException("cannot read the cluster password " + secretFile + " ("
          + e.getMessage() + "); if it is lost, move " + dir + " away to start a new cluster", e);
    }
  }

  private static void writeOwner(FileChannel channel) {
    String who = "pid " + ProcessHandle.current().pid() + ", started " + java.time.Instant.now();
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      log.debug("cannot record owner in lock file", e);
    }
  }

  private static String readOwner(Path lockFile) {
    try {
      String s = Files.readString(lockFile).strip();
      return s.isEmpty() ? "another process" : s;
    } catch (IOException e) {
      return "another process";
    }
  }

  private static void createParent(Path dir) {
    try {
      Files.createDirectories(dir.getParent());
    } catch (IOException e) {
      throw unwritable(dir.getParent(), e);
    }
    if (!Files.isWritable(dir.getParent())) {
      throw unwritable(dir.getParent(), new AccessDeniedException(dir.getParent().toString()));
    }
  }

  private static HotbeatException unwritable(Path dir, IOException e) {
    String reason = e instanceof AccessDeniedException ? "permission denied"
        : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
        : e.getMessage();
    return new HotbeatException("cannot write the database directory " + dir + " (" + reason
        + "): choose a writable one with --pg-dir or HOTBEAT_PG_DIR", e);
  }

  private static Path sibling(Path dir, String suffix) {
    return dir.resolveSibling(dir.getFileName() + suffix);
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
