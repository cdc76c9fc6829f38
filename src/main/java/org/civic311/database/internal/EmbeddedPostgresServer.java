package org.civic311.database.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.civic311.database.DatabaseProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a Civic311 node: one cluster in {@code <dataDir>/postgres}, started on
 * 127.0.0.1 and stopped with the application.
 *
 * <p>The zonky defaults lose committed rows on a crash ({@code fsync=off}, {@code
 * synchronous_commit=off}), so a durable server turns both on. A server left running by a Civic311
 * that was killed with {@code kill -9} is found through its {@code postmaster.pid} and stopped before
 * a new one starts, so we never talk to an orphan with old settings.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  static final String DATABASE = "civic311";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
  /** The lock file zonky holds while its server runs; a held lock means a live Civic311 uses the folder. */
  private static final String ZONKY_LOCK = "epg-lock";

  private final EmbeddedPostgres postgres;
  private final Path clusterDir;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDir) {
    this.postgres = postgres;
    this.clusterDir = clusterDir;
  }

  /** Starts (or restarts after a crash) the cluster in {@code dataDir/postgres}. */
  public static EmbeddedPostgresServer start(Path dataDir, DatabaseProperties.Embedded settings) {
    Path clusterDir = dataDir.toAbsolutePath().normalize().resolve("postgres");
    try {
      Files.createDirectories(clusterDir);
      ensureOwnerOnly(clusterDir);
      if (Files.exists(clusterDir.resolve("PG_VERSION"))) {
        // initdb wants an empty folder, so only an existing cluster is checked for earlier servers.
        refuseWhenAnotherNodeHoldsTheFolder(clusterDir);
        stopOrphanServer(clusterDir, settings);
      }
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(clusterDir)
              .setCleanDataDirectory(false)
              .setPGStartupWait(settings.startupWait())
              .setServerConfig("fsync", settings.durable() ? "on" : "off")
              .setServerConfig("synchronous_commit", settings.durable() ? "on" : "off")
              .setServerConfig("full_page_writes", settings.durable() ? "on" : "off")
              .setServerConfig("max_connections", "300")
              .setServerConfig("shared_buffers", "256MB")
              .setServerConfig("listen_addresses", "127.0.0.1");
      if (settings.port() > 0) builder.setPort(settings.port());
      EmbeddedPostgres postgres = builder.start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, clusterDir);
      server.createDatabaseIfMissing();
      log.info(
          "Embedded PostgreSQL started on 127.0.0.1:{} with its data in {} (durable commits: {})",
          postgres.getPort(),
          clusterDir,
          settings.durable() ? "on" : "off");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + clusterDir, e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  public int port() {
    return postgres.getPort();
  }

  public Path clusterDir() {
    return clusterDir;
  }

  @Override
  public void close() {
    try {
      postgres.close();
      log.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  private void createDatabaseIfMissing() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      check.setString(1, DATABASE);
      try (var rs = check.executeQuery()) {
        if (rs.next()) return;
      }
      try (var create = c.createStatement()) {
        create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database '" + DATABASE + "'", e);
    }
  }

  /** PostgreSQL refuses a cluster folder readable by others; an earlier copy or unzip may have widened it. */
  private static void ensureOwnerOnly(Path clusterDir) throws IOException {
    try {
      Set<PosixFilePermission> current = Files.getPosixFilePermissions(clusterDir);
      if (current.contains(PosixFilePermission.OTHERS_READ)
          || current.contains(PosixFilePermission.OTHERS_EXECUTE)
          || current.contains(PosixFilePermission.GROUP_WRITE)
          || current.contains(PosixFilePermission.OTHERS_WRITE)) {
        log.warn(
            "The database folder {} had permissions {}; PostgreSQL needs 0700, changing them",
            clusterDir,
            PosixFilePermissions.toString(current));
        Files.setPosixFilePermissions(clusterDir, OWNER_ONLY);
      }
    } catch (UnsupportedOperationException notPosix) {
      // Windows: no POSIX modes to fix.
    }
  }

  private static void refuseWhenAnotherNodeHoldsTheFolder(Path clusterDir) throws IOException {
    Path lockFile = clusterDir.resolve(ZONKY_LOCK);
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameJvm) {
        lock = null;
      }
      if (lock == null) {
        throw new IllegalStateException(
            "Another running Civic311 uses the database folder "
                + clusterDir
                + ". Stop it first, or give this one its own folder with CIVIC311_DATA_DIR.");
      }
      lock.release();
    }
  }

  /**
   * A Civic311 killed with {@code kill -9} leaves its postgres running on the folder. Talking to it
   * would keep its old settings and port, so we ask it for a fast shutdown (SIGINT) and wait. A stale
   * {@code postmaster.pid} whose process is gone is left for PostgreSQL, which recovers from it.
   */
  static void stopOrphanServer(Path clusterDir, DatabaseProperties.Embedded settings) {
    Optional<ProcessHandle> orphan = orphanPostmaster(clusterDir);
    if (orphan.isEmpty()) return;
    ProcessHandle postmaster = orphan.get();
    log.warn(
        "A PostgreSQL (pid {}) left behind by an earlier Civic311 still runs on {}; stopping it before starting",
        postmaster.pid(),
        clusterDir);
    signalFastShutdown(postmaster);
    long deadline = System.nanoTime() + settings.orphanStopWait().toNanos();
    while (postmaster.isAlive() && System.nanoTime() < deadline) {
      try {
        postmaster.onExit().get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        // keep waiting until the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        break;
      }
    }
    if (postmaster.isAlive()) {
      throw new IllegalStateException(
          "The PostgreSQL (pid "
              + postmaster.pid()
              + ") left running on "
              + clusterDir
              + " did not stop within "
              + settings.orphanStopWait().toSeconds()
              + " s. Stop it by hand (kill -INT "
              + postmaster.pid()
              + ") and start Civic311 again.");
    }
    log.info("The earlier PostgreSQL stopped; its data is kept");
  }

  static Optional<ProcessHandle> orphanPostmaster(Path clusterDir) {
    @Nullable Long pid = postmasterPid(clusterDir);
    if (pid == null) return Optional.empty();
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(EmbeddedPostgresServer::isPostgres);
  }

  static @Nullable Long postmasterPid(Path clusterDir) {
    Path pidFile = clusterDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) return null;
    try {
      String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
      return firstLine.isEmpty() ? null : Long.parseLong(firstLine);
    } catch (IOException | NumberFormatException unreadable) {
      return null;
    }
  }

  /** A stale pid may have been reused by an unrelated process after a reboot: only stop a postgres. */
  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.contains("postgres")).orElse(false);
  }

  private static void signalFastShutdown(ProcessHandle postmaster) {
    try {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start();
      if (kill.waitFor() == 0) return;
    } catch (IOException e) {
      log.debug("kill -INT failed: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    postmaster.destroy();
  }
}
