package org.civic311.database.internal;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers to find and kill the PostgreSQL processes of a cluster folder. */
final class PostgresProcesses {

  private PostgresProcesses() {}

  /** The live postmaster named by the folder's postmaster.pid. */
  static Optional<ProcessHandle> postmasterOf(Path clusterDir) {
    return EmbeddedPostgresServer.livePostmaster(clusterDir);
  }

  /** SIGKILLs the postmaster of the folder and all its children (backends, checkpointer, ...). */
  static void killAll(Path clusterDir) {
    postmasterOf(clusterDir).ifPresent(PostgresProcesses::killTree);
  }

  static void killTree(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    all.addFirst(root);
    all.forEach(ProcessHandle::destroyForcibly);
    await().atMost(Duration.ofSeconds(10)).until(() -> all.stream().noneMatch(EmbeddedPostgresServer::isRunning));
  }
}
