package org.civic311.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.ChangesElsewhereResumed;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChangedElsewhere;
import org.civic311.requests.ServiceRequestSubmittedElsewhere;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes sharing one database: the application of this test is node A, and node B is a second
 * feed with its own LISTEN connection, recording the events it would publish to its pages. A change
 * made through node A reaches node B once, internal ones marked as such; a broken listening connection
 * comes back by itself; new requests are announced only while node B wants them.
 */
@SpringBootTest
class ClusterChangeFeedTests {

  @Autowired ServiceRequests requests;
  @Autowired ClusterChangeFeed feedA;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  final List<Object> onB = new CopyOnWriteArrayList<>();

  private ClusterChangeFeed nodeB() {
    ClusterChangeFeed feedB = new ClusterChangeFeed(dataSource, jdbc, onB::add, true, "node-b-" + System.nanoTime());
    feedB.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> feedB.listening() && feedA.listening());
    return feedB;
  }

  private List<ServiceRequestChangedElsewhere> changesOf(RequestNumber number) {
    return onB.stream()
        .filter(ServiceRequestChangedElsewhere.class::isInstance)
        .map(ServiceRequestChangedElsewhere.class::cast)
        .filter(e -> e.number().equals(number))
        .toList();
  }

  @Test
  void a_change_made_on_node_a_reaches_node_b_once_also_after_its_connection_broke() {
    ClusterChangeFeed feedB = nodeB();
    try {
      RequestNumber number = pothole("Hole seen from two nodes");

      requests.change(number, new RequestChange.StartWork("A crew is on site."), Actor.staff("jdoe"));

      await().atMost(Duration.ofSeconds(20)).until(() -> changesOf(number).size() == 1);
      ServiceRequestChangedElsewhere started = changesOf(number).getFirst();
      assertThat(started.stage()).isEqualTo("IN_PROGRESS");
      assertThat(started.publicChange()).isTrue();
      assertThat(started.departmentCode()).isEqualTo(requests.find(number).orElseThrow().departmentCode());

      requests.change(number, new RequestChange.AddInternalNote("budget code 77-B"), Actor.staff("jdoe"));
      requests.change(number, new RequestChange.PostPublicUpdate("Asphalt ordered."), Actor.staff("jdoe"));
      await().atMost(Duration.ofSeconds(20)).until(() -> changesOf(number).size() == 3);
      assertThat(changesOf(number)).extracting(ServiceRequestChangedElsewhere::publicChange).containsExactly(true, false, true);
      assertThat(onB.toString()).as("notifications carry no text of the change").doesNotContain("77-B");

      // The database ends node B's listening connection (a restart or failover would too).
      int pid = feedB.backendPid();
      jdbc.sql("SELECT pg_terminate_backend(?)").param(pid).query((rs, i) -> rs.getBoolean(1)).single();
      await().atMost(Duration.ofSeconds(30)).until(() -> feedB.connections() == 2 && feedB.listening());
      assertThat(onB).as("pages re-read what they may have missed").anyMatch(ChangesElsewhereResumed.class::isInstance);

      requests.change(number, new RequestChange.Resolve("Filled."), Actor.staff("jdoe"));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(changesOf(number)).hasSize(4));
      assertThat(changesOf(number).getLast().stage()).isEqualTo("RESOLVED");
    } finally {
      feedB.stop();
    }
  }

  @Test
  void a_new_request_is_announced_only_while_another_node_wants_new_requests() {
    ClusterChangeFeed feedB = nodeB();
    try {
      // Test classes sharing this database may run nodes of their own; only a quiet cluster proves the silence.
      boolean quiet = !feedA.othersWantSubmissions();
      RequestNumber unwanted = pothole("Nobody watches a queue on node B yet");

      feedB.wantSubmissions(true);
      await().atMost(Duration.ofSeconds(20)).until(feedA::othersWantSubmissions);
      RequestNumber wanted = pothole("Node B has a queue open");
      await().atMost(Duration.ofSeconds(20))
          .until(() -> onB.stream().anyMatch(e -> e instanceof ServiceRequestSubmittedElsewhere s && s.number().equals(wanted)));
      if (quiet) assertThat(onB).noneMatch(e -> e instanceof ServiceRequestSubmittedElsewhere s && s.number().equals(unwanted));

      // A node that starts (or reconnects) later asks, and hears node B's wish again.
      List<Object> onC = new CopyOnWriteArrayList<>();
      ClusterChangeFeed feedC = new ClusterChangeFeed(dataSource, jdbc, onC::add, true, "node-c-" + System.nanoTime());
      feedC.start();
      try {
        await().atMost(Duration.ofSeconds(20)).until(feedC::othersWantSubmissions);
      } finally {
        feedC.stop();
      }

      feedB.wantSubmissions(false);
      await().atMost(Duration.ofSeconds(20)).until(() -> !feedA.othersWantSubmissions());
    } finally {
      feedB.stop();
    }
  }

  private RequestNumber pothole(String description) {
    return requests.submit(new SubmitServiceRequest(
            "POTHOLE",
            Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
            new Location(34.0522, -118.2437, "200 N Spring St", null, "90012"),
            description,
            List.of(),
            Channel.WEB,
            Reporter.ANONYMOUS,
            null,
            null))
        .number();
  }
}
