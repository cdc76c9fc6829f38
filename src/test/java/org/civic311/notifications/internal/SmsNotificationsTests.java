package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civic311.notifications.Deliveries;
import org.civic311.notifications.Delivery;
import org.civic311.notifications.DeliveryState;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.Actor;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What reporters who agreed to SMS receive, through a local server shaped like Twilio's API. */
class SmsNotificationsTests extends NotificationsIntegrationSupport {

  private static final Actor DISPATCHER = Actor.staff("dispatcher");
  private static final String INBOUND = "/notifications/sms/inbound";

  @Autowired Deliveries deliveries;
  @Autowired DeliveryWorker worker;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @Test
  void a_reporter_who_agreed_to_sms_gets_the_received_message_in_spanish_in_one_segment() {
    String[] phone = uniquePhone();
    RequestNumber number = submit(null, phone[0], true, "es");

    List<String> texts = awaitTexts(phone[1], 1);
    String text = texts.getFirst();
    await().atMost(Duration.ofSeconds(30)).until(() -> smsOf(number).getFirst().state() == DeliveryState.SENT);
    assertThat(text).contains("recibimos su reporte " + number, "https://311.springfield.example.gov/requests/" + number, "STOP");
    assertThat(SmsText.isGsm7(text)).as("no accent forces the 70-character alphabet: " + text).isTrue();
    assertThat(SmsText.segments(text)).isEqualTo(1);
    Delivery delivery = smsOf(number).getFirst();
    assertThat(delivery.state()).isEqualTo(DeliveryState.SENT);
    assertThat(delivery.recipient()).as("admins see a masked number").doesNotContain(phone[1].substring(2));
    assertThat(jdbc.sql("SELECT provider_message_id FROM notifications.delivery WHERE id = ?").param(delivery.id().value())
            .query(String.class).single())
        .isEqualTo(TWILIO.callsTo(phone[1]).getFirst().sid());
  }

  @Test
  void a_reporter_without_sms_consent_gets_no_text_message() {
    String[] phone = uniquePhone();
    String address = uniqueAddress("no-consent.example.org");
    RequestNumber number = submit(address, phone[0], false, "en");
    requests.change(number, new RequestChange.PostPublicUpdate("Crews come Tuesday."), DISPATCHER);

    awaitMail(address, 2);
    assertThat(deliveries.ofRequest(number)).extracting(Delivery::channel).containsOnly(NotificationChannel.EMAIL);
    assertThat(TWILIO.callsTo(phone[1])).isEmpty();
  }

  @Test
  void every_stage_the_reporter_sees_is_texted_once_with_its_link_whole() {
    String[] phone = uniquePhone();
    RequestNumber number = submit(null, phone[0], true, "en");
    requests.change(number, new RequestChange.Acknowledge(null), DISPATCHER);
    requests.change(number, new RequestChange.PostPublicUpdate(
        "The crew looked at the hole this morning and will come back with a truck of hot asphalt, a roller and two "
            + "more people on Thursday, weather permitting, to fill it for good."), DISPATCHER);

    List<String> texts = awaitTexts(phone[1], 3);
    assertThat(texts).hasSize(3).allSatisfy(t -> assertThat(SmsText.segments(t)).as(t).isEqualTo(1));
    String update = texts.stream().filter(t -> t.startsWith("News about")).findFirst().orElseThrow();
    assertThat(update).contains("The crew looked at the hole", "...")
        .endsWith("https://311.springfield.example.gov/requests/" + number);
  }

