package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civic311.notifications.Deliveries;
import org.civic311.notifications.Delivery;
import org.civic311.notifications.DeliveryState;
import org.civic311.requests.Actor;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail that must leave leaves, once as far as the receiver can tell: with the mail server down, with
 * a worker dying mid-send, with an address that keeps failing.
 */
class DeliveryFaultTests extends NotificationsIntegrationSupport {

  private static final Actor DISPATCHER = Actor.staff("dispatcher");

  @Autowired Deliveries deliveries;
  @Autowired DeliveryStore store;
  @Autowired DeliveryWorker worker;

  @Test
  void a_burst_of_500_changes_while_the_mail_server_is_down_all_arrives_once_when_it_is_back() throws Exception {
    String domain = "burst.example.org";
    List<RequestNumber> numbers = new ArrayList<>();
    Map<RequestNumber, String> reporters = new HashMap<>();
    SMTP.stop();
    try {
      for (int i = 0; i < 100; i++) {
        String address = uniqueAddress(domain);
        RequestNumber number = submit(address, i % 2 == 0 ? "en" : "es");
        numbers.add(number);
        reporters.put(number, address);
      }
      for (RequestNumber number : numbers) {
        requests.change(number, new RequestChange.Acknowledge("Seen by Public Works."), DISPATCHER);
        requests.change(number, new RequestChange.Assign("Crew 3", null), DISPATCHER);
        requests.change(number, new RequestChange.StartWork(null), DISPATCHER);
        requests.change(number, new RequestChange.PostPublicUpdate("Asphalt is on its way."), DISPATCHER);
        requests.change(number, new RequestChange.Resolve("Filled."), DISPATCHER);
      }
      // Every message was tried and failed once, and waits for its next attempt.
      await().atMost(Duration.ofSeconds(60)).until(() -> attemptedAndWaiting(numbers) == 600);
      assertThat(SMTP.getReceivedMessagesForDomain(domain)).isEmpty();
    } finally {
      SMTP.start();
    }

    clock.advance(PAST_ANY_BACKOFF);
    await().atMost(Duration.ofSeconds(60)).until(() -> SMTP.getReceivedMessagesForDomain(domain).length >= 600);

    MimeMessage[] received = SMTP.getReceivedMessagesForDomain(domain);
    assertThat(received).hasSize(600);
    Set<String> messageIds = new HashSet<>();
    Set<String> recipientAndSubject = new HashSet<>();
    for (MimeMessage m : received) {
      messageIds.add(m.getMessageID());
      recipientAndSubject.add(m.getAllRecipients()[0] + " " + m.getSubject());
    }
    assertThat(messageIds).as("no message twice").hasSize(600);
    assertThat(recipientAndSubject).as("six different messages to each reporter").hasSize(600);
    for (RequestNumber number : numbers) {
      assertThat(mailTo(reporters.get(number))).hasSize(6);
      assertThat(deliveries.ofRequest(number)).allSatisfy(d -> {
        assertThat(d.state()).isEqualTo(DeliveryState.SENT);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.lastError()).as("the failure is kept for admins").isNotBlank();
      });
    }
  }

  @Test
  void one_round_of_messages_about_several_requests_gives_each_reporter_the_message_of_their_own_request() throws Exception {
    String domain = "batch.example.org";
    Map<RequestNumber, String> reporters = new java.util.LinkedHashMap<>();
    Map<RequestNumber, String> languages = new HashMap<>();
    SMTP.stop();
    try {
      for (int i = 0; i < 6; i++) {
        String address = uniqueAddress(domain);
        String language = i % 2 == 0 ? "en" : "es";
        RequestNumber number = submit(address, language);
        reporters.put(number, address);
        languages.put(number, language);
      }
      RequestNumber updated = reporters.keySet().iterator().next();
      requests.change(updated, new RequestChange.PostPublicUpdate("Asphalt is on its way."), DISPATCHER);
      await().atMost(Duration.ofSeconds(30)).until(() -> attemptedAndWaiting(List.copyOf(reporters.keySet())) == 7);
    } finally {
      SMTP.start();
    }

    // All seven are due at the same instant: the worker takes them in one round.
    clock.advance(PAST_ANY_BACKOFF);
    await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.getReceivedMessagesForDomain(domain).length >= 7);
    assertThat(SMTP.getReceivedMessagesForDomain(domain)).hasSize(7);
    RequestNumber updated = reporters.keySet().iterator().next();
    for (var reporter : reporters.entrySet()) {
      RequestNumber number = reporter.getKey();
      List<MimeMessage> mail = mailTo(reporter.getValue());
      assertThat(mail).as(number.value()).hasSize(number.equals(updated) ? 2 : 1);
      assertThat(mail).extracting(MimeMessage::getSubject).anySatisfy(subject -> assertThat(subject).isEqualTo(
          languages.get(number).equals("en") ? "We received your report " + number + " (Pothole)" : "Recibimos su reporte " + number + " (Bache)"));
      for (MimeMessage m : mail) {
        String text = part(m, "text/plain");
        assertThat(text).contains(number.value());
        for (RequestNumber other : reporters.keySet()) {
          if (!other.equals(number)) assertThat(text).as("only its own request").doesNotContain(other.value());
        }
      }
      assertThat(deliveries.ofRequest(number)).allSatisfy(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT));
    }
    assertThat(mailTo(reporters.get(updated)))
        .extracting(MimeMessage::getSubject)
        .contains("News about request " + updated);
    assertThat(part(mailTo(reporters.get(updated)).stream().filter(m -> header(m, "Subject").startsWith("News")).findFirst().orElseThrow(), "text/plain"))
        .contains("Asphalt is on its way.");
  }

  @Test
  void deliveries_held_by_a_worker_that_died_are_sent_after_its_lease_with_the_same_message_id() throws Exception {
    String address = uniqueAddress("lease.example.org");
    RequestNumber number;
    SMTP.stop();
    try {
      number = submit(address, "en");
      await().atMost(Duration.ofSeconds(30)).until(() -> attemptedAndWaiting(List.of(number)) == 1);
    } finally {
      SMTP.start();
    }
    Delivery delivery = deliveries.ofRequest(number).getFirst();

    // Another node takes the delivery when it is due again, then dies before sending it.
    var due = clock.instant().plus(PAST_ANY_BACKOFF);
    assertThat(store.claim(1000, due, due.plus(Duration.ofMinutes(5))))
        .extracting(DeliveryStore.ClaimedDelivery::id).contains(delivery.id().value());
    clock.advance(PAST_ANY_BACKOFF);
    worker.deliverDue();
    assertThat(deliveries.find(delivery.id()).orElseThrow().state()).as("the lease still holds").isEqualTo(DeliveryState.SENDING);
    assertThat(mailTo(address)).isEmpty();

    clock.advance(Duration.ofMinutes(6));
    MimeMessage first = awaitMail(address, 1).getFirst();
    await().until(() -> deliveries.find(delivery.id()).orElseThrow().state() == DeliveryState.SENT);
    assertThat(deliveries.find(delivery.id()).orElseThrow().attempts()).isEqualTo(3);

    // A node that sent it but died before recording so: its lease runs out and the mail goes again,
    // with the Message-ID the receiver already has.
    jdbc.sql("UPDATE notifications.delivery SET state = 'SENDING', next_attempt_at = ? WHERE id = ?")
        .params(java.sql.Timestamp.from(clock.instant()), delivery.id().value())
        .update();
    List<MimeMessage> both = awaitMail(address, 2);
    assertThat(both).hasSize(2);
    assertThat(both.get(1).getMessageID()).isEqualTo(first.getMessageID());
  }

  @Test
  void a_delivery_that_keeps_failing_ends_failed_with_its_error_and_a_retry_sends_it() throws Exception {
    String address = uniqueAddress("failing.example.org");
    RequestNumber number;
    Delivery delivery;
    SMTP.stop();
    try {
      number = submit(address, "en");
      await().atMost(Duration.ofSeconds(30)).until(() -> attemptedAndWaiting(List.of(number)) == 1);
      delivery = deliveries.ofRequest(number).getFirst();
      for (int attempt = 2; attempt <= 4; attempt++) {
        assertThat(deliveries.find(delivery.id()).orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
        clock.advance(PAST_ANY_BACKOFF);
        int expected = attempt;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
          Delivery d = deliveries.find(delivery.id()).orElseThrow();
          return d.attempts() == expected && d.state() != DeliveryState.SENDING;
        });
      }
    } finally {
      SMTP.start();
    }
    Delivery failed = deliveries.find(delivery.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
    assertThat(deliveries.failed(1000)).extracting(Delivery::id).contains(delivery.id());
    assertThat(failed.lastError()).containsIgnoringCase("connect").doesNotContain(address);
    assertThat(deliveries.countByState().get(DeliveryState.FAILED)).isPositive();

    clock.advance(PAST_ANY_BACKOFF);
    worker.deliverDue();
    assertThat(mailTo(address)).as("a failed delivery waits for an admin").isEmpty();

    Delivery retried = deliveries.retry(delivery.id());
    assertThat(retried.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(retried.attempts()).isZero();
    assertThat(awaitMail(address, 1)).hasSize(1);
    await().until(() -> deliveries.find(delivery.id()).orElseThrow().state() == DeliveryState.SENT);

    Delivery again = deliveries.retry(delivery.id());
    assertThat(again.state()).as("a sent message is not sent twice, even when an admin asks").isEqualTo(DeliveryState.SENT);
    clock.advance(PAST_ANY_BACKOFF);
    worker.deliverDue();
    assertThat(mailTo(address)).hasSize(1);
  }

  @Test
  void workers_on_several_nodes_never_take_the_same_delivery() throws Exception {
    RequestNumber number = submit(null, "en");
    var now = clock.instant();
    for (int i = 0; i < 300; i++) {
      store.enqueue("nodes-test:" + i, number, org.civic311.notifications.NotificationEvent.PUBLIC_UPDATE,
          java.util.List.of(new DeliveryStore.Reporter(uniqueAddress("nodes.example.org"), "nodes-" + i, null, null, "en")),
          false, null, null, now);
    }
    // Four more "nodes" claim in small batches while this node's own worker runs too.
    Set<Long> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger twice = new java.util.concurrent.atomic.AtomicInteger();
    try (var nodes = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int n = 0; n < 4; n++) {
        nodes.submit(() -> {
          List<DeliveryStore.ClaimedDelivery> batch;
          do {
            batch = store.claim(7, clock.instant(), clock.instant().plus(Duration.ofMinutes(5)));
            for (var d : batch) if (!taken.add(d.id())) twice.incrementAndGet();
          } while (!batch.isEmpty());
          return null;
        });
      }
    }
    assertThat(twice).hasValue(0);
    assertThat(deliveries.ofRequest(number)).hasSize(300).allSatisfy(d -> {
      assertThat(d.attempts()).as("taken once, by one node").isEqualTo(1);
      assertThat(d.state()).isIn(DeliveryState.SENDING, DeliveryState.SENT);
    });
  }

  @Test
  void retrying_an_unknown_delivery_is_a_not_found() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> deliveries.retry(new org.civic311.notifications.DeliveryId(-1)))
        .isInstanceOf(org.civic311.notifications.DeliveryNotFound.class);
  }

  /** Deliveries of these requests that failed their first attempt and wait for the next. */
  private long attemptedAndWaiting(List<RequestNumber> numbers) {
    return jdbc.sql(
            """
            SELECT count(*) FROM notifications.delivery
            WHERE request_number = ANY(?) AND state = 'PENDING' AND attempts >= 1 AND last_error IS NOT NULL
            """)
        .param(numbers.stream().map(RequestNumber::value).toArray(String[]::new))
        .query(Long.class)
        .single();
  }
}
