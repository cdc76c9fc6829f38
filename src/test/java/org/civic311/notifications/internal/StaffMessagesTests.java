package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.identity.internal.StaffBrowser;
import org.civic311.notifications.NotificationEvent;
import org.civic311.notifications.StaffWatchers;
import org.civic311.notifications.WatchNotAllowed;
import org.civic311.requests.Actor;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.workflow.SlaBreached;
import org.civic311.workflow.SlaWarningReached;
import org.civic311.workflow.internal.EscalationRounds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Emails to staff: SLA warnings to the department's dispatchers, breaches to its supervisors (and
 * "taking longer than expected" to residents), and changes of watched requests to their watchers.
 * The escalation job runs when the test says so, after the clock was moved past the due date.
 */
class StaffMessagesTests extends NotificationsIntegrationSupport {

  private static final String PASSWORD = "a-long-staff-password-2026";
  private static final Actor OTHER_DISPATCHER = Actor.staff("someone-else@springfield.example.gov");

  @Autowired StaffAccounts staff;
  @Autowired StaffWatchers watchers;
  @Autowired StaffMessages staffMessages;
  @Autowired ApplicationContext context;

  @Test
  void the_departments_dispatchers_are_warned_and_its_supervisors_told_of_the_breach_once_with_a_console_link() {
    StaffMember dispatcher = member(Set.of(StaffRole.DISPATCHER), Set.of("PW"));
    StaffMember spanishDispatcher = member(Set.of(StaffRole.DISPATCHER), Set.of("PW"), "es");
    StaffMember otherDepartment = member(Set.of(StaffRole.DISPATCHER), Set.of("SAN"));
    StaffMember disabled = staff.disable(member(Set.of(StaffRole.DISPATCHER), Set.of("PW")).id());
    StaffMember supervisor = member(Set.of(StaffRole.SUPERVISOR), Set.of("PW"));
    String reporter = uniqueAddress("overdue.example.org");
    RequestNumber number = submit(reporter, "es");
    awaitMail(reporter, 1);
    Instant due = requests.find(number).orElseThrow().expectedAt();

    clock.moveTo(due.minus(Duration.ofMinutes(1)));
    EscalationRounds.runOnce(context);
    EscalationRounds.runOnce(context);

    MimeMessage warning = awaitAbout(dispatcher.email(), number, 1).getFirst();
    assertThat(subject(warning)).isEqualTo("SLA warning: request " + number.value() + " is due " + subject(warning).substring(subject(warning).indexOf(" is due ") + 8));
    String text = part(warning, "text/plain");
    assertThat(text)
        .contains("Request " + number.value() + " (Pothole) for Public Works has used most of its SLA time")
        .contains("https://311.springfield.example.gov/staff/requests/" + number.value())
        .contains("because you are a dispatcher");
    assertThat(header(warning, "List-Unsubscribe")).isNull();
    assertThat(part(warning, "text/html")).contains("/staff/requests/" + number.value());
    assertThat(about(supervisor.email(), number)).isEmpty();

    MimeMessage aviso = awaitAbout(spanishDispatcher.email(), number, 1).getFirst();
    assertThat(subject(aviso)).startsWith("Aviso de plazo: la solicitud " + number.value() + " vence el ");
    assertThat(header(aviso, "Content-Language")).isEqualTo("es");
    assertThat(part(aviso, "text/plain"))
        .contains("La solicitud " + number.value() + " (Bache) de ")
        .contains("ha consumido la mayor parte de su plazo")
        .contains("porque es despachador")
        .contains("https://311.springfield.example.gov/staff/requests/" + number.value())
        .doesNotContain("has used most of its SLA time");

    clock.moveTo(due.plus(Duration.ofMinutes(1)));
    EscalationRounds.runOnce(context);
    EscalationRounds.runOnce(context);

    MimeMessage breach = awaitAbout(supervisor.email(), number, 1).getFirst();
    assertThat(subject(breach)).isEqualTo("SLA breached: request " + number.value() + " is overdue");
    assertThat(part(breach, "text/plain"))
        .contains("Its priority was raised to high")
        .contains("https://311.springfield.example.gov/staff/requests/" + number.value());
    MimeMessage overdue = awaitMail(reporter, 2).stream().filter(m -> subject(m).contains("tardando")).findFirst().orElseThrow();
    assertThat(subject(overdue)).isEqualTo("La solicitud " + number.value() + " está tardando más de lo previsto");
    assertThat(part(overdue, "text/plain")).contains("https://311.springfield.example.gov/requests/" + number.value());

    // The outbox may deliver an event again (after a crash): nothing is sent twice.
    long before = deliveries(number);
    staffMessages.on(new SlaWarningReached(number, "POTHOLE", "PW", due));
    staffMessages.on(new SlaBreached(number, "POTHOLE", "PW", due, Priority.HIGH));
    assertThat(deliveries(number)).isEqualTo(before);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> about(dispatcher.email(), number).size() == 1);
    assertThat(about(supervisor.email(), number)).hasSize(1);
    assertThat(about(dispatcher.email(), number)).hasSize(1);
    assertThat(about(otherDepartment.email(), number)).isEmpty();
    assertThat(about(disabled.email(), number)).isEmpty();
    assertThat(mailTo(reporter)).hasSize(2);
  }

  @Test
  void a_watcher_gets_every_change_public_and_internal_except_their_own_until_they_stop() {
    StaffMember watcher = member(Set.of(StaffRole.DISPATCHER), Set.of("PW"));
    RequestNumber number = submit(null, "en");
    watchers.watch(number, watcher.id());
    watchers.watch(number, watcher.id());
    assertThat(watchers.isWatching(number, watcher.id())).isTrue();
    assertThat(watchers.watchers(number)).extracting(StaffMember::email).containsExactly(watcher.email());

    requests.change(number, new RequestChange.AddInternalNote("The hole is next to a gas main"), OTHER_DISPATCHER);
    MimeMessage note = awaitAbout(watcher.email(), number, 1).getFirst();
    assertThat(subject(note)).isEqualTo("Request " + number.value() + ": internal note");
    assertThat(part(note, "text/plain"))
        .contains("The hole is next to a gas main")
        .contains("https://311.springfield.example.gov/staff/requests/" + number.value())
        .contains("because you watch request " + number.value());

    requests.change(number, new RequestChange.PostPublicUpdate("Crews come on Thursday."), OTHER_DISPATCHER);
    assertThat(subject(awaitAbout(watcher.email(), number, 2).get(1))).isEqualTo("Request " + number.value() + ": public update");

    requests.change(number, new RequestChange.AddInternalNote("My own note"), Actor.staff(watcher.email()));
    assertThat(watchers.unwatch(number, watcher.id())).isTrue();
    requests.change(number, new RequestChange.AddInternalNote("After unwatching"), OTHER_DISPATCHER);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> about(watcher.email(), number).size() == 2);
    assertThat(jdbc.sql("SELECT count(*) FROM notifications.delivery WHERE request_number = ? AND event = 'WATCHED_CHANGE'")
        .param(number.value()).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void staff_may_only_watch_requests_of_departments_they_may_read() {
    StaffMember sanitation = member(Set.of(StaffRole.SUPERVISOR), Set.of("SAN"));
    StaffMember callTaker = member(Set.of(StaffRole.CALL_TAKER), Set.of());
    RequestNumber pothole = submit(null, "en");
    assertThatThrownBy(() -> watchers.watch(pothole, sanitation.id())).isInstanceOf(WatchNotAllowed.class);
    watchers.watch(pothole, callTaker.id());
    assertThat(watchers.isWatching(pothole, callTaker.id())).isTrue();
    assertThatThrownBy(() -> watchers.watch(new RequestNumber("2026-999999"), callTaker.id()))
        .isInstanceOf(org.civic311.requests.RequestNotFound.class);
  }

  @Test
  void the_watch_buttons_post_and_return_to_the_requests_console_page() throws Exception {
    StaffMember dispatcher = member(Set.of(StaffRole.DISPATCHER), Set.of("PW"));
    RequestNumber number = submit(null, "en");
    StaffBrowser browser = new StaffBrowser(port);
    browser.signIn(dispatcher.email(), PASSWORD);
    browser.get("/staff");

    HttpResponse<String> watched = browser.post("/staff/requests/" + number.value() + "/watch", Map.of());
    assertThat(watched.statusCode()).isEqualTo(302);
    assertThat(watched.headers().firstValue("Location").orElseThrow()).endsWith("/staff/requests/" + number.value());
    assertThat(watchers.isWatching(number, dispatcher.id())).isTrue();

    browser.get("/staff");
    HttpResponse<String> unwatched = browser.post("/staff/requests/" + number.value() + "/unwatch", Map.of());
    assertThat(unwatched.statusCode()).isEqualTo(302);
    assertThat(watchers.isWatching(number, dispatcher.id())).isFalse();

    browser.get("/staff");
    assertThat(browser.post("/staff/requests/2026-999999/watch", Map.of()).statusCode()).isEqualTo(404);
    browser.get("/staff");
    assertThat(browser.post("/staff/requests/not-a-number/watch", Map.of()).statusCode()).isEqualTo(404);
  }

  @Test
  void no_one_to_tell_means_no_delivery() {
    RequestNumber number = submit(null, "en");
    staffMessages.on(new SlaWarningReached(number, "POTHOLE", "NO-SUCH-DEPARTMENT", Instant.now()));
    assertThat(jdbc.sql("SELECT count(*) FROM notifications.delivery WHERE request_number = ? AND event = ?")
        .params(number.value(), NotificationEvent.SLA_WARNING.name()).query(Long.class).single()).isZero();
  }

  private StaffMember member(Set<StaffRole> roles, Set<String> departments) {
    return member(roles, departments, "en");
  }

  private StaffMember member(Set<StaffRole> roles, Set<String> departments, String language) {
    String email = "s" + UUID.randomUUID().toString().substring(0, 10) + "@staff.example.gov";
    return staff.create(new NewStaffMember(email, "Staff " + email.substring(1, 6), roles, departments, null, language), PASSWORD);
  }

  private static List<MimeMessage> about(String address, RequestNumber number) {
    return mailTo(address).stream().filter(m -> subject(m).contains(number.value())).toList();
  }

  private static List<MimeMessage> awaitAbout(String address, RequestNumber number, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> about(address, number).size() >= count);
    return about(address, number);
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
