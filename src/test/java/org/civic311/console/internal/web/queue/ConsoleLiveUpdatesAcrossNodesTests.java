package org.civic311.console.internal.web.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.civic311.requests.ChangesElsewhere;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Console pages of this node (node A) hear of changes committed on another node: a second node's
 * notifications are sent here as PostgreSQL NOTIFYs under another node id, exactly as its
 * {@link ChangesElsewhere} feed would send them. Internal changes reach staff queues; an open queue makes
 * this node ask the others for new requests.
 */
@SpringBootTest
class ConsoleLiveUpdatesAcrossNodesTests {

  private static final String CHANNEL = "civic311_request_changed";

  @Autowired ConsoleLiveUpdates live;
  @Autowired ChangesElsewhere elsewhere;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  /** A queue page's connection that remembers every event sent to it. */
  static final class RecordingPage extends SseEmitter {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void send(SseEventBuilder builder) throws IOException {
      StringBuilder text = new StringBuilder();
      builder.build().forEach(part -> text.append(part.getData()));
      events.add(text.toString());
    }

    boolean heardOf(String number) {
      return events.stream().anyMatch(e -> e.contains("event:changed") && e.contains("data:" + number));
    }
  }

  @Test
  void an_internal_change_and_a_new_request_made_on_another_node_reach_a_queue_watching_their_department() throws Exception {
    await().atMost(Duration.ofSeconds(20)).until(elsewhere::listening);
    try (Connection otherNode = dataSource.getConnection()) {
      otherNode.setAutoCommit(true);
      try (Statement listen = otherNode.createStatement()) {
        listen.execute("LISTEN " + CHANNEL);
      }
      try {
        watchAndHear(otherNode);
      } finally {
        // The connection goes back to the pool: it must not keep listening there.
        try (Statement unlisten = otherNode.createStatement()) {
          unlisten.execute("UNLISTEN *");
        }
      }
    }
  }

  private void watchAndHear(Connection otherNode) throws Exception {
    RecordingPage roads = new RecordingPage();
    RecordingPage parks = new RecordingPage();
    live.watch(null, Set.of("ROADS-X"), roads);
    live.watch(null, Set.of("PARKS-X"), parks);

    // A node that starts asks who wants new requests; this one has a queue open, so it says so.
    notifyFromOtherNode("H");
    assertThat(heard(otherNode, " W 1")).as("an open queue asks other nodes to announce new requests").isTrue();

    notifyFromOtherNode("C 2026-900001 77 IN_PROGRESS 0 ROADS-X");
    notifyFromOtherNode("S 2026-900002 0 NEW 1 ROADS-X");
    await().atMost(Duration.ofSeconds(20)).until(() -> roads.heardOf("2026-900001") && roads.heardOf("2026-900002"));
    assertThat(parks.events).noneMatch(e -> e.contains("event:changed"));
  }

  private void notifyFromOtherNode(String message) {
    jdbc.sql("SELECT pg_notify(?, ?)").param(CHANNEL).param("node-b-test " + message).query((rs, i) -> 1).list();
  }

  private static boolean heard(Connection connection, String suffix) throws Exception {
    PGConnection postgres = connection.unwrap(PGConnection.class);
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < until) {
      PGNotification[] notifications = postgres.getNotifications(1_000);
      if (notifications == null) continue;
      for (PGNotification n : notifications) {
        if (n.getParameter().endsWith(suffix)) return true;
      }
    }
    return false;
  }
}
