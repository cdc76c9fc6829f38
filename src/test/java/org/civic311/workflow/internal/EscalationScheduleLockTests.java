package org.civic311.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civic311.MovableClock;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.Priority;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With several app nodes, each round of SLA escalation runs on one node: the scheduled job takes the
 * {@code sla-escalation} row of {@code scheduling.shedlock} (ShedLock), and a node that finds it held by
 * another node skips the round. The schedule's own timer is an hour away, so only the test runs it.
 */
@SpringBootTest(
    properties = {
      "civic311.workflow.escalation.enabled=true",
      "civic311.workflow.escalation.interval=1h",
      "civic311.webhooks.sender-enabled=false"
    })
class EscalationScheduleLockTests {

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock(Instant.parse("2027-03-01T16:00:00Z"));
    }
  }

  @Autowired WorkflowConfiguration.EscalationSchedule schedule;
  @Autowired ServiceRequests requests;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void noNodeHoldsTheJob() {
    jdbc.sql("DELETE FROM scheduling.shedlock").update();
  }

  /** A fallen tree has 8 hours around the clock: 9 hours later it is breached. */
  private RequestNumber breachedTree() {
    RequestNumber tree =
        requests.submit(
                new SubmitServiceRequest(
                    "FALLEN_TREE",
                    Map.of("BLOCKING", List.of("street")),
                    new Location(34.0522, -118.2437, "200 N Spring St", null, "90012"),
                    "Across both lanes",
                    List.of(),
                    Channel.PHONE,
                    Reporter.ANONYMOUS,
                    null,
                    null))
            .number();
    clock.advance(Duration.ofHours(9));
    return tree;
  }

  private Priority priorityOf(RequestNumber number) {
    return requests.find(number).orElseThrow().priority();
  }

  private void anotherNodeHoldsTheJobFor(String interval) {
    jdbc.sql(
            """
            INSERT INTO scheduling.shedlock (name, lock_until, locked_at, locked_by)
            VALUES ('sla-escalation', timezone('utc', now()) + CAST(:hold AS interval), timezone('utc', now()), 'node-b')
            """)
        .param("hold", interval)
        .update();
  }

  @Test
  void a_round_is_skipped_while_another_node_runs_it_and_runs_once_that_node_is_done() {
    RequestNumber tree = breachedTree();
    anotherNodeHoldsTheJobFor("10 minutes");

    schedule.run();
    assertThat(priorityOf(tree)).as("the other node's round, not this one, handles the breach").isEqualTo(Priority.NORMAL);

    jdbc.sql("UPDATE scheduling.shedlock SET lock_until = timezone('utc', now()) - interval '1 second'").update();
    schedule.run();
    assertThat(priorityOf(tree)).as("breached: one step up").isEqualTo(Priority.HIGH);
    assertThat(jdbc.sql("SELECT locked_by FROM scheduling.shedlock WHERE name = 'sla-escalation'").query(String.class).single())
        .as("this node took the job")
        .isNotEqualTo("node-b");
  }

  @Test
  void a_node_that_died_holding_the_job_keeps_it_only_until_its_hold_runs_out() {
    RequestNumber tree = breachedTree();
    // What a node killed mid-round leaves behind: a lock that ran out.
    jdbc.sql(
            """
            INSERT INTO scheduling.shedlock (name, lock_until, locked_at, locked_by)
            VALUES ('sla-escalation', timezone('utc', now()) - interval '1 minute', timezone('utc', now()) - interval '11 minutes', 'node-b')
            """)
        .update();

    schedule.run();
    assertThat(priorityOf(tree)).isEqualTo(Priority.HIGH);
  }
}