  @Test
  void a_server_error_then_success_delivers_once_after_the_backoff() {
    String[] phone = uniquePhone();
    TWILIO.answer(phone[1], 500, 429);
    RequestNumber number = submit(null, phone[0], true, "en");

    await().atMost(Duration.ofSeconds(30)).until(() -> attempts(number) == 1 && smsOf(number).getFirst().state() == DeliveryState.PENDING);
    assertThat(smsOf(number).getFirst().lastError()).contains("500");
    clock.advance(PAST_ANY_BACKOFF);
    await().atMost(Duration.ofSeconds(30)).until(() -> attempts(number) == 2 && smsOf(number).getFirst().state() == DeliveryState.PENDING);
    assertThat(smsOf(number).getFirst().lastError()).as("429 is retried too").contains("429");
    assertThat(TWILIO.delivered(phone[1])).isEmpty();

    clock.advance(PAST_ANY_BACKOFF);
    await().atMost(Duration.ofSeconds(30)).until(() -> smsOf(number).getFirst().state() == DeliveryState.SENT);
    assertThat(TWILIO.delivered(phone[1])).hasSize(1);
    assertThat(TWILIO.callsTo(phone[1])).extracting(FakeTwilio.Call::status).containsExactly(500, 429, 201);
    clock.advance(PAST_ANY_BACKOFF);
    worker.deliverDue();
    assertThat(TWILIO.callsTo(phone[1])).as("nothing is sent again").hasSize(3);
  }

  @Test
  void an_invalid_number_fails_at_once_with_twilios_error_and_no_phone_number() {
    String[] phone = uniquePhone();
    TWILIO.answer(phone[1], 400);
    RequestNumber number = submit(null, phone[0], true, "en");

    await().atMost(Duration.ofSeconds(30)).until(() -> smsOf(number).getFirst().state() == DeliveryState.FAILED);
    Delivery failed = smsOf(number).getFirst();
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("400", "21211", "not a valid phone number").doesNotContain(phone[1].substring(2));
    assertThat(deliveries.failed(1000)).extracting(Delivery::id).contains(failed.id());
    clock.advance(PAST_ANY_BACKOFF);
    worker.deliverDue();
    assertThat(TWILIO.callsTo(phone[1])).as("a final answer is not retried").hasSize(1);
  }

