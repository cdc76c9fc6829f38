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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * a new one starts, so we never talk to an orphan with old settings; after the start we check that
 * the server answering on our port is the one on our folder, with our settings.
 *
 * <p>No JVM shutdown hook is registered: the owner (Spring, on SIGTERM too) calls {@link #close()}
 * after the connection pool is closed, so a graceful shutdown can still use the database.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  static final String DATABASE = "civic311";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
  /** The lock file zonky holds while its server runs; a held lock means a live Civic311 uses the folder. */
  private static final String ZONKY_LOCK = "epg-lock";
  /** How far a process start may be from the start time written in postmaster.pid to be that postmaster. */
  private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(10);

  private final EmbeddedPostgres postgres;
  private final Path clusterDir;
  private final @Nullable ProcessHandle postmaster;
  private final Duration stopWait;

  private EmbeddedPostgresServer(
      EmbeddedPostgres postgres, Path clusterDir, @Nullable ProcessHandle postmaster, Duration stopWait) {
    this.postgres = postgres;
    this.clusterDir = clusterDir;
    this.postmaster = postmaster;
    this.stopWait = stopWait;
  }

  /** Starts (or restarts after a crash) the cluster in {@code dataDir/postgres}. */
  public static EmbeddedPostgresServer start(Path dataDir, DatabaseProperties.Embedded settings) {
    Path clusterDir = dataDir.toAbsolutePath().normalize().resolve("postgres");
    try {
      if (!Files.isDirectory(clusterDir)) {
        Files.createDirectories(clusterDir.getParent());
        createOwnerOnly(clusterDir);
      }
      ensureOwnerOnly(clusterDir);
      if (Files.exists(clusterDir.resolve("PG_VERSION"))) {
        // initdb wants an empty folder, so only an existing cluster is checked for earlier servers.
        refuseWhenAnotherNodeHoldsTheFolder(clusterDir);
        stopOrphanServer(clusterDir, settings);
      }
      String onOff = settings.durable() ? "on" : "off";
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(clusterDir)
              .setCleanDataDirectory(false)
              // Spring stops the server after the pool; zonky's own hook would stop it during a
              // graceful shutdown, under requests still running.
              .setRegisterShutdownHook(false)
              .setPGStartupWait(settings.startupWait())
              .setServerConfig("fsync", onOff)
              .setServerConfig("synchronous_commit", onOff)
              .setServerConfig("full_page_writes", onOff)
              .setServerConfig("max_connections", "300")
              .setServerConfig("shared_buffers", "256MB")
              .setServerConfig("listen_addresses", "127.0.0.1");
      if (settings.port() > 0) builder.setPort(settings.port());
      EmbeddedPostgres postgres = builder.start();
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(
              postgres, clusterDir, livePostmaster(clusterDir).orElse(null), settings.orphanStopWait());
      try {
        server.checkItIsOurs(settings.durable());
        server.createDatabaseIfMissing();
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      log.info(
          "Embedded PostgreSQL started on 127.0.0.1:{} with its data in {} (durable commits: {})",
          postgres.getPort(),
          clusterDir,
          onOff);
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

  /** The postmaster process, when it could be found through postmaster.pid. */
  public Optional<ProcessHandle> postmaster() {
    return Optional.ofNullable(postmaster);
  }

  /** Stops the server ({@code pg_ctl stop -m fast}) and waits until its postmaster has exited. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
    // pg_ctl gives up after 5 s while the shutdown checkpoint may still be writing: wait for it, so
    // the next start does not find a half-stopped server.
    if (postmaster != null && !waitForExit(postmaster, stopWait)) {
      log.warn(
          "The embedded PostgreSQL (pid {}) still runs {} s after it was asked to stop",
          postmaster.pid(),
          stopWait.toSeconds());
      return;
    }
    log.info("Embedded PostgreSQL stopped");
  }

  /**
   * zonky only checks that something answers on the port; make sure it is the server on our folder,
   * started with our settings (not, say, an orphan of an earlier run that kept the port).
   */
  private void checkItIsOurs(boolean durable) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "select current_setting('data_directory'), current_setting('fsync'),"
                    + " current_setting('synchronous_commit'), pg_postmaster_start_time()")) {
      rs.next();
      Path served = Path.of(rs.getString(1));
      String fsync = rs.getString(2);
      String syncCommit = rs.getString(3);
      String expected = durable ? "on" : "off";
      boolean sameFolder = Files.isSameFile(served, clusterDir);
      if (!sameFolder || !fsync.equals(expected) || !syncCommit.equals(expected)) {
        throw new IllegalStateException(
            "The PostgreSQL answering on 127.0.0.1:"
                + postgres.getPort()
                + " is not the one just started on "
                + clusterDir
                + " (it serves "
                + served
                + " with fsync="
                + fsync
                + ", synchronous_commit="
                + syncCommit
                + "). Stop it, or choose another port with CIVIC311_EMBEDDED_DATABASE_PORT.");
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Could not check the embedded PostgreSQL on " + clusterDir, e);
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

  /**
   * PostgreSQL refuses a cluster folder that others may read or that the group may write (an
   * existing cluster at 0755 does not start); an earlier copy or unzip may have widened it.
   *
   * @return true when the mode was changed
   */
  /** A new cluster folder is private from the start, so a first start logs no permission warning. */
  private static void createOwnerOnly(Path clusterDir) throws IOException {
    try {
      Files.createDirectory(clusterDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createDirectory(clusterDir);
    }
  }

  static boolean ensureOwnerOnly(Path clusterDir) throws IOException {
    try {
      Set<PosixFilePermission> current = Files.getPosixFilePermissions(clusterDir);
      if (current.contains(PosixFilePermission.OTHERS_READ)
          || current.contains(PosixFilePermission.OTHERS_EXECUTE)
          || current.contains(PosixFilePermission.OTHERS_WRITE)
          || current.contains(PosixFilePermission.GROUP_WRITE)) {
        log.warn(
            "The database folder {} had permissions {}; PostgreSQL needs 0700, changing them",
            clusterDir,
            PosixFilePermissions.toString(current));
        Files.setPosixFilePermissions(clusterDir, OWNER_ONLY);
        return true;
      }
      return false;
    } catch (UnsupportedOperationException notPosix) {
      return false; // Windows: no POSIX modes to fix.
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
   * {@code postmaster.pid}, whose process has exited or whose pid now belongs to another program
   * (after a reboot or in a container), is removed, as PostgreSQL would refuse to start while that
   * pid lives; that program is left alone.
   */
  static void stopOrphanServer(Path clusterDir, DatabaseProperties.Embedded settings) {
    @Nullable PidFile pidFile = PidFile.read(clusterDir);
    if (pidFile == null) return;
    Optional<ProcessHandle> process =
        ProcessHandle.of(pidFile.pid()).filter(EmbeddedPostgresServer::isRunning);
    if (process.isEmpty()) {
      // A crash. PostgreSQL would remove the file itself, but not while the dead postmaster is a
      // zombie not yet reaped by init (kill(pid, 0) still succeeds): remove it for it. Backends that
      // outlived their postmaster are still caught by PostgreSQL's own shared-memory check.
      log.info(
          "{} names pid {}, which has exited (a crash): removing the stale file; PostgreSQL will"
              + " recover from its log",
          clusterDir.resolve(PidFile.NAME),
          pidFile.pid());
      removeStalePidFile(clusterDir);
      return;
    }
    if (!isPostmasterOf(process.get(), pidFile)) {
      log.warn(
          "{} names pid {}, which is now another program ({}): removing the stale file and leaving that"
              + " program alone",
          clusterDir.resolve(PidFile.NAME),
          pidFile.pid(),
          process.get().info().command().orElse("unknown"));
      removeStalePidFile(clusterDir);
      return;
    }
    ProcessHandle postmaster = process.get();
    log.warn(
        "A PostgreSQL (pid {}) left behind by an earlier Civic311 still runs on {}; stopping it before"
            + " starting",
        postmaster.pid(),
        clusterDir);
    signalFastShutdown(postmaster);
    if (!waitForExit(postmaster, settings.orphanStopWait())) {
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

  private static void removeStalePidFile(Path clusterDir) {
    try {
      Files.deleteIfExists(clusterDir.resolve(PidFile.NAME));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove the stale " + PidFile.NAME + " in " + clusterDir, e);
    }
  }

  /** The live postmaster of the folder, if postmaster.pid names one. */
  static Optional<ProcessHandle> livePostmaster(Path clusterDir) {
    @Nullable PidFile pidFile = PidFile.read(clusterDir);
    if (pidFile == null) return Optional.empty();
    return ProcessHandle.of(pidFile.pid())
        .filter(EmbeddedPostgresServer::isRunning)
        .filter(p -> isPostmasterOf(p, pidFile));
  }

  static @Nullable Long postmasterPid(Path clusterDir) {
    @Nullable PidFile pidFile = PidFile.read(clusterDir);
    return pidFile == null ? null : pidFile.pid();
  }

  /**
   * A pid in a stale file may have been reused: only a {@code postgres} executable that started when
   * the file says its postmaster started is that postmaster.
   */
  static boolean isPostmasterOf(ProcessHandle process, PidFile pidFile) {
    ProcessHandle.Info info = process.info();
    boolean postgres =
        info.command()
            .map(c -> Path.of(c).getFileName().toString().equals("postgres"))
            .orElseGet(() -> info.commandLine().map(c -> c.contains("postgres")).orElse(false));
    if (!postgres) return false;
    Optional<Instant> started = info.startInstant();
    if (started.isEmpty() || pidFile.startTime() == null) return true;
    return Duration.between(pidFile.startTime(), started.get()).abs().compareTo(START_TIME_TOLERANCE) <= 0;
  }

  /**
   * Waits until the process has exited. A postmaster is not our child: once it exits it stays a
   * zombie until init reaps it, which {@link ProcessHandle#isAlive()} counts as alive, so its state
   * is read from {@code /proc} too.
   */
  static boolean waitForExit(ProcessHandle process, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (isRunning(process)) {
      if (System.nanoTime() > deadline) return false;
      try {
        process.onExit().get(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        // look again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !isRunning(process);
      } catch (ExecutionException e) {
        return !isRunning(process);
      }
    }
    return true;
  }

  /** Alive and not a zombie (exited, waiting to be reaped by its parent). */
  static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) return false;
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      int afterName = stat.lastIndexOf(')');
      return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
    } catch (IOException | RuntimeException noProc) {
      return process.isAlive(); // no /proc (macOS) or the process is gone
    }
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
    postmaster.destroy(); // SIGTERM: a smart shutdown, slower but as safe
  }

  /**
   * The first lines of {@code postmaster.pid}: the postmaster's pid, its data folder and its start
   * time (seconds since the epoch).
   */
  record PidFile(long pid, @Nullable Instant startTime) {
    static final String NAME = "postmaster.pid";

    static @Nullable PidFile read(Path clusterDir) {
      Path file = clusterDir.resolve(NAME);
      if (!Files.isRegularFile(file)) return null;
      try {
        return parse(Files.readAllLines(file));
      } catch (IOException | UncheckedIOException unreadable) {
        return null;
      }
    }

    static @Nullable PidFile parse(List<String> lines) {
      if (lines.isEmpty()) return null;
      try {
        long pid = Long.parseLong(lines.get(0).trim());
        if (pid <= 0) return null;
        @Nullable Instant start = null;
        if (lines.size() > 2) {
          try {
            start = Instant.ofEpochSecond(Long.parseLong(lines.get(2).trim()));
          } catch (NumberFormatException noStartTime) {
            start = null;
          }
        }
        return new PidFile(pid, start);
      } catch (NumberFormatException notAPid) {
        return null;
      }
    }
  }
}
