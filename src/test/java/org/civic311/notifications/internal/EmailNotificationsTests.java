package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.civic311.notifications.Deliveries;
import org.civic311.notifications.Delivery;
import org.civic311.notifications.DeliveryState;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.NotificationEvent;
import org.civic311.notifications.Subscriptions;
import org.civic311.notifications.Templates;
import org.civic311.requests.Actor;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Channel;
import org.civic311.requests.ServiceRequestSubmitted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What residents receive by email, over a real SMTP server. */
class EmailNotificationsTests extends NotificationsIntegrationSupport {

  private static final Actor DISPATCHER = Actor.staff("dispatcher");

  @Autowired org.civic311.identity.ApiKeys apiKeys;
  @Autowired Subscriptions subscriptions;
  @Autowired Deliveries deliveries;
  @Autowired Templates templates;
  @Autowired RequestEventListener listener;

  @Test
  void a_reporter_with_an_email_is_told_the_request_was_received_in_their_language() throws Exception {
    String address = uniqueAddress("received.example.org");
    RequestNumber number = submit(address, "es");

    MimeMessage mail = awaitMail(address, 1).getFirst();
    assertThat(mail.getSubject()).isEqualTo("Recibimos su reporte " + number + " (Bache)");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("City of Springfield <311@springfield.example.gov>");
    String text = part(mail, "text/plain");
    String html = part(mail, "text/html");
    String statusPage = "https://311.springfield.example.gov/requests/" + number;
    assertThat(text).contains("El número de su solicitud es " + number, statusPage, "200 N Spring St",
        "Categoría: Bache", "Los equipos suelen reparar los baches", "/notifications/unsubscribe/");
    assertThat(html).contains("<html lang=\"es\">", "href=\"" + statusPage + "\"", "Ver la solicitud " + number,
        "Dejar de recibir correos sobre esta solicitud");
    assertThat(header(mail, "List-Unsubscribe"))
        .startsWith("<https://311.springfield.example.gov/notifications/unsubscribe/" + number + ".");
    assertThat(header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    // The mail server has the message a moment before the worker records it as sent.
    Delivery delivery =
        await().atMost(Duration.ofSeconds(10))
            .until(() -> deliveries.ofRequest(number).getFirst(), d -> d.state() == DeliveryState.SENT);
    assertThat(mail.getMessageID()).isEqualTo("<delivery-" + delivery.id() + ".civic311@311.springfield.example.gov>");
    assertThat(delivery.recipient()).as("admins see a masked address").startsWith("r***@").doesNotContain(address);
    // Metrics are for monitoring systems: a key of the metrics scope.
    String metricsKey = apiKeys.create("Prometheus", java.util.Set.of(org.civic311.identity.ApiKeyScope.METRICS)).secret();
    assertThat(http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + metricsKey).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body())
        .contains("civic311_notifications_sent_total", "civic311_notifications_waiting", "civic311_notifications_failed ");
  }

  @Test
  void a_reporter_who_chose_no_language_gets_the_citys_default() throws Exception {
    String address = uniqueAddress("received.example.org");
    RequestNumber number = submit(address, null);
    assertThat(awaitMail(address, 1).getFirst().getSubject()).isEqualTo("We received your report " + number + " (Pothole)");
  }

  @Test
  void an_internal_note_sends_nothing_and_a_public_update_sends_its_message() throws Exception {
    String address = uniqueAddress("notes.example.org");
    RequestNumber number = submit(address, "en");
    awaitMail(address, 1);

    requests.change(number, new RequestChange.AddInternalNote("Caller sounded angry; check the other lane too"), DISPATCHER);
    requests.change(number, new RequestChange.ChangePriority(org.civic311.requests.Priority.HIGH), DISPATCHER);
    requests.change(number, new RequestChange.PostPublicUpdate("Crews will be there on Thursday."), DISPATCHER);

    List<MimeMessage> mail = awaitMail(address, 2);
    assertThat(mail).hasSize(2);
    MimeMessage update = mail.get(1);
    assertThat(update.getSubject()).isEqualTo("News about request " + number);
    assertThat(part(update, "text/plain")).contains("Crews will be there on Thursday.").doesNotContain("angry");
    assertThat(deliveries.ofRequest(number)).extracting(Delivery::event)
        .containsExactly(NotificationEvent.RECEIVED, NotificationEvent.PUBLIC_UPDATE);
  }

