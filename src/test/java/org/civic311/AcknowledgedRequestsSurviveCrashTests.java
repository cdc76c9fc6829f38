package org.civic311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application in a child JVM with durable commits: residents POST over HTTP while the
 * process is killed with SIGKILL; after a restart every request that got a 2xx answer is there.
 */
class AcknowledgedRequestsSurviveCrashTests {

  private static final String API_KEY = "crash-test-key-0123456789";
  private static final Pattern NUMBER = Pattern.compile("\"service_request_id\"\\s*:\\s*\"([0-9-]+)\"");

  @TempDir Path data;
  private final List<Process> started = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stopEverything() {
    started.forEach(Process::destroyForcibly);
    started.forEach(p -> p.onExit().join());
    killPostgres();
  }

  @Test
  void requests_acknowledged_before_the_app_is_killed_are_there_after_a_restart() throws Exception {
    crashAndRestart(false);
  }

  @Test
  void requests_acknowledged_before_the_app_and_its_database_are_killed_are_there_after_a_restart()
      throws Exception {
    crashAndRestart(true);
  }

  private void crashAndRestart(boolean killDatabaseToo) throws Exception {
    int port = freePort();
    Process app = start(port);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    try (ExecutorService residents = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 8; i++) {
        residents.submit(() -> {
          while (running.get()) submit(port).ifPresent(acknowledged::add);
          return null;
        });
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 150);
      app.destroyForcibly(); // SIGKILL while POSTs are in flight
      app.onExit().join();
      running.set(false);
    }
    if (killDatabaseToo) killPostgres();

    int port2 = freePort();
    start(port2);
    for (String number : acknowledged) {
      HttpResponse<String> found = get(port2, "/open311/v2/requests/" + number + ".json");
      assertThat(found.statusCode()).as("request %s was acknowledged before the crash", number).isEqualTo(200);
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);
  }

  private Optional<String> submit(int port) {
    String form =
        "api_key=" + API_KEY
            + "&service_code=GRAFFITI&lat=34.05&long=-118.25&description=Tagged+wall&attribute%5BSURFACE%5D=wall&attribute%5BOFFENSIVE%5D=no";
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open311/v2/requests.json"))
                  .timeout(Duration.ofSeconds(5))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) return Optional.empty();
      Matcher m = NUMBER.matcher(response.body());
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException | InterruptedException e) {
      return Optional.empty(); // no answer: not acknowledged
    }
  }

  private Process start(int port) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dserver.port=" + port,
                "-Dcivic311.database.data-dir=" + data,
                "-Dcivic311.database.embedded.durable=true",
                "-Dcivic311.bootstrap-api-key=" + API_KEY,
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                Civic311Application.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(data.resolveSibling(data.getFileName() + "-app-" + port + ".log").toFile())
            .start();
    started.add(process);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> {
          if (!process.isAlive()) throw new AssertionError("Civic311 exited with " + process.exitValue());
          try {
            return get(port, "/actuator/health").statusCode() == 200;
          } catch (IOException e) {
            return false;
          }
        });
    return process;
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** SIGKILLs the postmaster named in the cluster's postmaster.pid and everything it started. */
  private void killPostgres() {
    Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
    try {
      if (!Files.exists(pidFile)) return;
      long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
      ProcessHandle.of(pid).ifPresent(postmaster -> {
        List<ProcessHandle> tree = new ArrayList<>(postmaster.descendants().toList());
        tree.addFirst(postmaster);
        tree.forEach(ProcessHandle::destroyForcibly);
        // A killed postmaster can stay a zombie until init reaps it; do not wait for that forever.
        tree.forEach(p -> {
          try {
            p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
          } catch (Exception stillThere) {
            // the next start handles a stale postmaster.pid
          }
        });
      });
    } catch (IOException | RuntimeException e) {
      // nothing left to kill
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
