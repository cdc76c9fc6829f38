package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.civic311.portal.internal.TrackProperties;
import org.civic311.requests.Actor;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Two app nodes sharing one database: the application of this test is node A, and node B is a second
 * set of live pages with its own LISTEN connection. A change made through node A reaches a status
 * page open on node B, once; a broken listening connection comes back by itself.
 */
@SpringBootTest
class ClusterLiveFeedTests {

  @Autowired ServiceRequests requests;
  @Autowired LiveUpdates nodeA;
  @Autowired ClusterLiveFeed feedA;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  /** A status page's connection that remembers every event sent to it. */
  static final class RecordingPage extends SseEmitter {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void send(SseEventBuilder builder) throws IOException {
      StringBuilder text = new StringBuilder();
      builder.build().forEach(part -> text.append(part.getData()));
      events.add(text.toString());
    }

    long changed() {
      return events.stream().filter(e -> e.contains("event:changed")).count();
    }
  }

  @Test
  void a_change_made_on_node_a_reaches_a_page_open_on_node_b_once_also_after_its_connection_broke() {
    LiveUpdates nodeB = new LiveUpdates(new TrackProperties(30, Duration.ofMinutes(15)));
    ClusterLiveFeed feedB = new ClusterLiveFeed(dataSource, jdbc, nodeB);
    feedB.start();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> feedB.listening() && feedA.listening());
      RequestNumber number = TrackTestSupport.pothole(requests, "Hole seen from two nodes");
      RecordingPage onB = new RecordingPage();
      RecordingPage onA = new RecordingPage();
      nodeB.watch(number, onB);
      nodeA.watch(number, onA);

      requests.change(number, new RequestChange.StartWork("A crew is on site."), Actor.staff("jdoe"));

      await().atMost(Duration.ofSeconds(20)).until(() -> onB.changed() == 1);
      assertThat(onB.events.stream().filter(e -> e.contains("event:changed")).findFirst().orElseThrow())
          .contains("data:IN_PROGRESS");
      assertThat(onA.changed()).as("node A told its page after the commit, and skipped its own notification").isEqualTo(1);

      requests.change(number, new RequestChange.AddInternalNote("budget code 77-B"), Actor.staff("jdoe"));
      requests.change(number, new RequestChange.PostPublicUpdate("Asphalt ordered."), Actor.staff("jdoe"));
      await().atMost(Duration.ofSeconds(20)).until(() -> onB.changed() == 2);
      assertThat(String.join("", onB.events)).doesNotContain("77-B");

      // The database ends node B's listening connection (a restart or failover would too).
      int pid = feedB.backendPid();
      jdbc.sql("SELECT pg_terminate_backend(?)").param(pid).query((rs, i) -> rs.getBoolean(1)).single();
      await().atMost(Duration.ofSeconds(30)).until(() -> feedB.connections() == 2 && feedB.listening());
      assertThat(onB.events).as("pages re-read what they may have missed").anyMatch(e -> e.contains("event:resync"));

      requests.change(number, new RequestChange.Resolve("Filled."), Actor.staff("jdoe"));
      await().atMost(Duration.ofSeconds(20)).until(() -> onB.changed() == 3);
      assertThat(onA.changed()).isEqualTo(3);
    } finally {
      feedB.stop();
    }
  }
}
