package org.civic311.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic311.database.DatabaseProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes a real Civic311 database client with SIGKILL while it commits, then starts again on the
 * same folder and looks for every row whose commit had been acknowledged.
 */
class CrashDurabilityTests {

  private static final int ACKS_BEFORE_KILL = 300;
  // An upper bound, not a speed target: a child application with every module now takes longer to
  // start, and on a busy 2-core CI machine 25 s was seen to run out.
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dataDir;
  private final List<Process> children = new ArrayList<>();
  private final List<EmbeddedPostgresServer> servers = new ArrayList<>();

  @AfterEach
  void killEverythingWeStarted() {
    servers.forEach(EmbeddedPostgresServer::close);
    for (Process child : children) {
      child.destroyForcibly();
      child.onExit().join();
    }
    PostgresProcesses.killAll(clusterDir());
  }

  @Test
  void every_acknowledged_row_survives_when_only_the_app_is_killed() throws Exception {
    Victim victim = launchVictim(true);
    await().atMost(WAIT).until(() -> victim.acks.size() >= ACKS_BEFORE_KILL);
    ProcessHandle orphan = PostgresProcesses.postmasterOf(clusterDir()).orElseThrow();

    Set<Long> acknowledged = victim.kill();

    assertThat(EmbeddedPostgresServer.isRunning(orphan)).as("postgres outlives the killed JVM as an orphan").isTrue();
    // Same port as the orphan: a naive start would "succeed" by connecting to it.
    EmbeddedPostgresServer server = start(durable(victim.port.get()));
    assertThat(EmbeddedPostgresServer.isRunning(orphan)).as("the orphan was stopped").isFalse();
    assertThat(server.postmaster()).hasValueSatisfying(p -> assertThat(p.pid()).isNotEqualTo(orphan.pid()));
    assertThat(setting(server, "fsync")).isEqualTo("on");
    assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
    assertThat(storedIds(server)).containsAll(acknowledged);
  }

  @Test
  void every_acknowledged_row_survives_when_the_app_and_its_database_are_killed() throws Exception {
    Victim victim = launchVictim(true);
    await().atMost(WAIT).until(() -> victim.acks.size() >= ACKS_BEFORE_KILL);
    ProcessHandle postmaster = PostgresProcesses.postmasterOf(clusterDir()).orElseThrow();
    List<ProcessHandle> postgresChildren = postmaster.descendants().toList();
    assertThat(postgresChildren).as("backends and helpers of the postmaster").isNotEmpty();

    Set<Long> acknowledged = victim.kill();
    PostgresProcesses.killTree(postmaster);

    assertThat(clusterDir().resolve("postmaster.pid")).as("a stale pid file is left").exists();
    EmbeddedPostgresServer server = start(durable(0));
    assertThat(setting(server, "fsync")).isEqualTo("on");
    assertThat(storedIds(server)).containsAll(acknowledged);
  }

  @Test
  void a_second_live_node_on_the_same_folder_is_refused() throws Exception {
    Victim victim = launchVictim(false);
    await().atMost(WAIT).until(() -> !victim.acks.isEmpty());
    ProcessHandle postmaster = PostgresProcesses.postmasterOf(clusterDir()).orElseThrow();

    assertThatThrownBy(() -> start(durable(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Another running Civic311 uses the database folder");
    assertThat(EmbeddedPostgresServer.isRunning(postmaster)).as("the running node's server is left alone").isTrue();
    int before = victim.acks.size();
    await().atMost(WAIT).until(() -> victim.acks.size() > before + 10);
  }

  @Test
  void a_spring_application_stopped_with_sigterm_stops_its_postgres() throws Exception {
    Process app =
        launch(
            "org.civic311.Civic311Application",
            "--server.port=0",
            "--civic311.database.data-dir=" + dataDir,
            "--civic311.database.embedded.durable=false");
    AtomicInteger started = new AtomicInteger();
    readLines(app, line -> {
      if (line.contains("Started Civic311Application")) started.incrementAndGet();
    });
    await().atMost(WAIT).until(() -> started.get() > 0 || !app.isAlive());
    assertThat(app.isAlive()).as("the application started").isTrue();
    ProcessHandle postmaster = PostgresProcesses.postmasterOf(clusterDir()).orElseThrow();

    app.destroy(); // SIGTERM

    assertThat(app.waitFor(20, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> !EmbeddedPostgresServer.isRunning(postmaster));
    assertThat(clusterDir().resolve("postmaster.pid")).doesNotExist();
  }

  // ---------------------------------------------------------------------------------------------

  private Path clusterDir() {
    return dataDir.toAbsolutePath().resolve("postgres");
  }

  private static DatabaseProperties.Embedded durable(int port) {
    return new DatabaseProperties.Embedded(port, true, Duration.ofSeconds(20), Duration.ofSeconds(20));
  }

  private EmbeddedPostgresServer start(DatabaseProperties.Embedded settings) {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, settings);
    servers.add(server);
    return server;
  }

  private static String setting(EmbeddedPostgresServer server, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
        var rs = c.createStatement().executeQuery("show " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static Set<Long> storedIds(EmbeddedPostgresServer server) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
        var rs = c.createStatement().executeQuery("select id from acked")) {
      while (rs.next()) ids.add(rs.getLong(1));
    }
    return ids;
  }

  private Victim launchVictim(boolean durable) throws IOException {
    Process process =
        launch(CrashVictim.class.getName(), dataDir.toString(), Boolean.toString(durable));
    Victim victim = new Victim(process);
    victim.reader =
        readLines(process, line -> {
          if (line.startsWith("ACK ")) victim.acks.add(Long.parseLong(line.substring(4)));
          else if (line.startsWith("READY ")) victim.port.set(Integer.parseInt(line.substring(6)));
        });
    return victim;
  }

  private Process launch(String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add(mainClass);
    command.addAll(List.of(args));
    Path log = Files.createTempFile("crash-child-", ".log");
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    children.add(process);
    return process;
  }

  private static Thread readLines(Process process, java.util.function.Consumer<String> onLine) {
    return Thread.ofPlatform()
        .daemon()
        .start(() -> {
          try (var in =
              new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) onLine.accept(line);
          } catch (IOException | RuntimeException ignored) {
            // the process died mid-line: nothing more was acknowledged
          }
        });
  }

  private static final class Victim {
    final Process process;
    final Set<Long> acks = new ConcurrentSkipListSet<>();
    final AtomicInteger port = new AtomicInteger();
    Thread reader;

    Victim(Process process) {
      this.process = process;
    }

    /** SIGKILLs the JVM and returns every id it acknowledged, including those still in the pipe. */
    Set<Long> kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      reader.join(Duration.ofSeconds(10));
      assertThat(reader.isAlive()).as("the child's output was read to its end").isFalse();
      return Set.copyOf(acks);
    }
  }
}
