package org.civic311.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the database module that need no running server. */
class PureHelpersTests {

  @TempDir Path dir;

  @Test
  void reads_pid_and_start_time_from_a_postmaster_pid_file() {
    var pidFile =
        EmbeddedPostgresServer.PidFile.parse(
            List.of("4242", "/srv/data/postgres", "1767225600", "5432", "/tmp", "127.0.0.1", "  1234  5", "ready   "));
    assertThat(pidFile).isNotNull();
    assertThat(pidFile.pid()).isEqualTo(4242L);
    assertThat(pidFile.startTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void a_pid_file_cut_short_by_a_crash_gives_a_pid_without_start_time_or_nothing() {
    assertThat(EmbeddedPostgresServer.PidFile.parse(List.of(" 77 "))).isEqualTo(new EmbeddedPostgresServer.PidFile(77, null));
    assertThat(EmbeddedPostgresServer.PidFile.parse(List.of("77", "/d", ""))).isEqualTo(new EmbeddedPostgresServer.PidFile(77, null));
    assertThat(EmbeddedPostgresServer.PidFile.parse(List.of())).isNull();
    assertThat(EmbeddedPostgresServer.PidFile.parse(List.of(""))).isNull();
    assertThat(EmbeddedPostgresServer.PidFile.parse(List.of("garbage"))).isNull();
    assertThat(EmbeddedPostgresServer.PidFile.parse(List.of("-1"))).isNull();
  }

  @Test
  void reads_the_pid_from_the_file_in_a_folder() throws Exception {
    assertThat(EmbeddedPostgresServer.postmasterPid(dir)).isNull();
    Files.writeString(dir.resolve("postmaster.pid"), "123\n/x\n");
    assertThat(EmbeddedPostgresServer.postmasterPid(dir)).isEqualTo(123L);
  }

  @Test
  void this_jvm_is_not_a_postmaster_even_when_a_pid_file_names_it() {
    var self = new EmbeddedPostgresServer.PidFile(ProcessHandle.current().pid(), null);
    assertThat(EmbeddedPostgresServer.isPostmasterOf(ProcessHandle.current(), self)).isFalse();
  }

  @Test
  void an_exited_process_is_not_running() throws Exception {
    Process child = new ProcessBuilder("sh", "-c", "exit 0").start();
    // An exited process, zombie or reaped, is not running; this JVM still is.
    org.awaitility.Awaitility.await().until(() -> !EmbeddedPostgresServer.isRunning(child.toHandle()));
    assertThat(EmbeddedPostgresServer.isRunning(ProcessHandle.current())).isTrue();
  }

  @Test
  void narrows_a_folder_open_to_others_to_0700() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(EmbeddedPostgresServer.ensureOwnerOnly(dir)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
  }

  @Test
  void leaves_0700_and_0750_folders_alone() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    assertThat(EmbeddedPostgresServer.ensureOwnerOnly(dir)).isFalse();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
    assertThat(EmbeddedPostgresServer.ensureOwnerOnly(dir)).isFalse();
  }

  @Test
  void removes_passwords_from_jdbc_urls() {
    assertThat(DatabaseConfiguration.redact("jdbc:postgresql://db:5432/civic?user=app&password=s3cret&sslmode=require"))
        .isEqualTo("jdbc:postgresql://db:5432/civic?user=app&password=***&sslmode=require")
        .doesNotContain("s3cret");
    assertThat(DatabaseConfiguration.redact("jdbc:postgresql://db/civic?PASSWORD=a;b&x=1")).doesNotContain("a;b").doesNotContain("=a");
    assertThat(DatabaseConfiguration.redact("jdbc:postgresql://app:s3cret@db:5432/civic"))
        .isEqualTo("jdbc:postgresql://app:***@db:5432/civic");
    assertThat(DatabaseConfiguration.redact("jdbc:postgresql://db/civic?sslpassword=k3y")).doesNotContain("k3y");
    assertThat(DatabaseConfiguration.redact("jdbc:postgresql://db:5432/civic")).isEqualTo("jdbc:postgresql://db:5432/civic");
    assertThat(DatabaseConfiguration.redact(null)).isEmpty();
  }
}
