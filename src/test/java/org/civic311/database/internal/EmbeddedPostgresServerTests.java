package org.civic311.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civic311.database.DatabaseProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts and stops the embedded server for real on folders in each state it may find them. */
class EmbeddedPostgresServerTests {

  private static final DatabaseProperties.Embedded FAST =
      new DatabaseProperties.Embedded(0, false, Duration.ofSeconds(20), Duration.ofSeconds(20));

  @TempDir Path dataDir;
  private final List<EmbeddedPostgresServer> servers = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    servers.forEach(EmbeddedPostgresServer::close);
    processes.forEach(Process::destroyForcibly);
    PostgresProcesses.killAll(clusterDir());
  }

  @Test
  void keeps_data_across_a_clean_restart_and_leaves_no_server_behind() throws Exception {
    EmbeddedPostgresServer first = start(FAST);
    execute(first, "create table t (v text)", "insert into t values ('kept')");
    ProcessHandle postmaster = first.postmaster().orElseThrow();

    first.close();
    servers.remove(first);

    assertThat(EmbeddedPostgresServer.isRunning(postmaster)).isFalse();
    assertThat(clusterDir().resolve("postmaster.pid")).doesNotExist();
    EmbeddedPostgresServer second = start(FAST);
    assertThat(query(second, "select v from t")).isEqualTo("kept");
  }

  @Test
  void a_durable_server_has_fsync_and_synchronous_commit_on() throws Exception {
    EmbeddedPostgresServer server =
        start(new DatabaseProperties.Embedded(0, true, Duration.ofSeconds(20), Duration.ofSeconds(20)));
    assertThat(query(server, "show fsync")).isEqualTo("on");
    assertThat(query(server, "show synchronous_commit")).isEqualTo("on");
    assertThat(query(server, "show listen_addresses")).isEqualTo("127.0.0.1");
  }

  @Test
  void starts_on_an_existing_cluster_whose_folder_was_opened_to_0755() throws Exception {
    close(start(FAST));
    Files.setPosixFilePermissions(clusterDir(), PosixFilePermissions.fromString("rwxr-xr-x"));

    EmbeddedPostgresServer server = start(FAST);

    assertThat(query(server, "select 1")).isEqualTo("1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(clusterDir())))
        .isEqualTo("rwx------");
  }

  @Test
  void a_stale_pid_file_naming_another_live_program_is_removed_and_that_program_left_alone()
      throws Exception {
    EmbeddedPostgresServer first = start(FAST);
    List<String> pidFile = Files.readAllLines(clusterDir().resolve("postmaster.pid"));
    close(first);
    Process unrelated = new ProcessBuilder("sleep", "60").start();
    processes.add(unrelated);
    List<String> stale = new ArrayList<>(pidFile);
    stale.set(0, Long.toString(unrelated.pid()));
    Files.write(clusterDir().resolve("postmaster.pid"), stale);

    EmbeddedPostgresServer server = start(FAST);

    assertThat(query(server, "select 1")).isEqualTo("1");
    assertThat(unrelated.isAlive()).isTrue();
  }

  @Test
  void a_stale_pid_file_naming_a_dead_process_is_recovered_from() throws Exception {
    EmbeddedPostgresServer first = start(FAST);
    List<String> pidFile = Files.readAllLines(clusterDir().resolve("postmaster.pid"));
    close(first);
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    List<String> stale = new ArrayList<>(pidFile);
    stale.set(0, Long.toString(gone.pid()));
    Files.write(clusterDir().resolve("postmaster.pid"), stale);

    EmbeddedPostgresServer server = start(FAST);

    assertThat(query(server, "select 1")).isEqualTo("1");
  }

  @Test
  void a_stale_pid_file_naming_an_unreaped_dead_postmaster_is_recovered_from() throws Exception {
    EmbeddedPostgresServer first = start(FAST);
    List<String> pidFile = Files.readAllLines(clusterDir().resolve("postmaster.pid"));
    close(first);
    // "sleep" never reaps the child it inherits from the shell: that child stays a zombie, like a
    // postmaster killed with -9 before init reaps it (kill(pid, 0) still succeeds on it).
    // The background sleep ends after the shell has become "sleep 60", which never reaps it.
    Process parent = new ProcessBuilder("sh", "-c", "sleep 0.3 & echo $!; exec sleep 60").start();
    processes.add(parent);
    long zombie = Long.parseLong(parent.inputReader().readLine().trim());
    await().atMost(Duration.ofSeconds(5))
        .until(() -> ProcessHandle.of(zombie).filter(h -> !EmbeddedPostgresServer.isRunning(h)).isPresent());
    List<String> stale = new ArrayList<>(pidFile);
    stale.set(0, Long.toString(zombie));
    Files.write(clusterDir().resolve("postmaster.pid"), stale);

    EmbeddedPostgresServer server = start(FAST);

    assertThat(query(server, "select 1")).isEqualTo("1");
  }

  @Test
  void a_second_server_on_the_same_folder_is_refused() {
    start(FAST);
    assertThatThrownBy(() -> start(FAST))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Another running Civic311");
  }

  // ---------------------------------------------------------------------------------------------

  private Path clusterDir() {
    return dataDir.toAbsolutePath().resolve("postgres");
  }

  private EmbeddedPostgresServer start(DatabaseProperties.Embedded settings) {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, settings);
    servers.add(server);
    return server;
  }

  private void close(EmbeddedPostgresServer server) {
    server.close();
    servers.remove(server);
  }

  private static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
        var s = c.createStatement()) {
      for (String sql : statements) s.execute(sql);
    }
  }

  private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