  @Test
  void each_stage_a_resident_sees_sends_its_own_message() throws Exception {
    String address = uniqueAddress("stages.example.org");
    RequestNumber number = submit(address, "en");
    requests.change(number, new RequestChange.Acknowledge(null), DISPATCHER);
    requests.change(number, new RequestChange.Assign("Crew 7", null), DISPATCHER);
    requests.change(number, new RequestChange.StartWork("The crew is on site."), DISPATCHER);
    requests.change(number, new RequestChange.Resolve("Filled with hot asphalt."), DISPATCHER);
    requests.change(number, new RequestChange.Reopen("Still a hole at the edge"), Actor.resident());
    RequestNumber parent = submit(uniqueAddress("stages.example.org"), "en");
    requests.change(number, new RequestChange.MarkDuplicate(parent), DISPATCHER);

    List<String> subjects = awaitMail(address, 7).stream().map(m -> {
      try {
        return m.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(subjects).containsExactlyInAnyOrder(
        "We received your report " + number + " (Pothole)",
        "Request " + number + " has been reviewed",
        "Request " + number + " is assigned to a crew",
        "Work has started on request " + number,
        "Request " + number + " is resolved",
        "Request " + number + " is open again",
        "Your report " + number + " was joined with request " + parent);
    MimeMessage resolved = mailTo(address).stream().filter(m -> subjectOf(m).endsWith("is resolved")).findFirst().orElseThrow();
    assertThat(part(resolved, "text/plain")).contains("Filled with hot asphalt.");
    MimeMessage merged = mailTo(address).stream().filter(m -> subjectOf(m).contains("was joined with")).findFirst().orElseThrow();
    assertThat(part(merged, "text/plain")).contains("https://311.springfield.example.gov/requests/" + parent);
  }

  @Test
  void unsubscribing_with_one_click_stops_further_mail() throws Exception {
    String reporter = uniqueAddress("unsubscribe.example.org");
    RequestNumber number = submit(reporter, "en");
    MimeMessage received = awaitMail(reporter, 1).getFirst();
    String follower = followerOf(number, "unsubscribe.example.org", Locale.ENGLISH);

    String listUnsubscribe = header(received, "List-Unsubscribe");
    String path = linkPath(listUnsubscribe, "https://311.springfield.example.gov/notifications/unsubscribe/");
    HttpResponse<String> page = get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Do you want to stop getting emails about request " + number, "<form method=\"post\"");
    assertThat(deliveries.ofRequest(number)).as("opening the link changes nothing").isNotEmpty();

    HttpResponse<String> done = post(path, "List-Unsubscribe=One-Click");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("You will get no more emails about request " + number);
    assertThat(post(path, "List-Unsubscribe=One-Click").statusCode()).as("repeating it is fine").isEqualTo(200);

    requests.change(number, new RequestChange.PostPublicUpdate("Scheduled for Friday."), DISPATCHER);
    awaitMail(follower, 2);
    assertThat(mailTo(reporter)).as("the reporter got nothing after unsubscribing").hasSize(1);
  }

  @Test
  void an_unknown_or_malformed_unsubscribe_link_says_so_in_spanish_and_changes_nothing() throws Exception {
    HttpResponse<String> unknown = post("/notifications/unsubscribe/2026-999999.AAAAAAAAAAAAAAAAAAAAAA?lang=es", "");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Este enlace no es válido");
    assertThat(get("/notifications/unsubscribe/%3Cscript%3E").statusCode()).isEqualTo(404);
    assertThat(get("/notifications/confirm/not-a-token").statusCode()).isEqualTo(404);
  }

  @Test
  void a_follower_confirms_by_email_and_then_gets_the_next_public_update() throws Exception {
    String reporter = uniqueAddress("follow.example.org");
    RequestNumber number = submit(reporter, "en");
    String follower = uniqueAddress("follow.example.org");
    subscriptions.subscribe(number, follower, Locale.forLanguageTag("es"));

    MimeMessage confirmation = awaitMail(follower, 1).getFirst();
    assertThat(confirmation.getSubject()).isEqualTo("Confirme que quiere novedades de la solicitud " + number);
    requests.change(number, new RequestChange.PostPublicUpdate("Before confirming."), DISPATCHER);
    // The listener runs after the commit on another thread: the update must be handled before the confirmation.
    awaitMail(reporter, 2);

    String confirmPath = linkPath(part(confirmation, "text/plain"), "https://311.springfield.example.gov/notifications/confirm/");
    HttpResponse<String> ask = get(confirmPath);
    assertThat(ask.statusCode()).isEqualTo(200);
    assertThat(ask.body()).contains("Seguir la solicitud " + number);
    HttpResponse<String> confirmed = post(confirmPath, "");
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("Sigue la solicitud " + number);

    requests.change(number, new RequestChange.PostPublicUpdate("Crews will be there on Thursday."), DISPATCHER);
    List<MimeMessage> mail = awaitMail(follower, 2);
    assertThat(mail).hasSize(2);
    assertThat(mail.get(1).getSubject()).isEqualTo("Novedades de la solicitud " + number);
    assertThat(part(mail.get(1), "text/plain")).contains("Crews will be there on Thursday.").doesNotContain("Before confirming");
  }

  @Test
  void subscribing_twice_sends_a_few_confirmations_at_most_and_follows_once() throws Exception {
    RequestNumber number = submit(uniqueAddress("twice.example.org"), "en");
    String follower = uniqueAddress("twice.example.org");
    for (int i = 0; i < 5; i++) subscriptions.subscribe(number, follower, Locale.ENGLISH);
    awaitMail(follower, StoredSubscriptions.MAX_CONFIRMATION_MESSAGES);
    assertThat(deliveries.ofRequest(number).stream().filter(d -> d.event() == NotificationEvent.FOLLOW_CONFIRMATION))
        .hasSize(StoredSubscriptions.MAX_CONFIRMATION_MESSAGES);
  }

  @Test
  void nobody_can_make_us_flood_an_inbox_with_confirmation_requests() {
    String target = uniqueAddress("flood.example.org");
    for (int i = 0; i < StoredSubscriptions.MAX_CONFIRMATIONS_PER_ADDRESS_PER_DAY + 3; i++) {
      subscriptions.subscribe(submit(null, "en"), target.toUpperCase(Locale.ROOT), Locale.ENGLISH);
    }
    assertThat(jdbc.sql("SELECT count(*) FROM notifications.delivery WHERE lower(recipient) = ?").param(target)
            .query(Long.class).single())
        .isEqualTo(StoredSubscriptions.MAX_CONFIRMATIONS_PER_ADDRESS_PER_DAY);
  }

  @Test
  void a_bad_address_or_unknown_request_is_refused_with_a_clear_error() {
    RequestNumber number = submit(uniqueAddress("bad.example.org"), "en");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> subscriptions.subscribe(number, "not an address", Locale.ENGLISH))
        .isInstanceOf(org.civic311.notifications.InvalidSubscription.class)
        .hasMessageContaining("not an email address");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> subscriptions.subscribe(new RequestNumber("2026-999999"), "a@example.org", Locale.ENGLISH))
        .isInstanceOf(org.civic311.requests.RequestNotFound.class);
  }