  @Test
  void stop_with_a_valid_signature_cancels_later_messages_and_start_brings_them_back() throws Exception {
    String[] phone = uniquePhone();
    String address = uniqueAddress("stop.example.org");
    RequestNumber number = submit(address, phone[0], true, "en");
    awaitTexts(phone[1], 1);

    HttpResponse<String> stop = inbound(phone[1], "Stop", true);
    assertThat(stop.statusCode()).isEqualTo(200);
    assertThat(stop.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
    assertThat(stop.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");

    requests.change(number, new RequestChange.PostPublicUpdate("Crews come Tuesday."), DISPATCHER);
    awaitMail(address, 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> smsOf(number).getLast().state() == DeliveryState.CANCELLED);
    assertThat(smsOf(number)).extracting(Delivery::event).containsExactly(NotificationEvent.RECEIVED, NotificationEvent.PUBLIC_UPDATE);
    assertThat(TWILIO.callsTo(phone[1])).as("nothing after STOP").hasSize(1);

    assertThat(inbound(phone[1], "START", true).statusCode()).isEqualTo(200);
    requests.change(number, new RequestChange.PostPublicUpdate("Crews came."), DISPATCHER);
    List<String> texts = awaitTexts(phone[1], 2);
    assertThat(texts.get(1)).contains("Crews came.");
  }

  @Test
  void optout_and_revoke_stop_texts_like_stop_does() throws Exception {
    for (String word : List.of("optout", "REVOKE")) {
      String[] phone = uniquePhone();
      RequestNumber number = submit(null, phone[0], true, "en");
      awaitTexts(phone[1], 1);
      assertThat(inbound(phone[1], word, true).statusCode()).isEqualTo(200);
      requests.change(number, new RequestChange.PostPublicUpdate("Crews come Tuesday."), DISPATCHER);
      await().atMost(Duration.ofSeconds(30)).until(() -> smsOf(number).size() == 2 && smsOf(number).getLast().state() == DeliveryState.CANCELLED);
      assertThat(TWILIO.callsTo(phone[1])).as("nothing after " + word).hasSize(1);
    }
  }

  @Test
  void an_inbound_message_with_a_wrong_signature_is_refused_and_changes_nothing() throws Exception {
    String[] phone = uniquePhone();
    RequestNumber number = submit(null, phone[0], true, "en");
    awaitTexts(phone[1], 1);

    HttpResponse<String> forged = inbound(phone[1], "STOP", false);
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> unsigned = post(INBOUND, "From=" + URLEncoder.encode(phone[1], StandardCharsets.UTF_8) + "&Body=STOP");
    assertThat(unsigned.statusCode()).isEqualTo(403);

    requests.change(number, new RequestChange.PostPublicUpdate("Still coming."), DISPATCHER);
    assertThat(awaitTexts(phone[1], 2).get(1)).contains("Still coming.");
  }

  @Test
  void other_replies_are_accepted_and_ignored() throws Exception {
    String[] phone = uniquePhone();
    RequestNumber number = submit(null, phone[0], true, "en");
    awaitTexts(phone[1], 1);
    assertThat(inbound(phone[1], "Thanks, please stop by soon", true).statusCode()).isEqualTo(200);
    requests.change(number, new RequestChange.PostPublicUpdate("Coming."), DISPATCHER);
    assertThat(awaitTexts(phone[1], 2)).hasSize(2);
  }

  private HttpResponse<String> inbound(String from, String body, boolean validSignature) throws Exception {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("MessageSid", List.of("SM0123456789abcdef0123456789abcdef"));
    params.put("AccountSid", List.of(FakeTwilio.ACCOUNT_SID));
    params.put("From", List.of(from));
    params.put("To", List.of(FakeTwilio.FROM));
    params.put("Body", List.of(body));
    String signature = TwilioSignature.of(
        validSignature ? FakeTwilio.AUTH_TOKEN : "not-the-token", "https://311.springfield.example.gov" + INBOUND, params);
    String form = params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().getFirst(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + INBOUND))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> awaitTexts(String e164, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> TWILIO.delivered(e164).size() >= count);
    return TWILIO.delivered(e164);
  }

  private List<Delivery> smsOf(RequestNumber number) {
    return deliveries.ofRequest(number).stream().filter(d -> d.channel() == NotificationChannel.SMS).toList();
  }

  private int attempts(RequestNumber number) {
    List<Delivery> sms = smsOf(number);
    return sms.isEmpty() ? 0 : sms.getFirst().attempts();
  }

  @Test
  void a_stop_reply_finds_the_waiting_messages_of_its_number_through_an_index() {
    var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    String plan =
        transaction.execute(
            status -> {
              status.setRollbackOnly();
              // A city's years of deliveries: mostly sent, a few waiting.
              jdbc.sql(
                      """
                      INSERT INTO notifications.delivery
                        (dedup_key, request_number, event, channel, recipient, recipient_key, language, state, next_attempt_at, created_at)
                      SELECT 'explain:' || i, '2026-' || lpad(i::text, 6, '0'), 'RECEIVED',
                             CASE WHEN i % 3 = 0 THEN 'SMS' ELSE 'EMAIL' END,
                             CASE WHEN i % 3 = 0 THEN '+1555' || lpad(i::text, 7, '0') ELSE 'r' || i || '@example.org' END,
                             'k' || i, 'en', CASE WHEN i % 500 = 0 THEN 'PENDING' ELSE 'SENT' END, now(), now()
                      FROM generate_series(1, 30000) i
                      """)
                  .update();
              jdbc.sql("ANALYZE notifications.delivery").update();
              return String.join(
                  "\n", jdbc.sql("EXPLAIN " + DeliveryStore.CANCEL_PENDING_SMS).param("+15550001500").query(String.class).list());
            });
    assertThat(plan).contains("delivery_sms_waiting_by_number").doesNotContain("Seq Scan");
  }
}
