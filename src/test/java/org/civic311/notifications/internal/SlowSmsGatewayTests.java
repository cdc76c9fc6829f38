package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.civic311.notifications.Deliveries;
import org.civic311.notifications.Delivery;
import org.civic311.notifications.DeliveryState;
import org.civic311.notifications.NotificationChannel;
import org.civic311.requests.Actor;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Texts go to Twilio one at a time, so a slow Twilio could keep a batch busy past its lease, and
 * another node would then take the same rows and text the same people again. A worker stops texting
 * at half the lease (5 minutes here) and lets what is left wait for the next round, its attempt not
 * counted. The worker runs only when the test calls it.
 */
@TestPropertySource(properties = "civic311.notifications.delivery.enabled=false")
class SlowSmsGatewayTests extends NotificationsIntegrationSupport {

  @Autowired Deliveries deliveries;
  @Autowired DeliveryWorker worker;

  private List<Delivery> texts(RequestNumber number) {
    return deliveries.ofRequest(number).stream().filter(d -> d.channel() == NotificationChannel.SMS).toList();
  }

  private long waiting(RequestNumber number) {
    return texts(number).stream().filter(d -> d.state() == DeliveryState.PENDING).count();
  }

  @Test
  void a_batch_stops_texting_at_half_its_lease_and_the_rest_go_once_in_later_rounds() {
    String[] phone = uniquePhone();
    RequestNumber number = submit(null, phone[0], true, "en");
    requests.change(number, new RequestChange.Acknowledge(null), Actor.staff("dispatcher"));
    requests.change(number, new RequestChange.PostPublicUpdate("A crew comes on Thursday."), Actor.staff("dispatcher"));
    await().atMost(Duration.ofSeconds(30)).until(() -> waiting(number) == 3);
    // Each answer takes Twilio "3 minutes": past half the lease after the first text.
    TWILIO.whileAnswering(phone[1], () -> clock.advance(Duration.ofMinutes(3)));

    worker.deliverDue();
    assertThat(TWILIO.delivered(phone[1])).as("the first round texts once, then stops").hasSize(1);
    assertThat(waiting(number)).as("the rest wait again, not held by a lease another node would take over").isEqualTo(2);

    worker.deliverDue();
    worker.deliverDue();
    worker.deliverDue();
    assertThat(TWILIO.delivered(phone[1])).hasSize(3).doesNotHaveDuplicates();
    assertThat(texts(number)).allSatisfy(d -> {
      assertThat(d.state()).isEqualTo(DeliveryState.SENT);
      assertThat(d.attempts()).as("a text put back is not an attempt").isEqualTo(1);
    });
  }
}
