package org.hotbeat.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotbeat.HotbeatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of an embedded cluster's data directory {@code D} and beside it: {@code D.lock}
 * (who owns the cluster), {@code D.secret} (its password), the postmaster's {@code
 * postmaster.pid} inside, and the permissions the {@code postgres} user needs when hotbeat runs
 * as root. Reading a file that is missing or garbled gives "nothing known", never an error,
 * since a crashed cluster leaves them so. Stateless.
 */
final class ClusterFiles {
  private static final Logger log = LoggerFactory.getLogger(ClusterFiles.class);

  private ClusterFiles() {}

  /** As root the data directory belongs to 'postgres', which must be able to walk down to it. */
  static void letPostgresReach(Path dir) throws IOException {
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

  static UserPrincipal postgresUser(Path dir) {
    try {
      return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(EmbeddedPostgres.SUPERUSER);
    } catch (IOException e) {
      throw new HotbeatException("running as root, hotbeat runs PostgreSQL as the 'postgres' user, "
          + "which does not exist: " + PgBinaries.INSTALL_HINT, e);
    }
  }

  static Optional<Long> postmasterPid(Path dir) {
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

  static Optional<Integer> postmasterPort(Path dir) {
    List<String> lines = pidFileLines(dir);
    try {
      return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static List<String> pidFileLines(Path dir) {
    try {
      return Files.readAllLines(dir.resolve("postmaster.pid"));
    } catch (IOException e) {
      return List.of();
    }
  }

  static String readSecret(Path dir) {
    Path secretFile = sibling(dir, ".secret");
    try {
      return Files.readString(secretFile).strip();
    } catch (IOException e) {
      throw new HotbeatException("cannot read the cluster password " + secretFile + " ("
          + e.getMessage() + "); if it is lost, move " + dir + " away to start a new cluster", e);
    }
  }

  static void writeOwner(FileChannel channel) {
    String who = "pid " + ProcessHandle.current().pid() + ", started " + java.time.Instant.now();
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      log.debug("cannot record owner in lock file", e);
    }
  }

  static String readOwner(Path lockFile) {
    try {
      String s = Files.readString(lockFile).strip();
      return s.isEmpty() ? "another process" : s;
    } catch (IOException e) {
      return "another process";
    }
  }

  static void createParent(Path dir) {
    try {
      Files.createDirectories(dir.getParent());
    } catch (IOException e) {
      throw unwritable(dir.getParent(), e);
    }
    if (!Files.isWritable(dir.getParent())) {
      throw unwritable(dir.getParent(), new AccessDeniedException(dir.getParent().toString()));
    }
  }

  static HotbeatException unwritable(Path dir, IOException e) {
    String reason = e instanceof AccessDeniedException ? "permission denied"
        : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
        : e.getMessage();
    return new HotbeatException("cannot write the database directory " + dir + " (" + reason
        + "): choose a writable one with --pg-dir or HOTBEAT_PG_DIR", e);
  }

  static Path sibling(Path dir, String suffix) {
    return dir.resolveSibling(dir.getFileName() + suffix);
  }
}