  @Test
  void an_event_delivered_twice_by_the_outbox_sends_one_message() throws Exception {
    String address = uniqueAddress("redelivered.example.org");
    RequestNumber number = submit(address, "en");
    awaitMail(address, 1);
    var entry = requests.change(number, new RequestChange.PostPublicUpdate("Once only."), DISPATCHER).history().getLast();
    awaitMail(address, 2);

    var submitted = new ServiceRequestSubmitted(number, "POTHOLE", "PW", Channel.WEB, true, entry.at());
    var changed = new org.civic311.requests.ServiceRequestChanged(
        number, "POTHOLE", "PW", entry.kind(), entry.status(), entry.status(), true, entry.id(), entry.at());
    listener.on(submitted);
    listener.on(submitted);
    listener.on(changed);
    listener.on(changed);

    assertThat(deliveries(number)).isEqualTo(2);
    requests.change(number, new RequestChange.PostPublicUpdate("A marker after the repeats."), DISPATCHER);
    assertThat(awaitMail(address, 3)).hasSize(3);
  }

  @Test
  void an_admins_template_is_used_for_the_next_message_without_a_restart() throws Exception {
    templates.saveOverride(NotificationEvent.RECEIVED, NotificationChannel.EMAIL, "en",
        "Report {{number}} is in", "Thanks! Number {{number}}, category {{category}}.{{#expected}} Due {{expected}}.{{/expected}}");
    try {
      String address = uniqueAddress("template.example.org");
      RequestNumber number = submit(address, "en");
      MimeMessage mail = awaitMail(address, 1).getFirst();
      assertThat(mail.getSubject()).isEqualTo("Report " + number + " is in");
      assertThat(part(mail, "text/plain")).startsWith("Thanks! Number " + number + ", category Pothole. Due ");
    } finally {
      templates.resetToDefault(NotificationEvent.RECEIVED, NotificationChannel.EMAIL, "en");
    }
    assertThat(templates.get(NotificationEvent.RECEIVED, NotificationChannel.EMAIL, "en").overridden()).isFalse();
  }

  private String followerOf(RequestNumber number, String domain, Locale language) throws Exception {
    String follower = uniqueAddress(domain);
    subscriptions.subscribe(number, follower, language);
    String path = linkPath(part(awaitMail(follower, 1).getFirst(), "text/plain"), "https://311.springfield.example.gov/notifications/confirm/");
    assertThat(post(path, "").statusCode()).isEqualTo(200);
    return follower;
  }

  private static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
