package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.civic311.notifications.Subscriptions;
import org.civic311.requests.Actor;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestsMerged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/**
 * A request merged into another as a duplicate: the people who heard about the duplicate (its
 * reporter, its confirmed followers) are told once, over a real SMTP server, and then hear about the
 * parent instead.
 */
class MergeNotificationsTests extends NotificationsIntegrationSupport {

  private static final Actor DISPATCHER = Actor.staff("dispatcher");
  private static final String SITE = "https://311.springfield.example.gov";

  @Autowired Subscriptions subscriptions;
  @Autowired RequestEventListener listener;

  @Test
  void the_reporter_and_a_follower_of_the_duplicate_are_told_once_and_then_hear_the_parents_updates() throws Exception {
    String reporter = uniqueAddress("merge.example.org");
    RequestNumber duplicate = submit(reporter, "en");
    awaitMail(reporter, 1);
    String follower = followerOf(duplicate, "merge.example.org", Locale.ENGLISH);
    String parentsReporter = uniqueAddress("merge.example.org");
    RequestNumber parent = submit(parentsReporter, "en");
    awaitMail(parentsReporter, 1);

    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), DISPATCHER);

    MimeMessage toReporter = awaitMail(reporter, 2).get(1);
    assertThat(toReporter.getSubject()).isEqualTo("Your report " + duplicate + " was joined with request " + parent);
    assertThat(part(toReporter, "text/plain"))
        .contains("which reports the same problem", "You will now get the updates of request " + parent,
            SITE + "/requests/" + parent);
    assertThat(part(toReporter, "text/html")).contains("href=\"" + SITE + "/requests/" + parent + "\"");
    MimeMessage toFollower = awaitMail(follower, 2).get(1);
    assertThat(toFollower.getSubject()).as("a follower did not report it")
        .isEqualTo("Request " + duplicate + " was joined with request " + parent);

    requests.change(parent, new RequestChange.PostPublicUpdate("Crews will be there on Thursday."), DISPATCHER);

    for (String address : List.of(reporter, follower, parentsReporter)) {
      List<MimeMessage> mail = awaitMail(address, address.equals(parentsReporter) ? 2 : 3);
      MimeMessage update = mail.getLast();
      assertThat(update.getSubject()).as(address).isEqualTo("News about request " + parent);
      assertThat(part(update, "text/plain")).contains("Crews will be there on Thursday.");
      assertThat(header(update, "List-Unsubscribe")).as("their unsubscribe link is the parent's")
          .startsWith("<" + SITE + "/notifications/unsubscribe/" + parent + ".");
    }
    assertThat(subjects(reporter)).filteredOn(s -> s.contains("was joined with")).hasSize(1);
    assertThat(subjects(follower)).filteredOn(s -> s.contains("was joined with")).hasSize(1);
    assertThat(subjects(parentsReporter)).noneMatch(s -> s.contains("was joined with"));
    assertThat(activeFollowers(duplicate)).as("nobody follows the closed duplicate any more").isZero();
  }

  @Test
  void someone_who_follows_a_duplicate_after_its_merge_follows_the_parent_and_hears_its_updates() throws Exception {
    RequestNumber duplicate = submit(null, "en");
    RequestNumber parent = submit(null, "en");
    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), DISPATCHER);
    await().atMost(Duration.ofSeconds(30)).until(() -> mergeRows(duplicate) == 1);

    String follower = uniqueAddress("late-follower.example.org");
    assertThat(subscriptions.subscribe(duplicate, follower, Locale.ENGLISH)).isEqualTo(parent);
    MimeMessage confirmation = awaitMail(follower, 1).getFirst();
    assertThat(confirmation.getSubject()).contains(parent.value());
    String path = linkPath(part(confirmation, "text/plain"), SITE + "/notifications/confirm/");
    assertThat(post(path, "").statusCode()).isEqualTo(200);
    assertThat(activeFollowers(parent)).isEqualTo(1);
    assertThat(activeFollowers(duplicate)).isZero();

    requests.change(parent, new RequestChange.PostPublicUpdate("Crews come on Monday."), DISPATCHER);
    MimeMessage update = awaitMail(follower, 2).get(1);
    assertThat(update.getSubject()).isEqualTo("News about request " + parent);
    assertThat(part(update, "text/plain")).contains("Crews come on Monday.");

    // A reopened duplicate is a request of its own again: following it follows it.
    requests.change(duplicate, new RequestChange.Reopen("This is a different hole, further down the street"), Actor.resident());
    assertThat(subscriptions.subscribe(duplicate, uniqueAddress("late-follower.example.org"), Locale.ENGLISH)).isEqualTo(duplicate);
  }

  @Test
  void the_outbox_delivering_the_merge_again_creates_no_second_subscription_and_no_second_message() throws Exception {
    String reporter = uniqueAddress("merge-replay.example.org");
    RequestNumber duplicate = submit(reporter, "en");
    String follower = followerOf(duplicate, "merge-replay.example.org", Locale.ENGLISH);
    RequestNumber parent = submit(null, "en");
    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), DISPATCHER);
    awaitMail(reporter, 2);
    awaitMail(follower, 2);
    long deliveriesBefore = deliveries(duplicate) + deliveries(parent);
    long subscriptionsBefore = subscriptionRows(parent);
    long mergesBefore = mergeRows(duplicate);

    var again = new ServiceRequestsMerged(duplicate, parent, 1, clock.instant());
    // The bean itself, not its asynchronous proxy, so that the counts below come after both runs.
    RequestEventListener direct = AopTestUtils.getUltimateTargetObject(listener);
    direct.on(again);
    direct.on(again);

    assertThat(deliveries(duplicate) + deliveries(parent)).isEqualTo(deliveriesBefore);
    assertThat(subscriptionRows(parent)).isEqualTo(subscriptionsBefore).isEqualTo(1);
    assertThat(mergeRows(duplicate)).isEqualTo(mergesBefore).isEqualTo(1);
    requests.change(parent, new RequestChange.PostPublicUpdate("One message each."), DISPATCHER);
    assertThat(awaitMail(reporter, 3)).hasSize(3);
    assertThat(awaitMail(follower, 3)).hasSize(3);
    assertThat(subjects(follower)).filteredOn(s -> s.equals("News about request " + parent)).hasSize(1);
  }

  @Test
  void a_follower_of_both_requests_keeps_one_subscription_and_gets_each_update_once() throws Exception {
    RequestNumber duplicate = submit(uniqueAddress("merge-both.example.org"), "en");
    RequestNumber parent = submit(uniqueAddress("merge-both.example.org"), "en");
    String follower = uniqueAddress("merge-both.example.org");
    confirm(duplicate, follower, 1);
    confirm(parent, follower, 2);

    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), DISPATCHER);
    awaitMail(follower, 3);
    requests.change(parent, new RequestChange.PostPublicUpdate("Tomorrow morning."), DISPATCHER);
    awaitMail(follower, 4);

    assertThat(jdbc.sql("SELECT count(*) FROM notifications.subscription WHERE request_number = ? AND email = ?")
            .params(parent.value(), follower).query(Long.class).single())
        .isEqualTo(1);
    assertThat(subjects(follower)).filteredOn(s -> s.equals("News about request " + parent)).hasSize(1);
    assertThat(subjects(follower)).filteredOn(s -> s.contains("was joined with")).hasSize(1);
  }

  @Test
  void a_spanish_reporter_is_told_in_spanish() throws Exception {
    String reporter = uniqueAddress("merge-es.example.org");
    RequestNumber duplicate = submit(reporter, "es");
    RequestNumber parent = submit(null, "en");
    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), DISPATCHER);

    MimeMessage mail = awaitMail(reporter, 2).stream().filter(m -> subjectOf(m).contains("se unió")).findFirst().orElseThrow();
    assertThat(mail.getSubject()).isEqualTo("Su reporte " + duplicate + " se unió a la solicitud " + parent);
    assertThat(part(mail, "text/plain"))
        .contains("que reporta el mismo problema", "recibirá las novedades de la solicitud " + parent, SITE + "/requests/" + parent);
    assertThat(part(mail, "text/html")).contains("<html lang=\"es\">");

    requests.change(parent, new RequestChange.PostPublicUpdate("Mañana."), DISPATCHER);
    assertThat(awaitMail(reporter, 3).getLast().getSubject()).isEqualTo("Novedades de la solicitud " + parent);
  }

  @Test
  void the_unsubscribe_link_of_the_merge_message_also_stops_the_parents_updates() throws Exception {
    String reporter = uniqueAddress("merge-stop.example.org");
    RequestNumber duplicate = submit(reporter, "en");
    String follower = followerOf(duplicate, "merge-stop.example.org", Locale.ENGLISH);
    String stays = followerOf(duplicate, "merge-stop.example.org", Locale.ENGLISH);
    RequestNumber parent = submit(null, "en");
    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), DISPATCHER);

    for (String address : List.of(reporter, follower)) {
      MimeMessage merged = awaitMail(address, 2).getLast();
      String path = linkPath(header(merged, "List-Unsubscribe"), SITE + "/notifications/unsubscribe/");
      assertThat(path).startsWith("/notifications/unsubscribe/" + duplicate + ".");
      assertThat(post(path, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
    }
    awaitMail(stays, 2);

    requests.change(parent, new RequestChange.PostPublicUpdate("Scheduled for Friday."), DISPATCHER);
    assertThat(awaitMail(stays, 3).getLast().getSubject()).isEqualTo("News about request " + parent);
    assertThat(mailTo(reporter)).as("the reporter unsubscribed").hasSize(2);
    assertThat(mailTo(follower)).as("the follower unsubscribed").hasSize(2);
  }

  @Test
  void a_reporter_who_gave_a_phone_gets_the_merge_and_the_parents_updates_by_sms() throws Exception {
    String[] phone = uniquePhone();
    RequestNumber duplicate = submit(null, phone[0], true, "en");
    RequestNumber parent = submit(null, "en");
    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), DISPATCHER);
    awaitTexts(phone[1], 2);
    requests.change(parent, new RequestChange.PostPublicUpdate("Friday."), DISPATCHER);

    awaitTexts(phone[1], 3);
    List<String> texts = TWILIO.delivered(phone[1]);
    assertThat(texts).hasSize(3);
    assertThat(texts).anySatisfy(t -> assertThat(t)
        .startsWith("Your report " + duplicate + " was joined with request " + parent)
        .contains(SITE + "/requests/" + parent));
    assertThat(texts).anySatisfy(t -> assertThat(t).contains(parent.value(), "Friday."));
  }

  @Test
  void a_reopened_duplicate_gives_its_reporter_back_to_it() throws Exception {
    String reporter = uniqueAddress("merge-reopen.example.org");
    RequestNumber duplicate = submit(reporter, "en");
    RequestNumber parent = submit(null, "en");
    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), DISPATCHER);
    awaitMail(reporter, 2);
    requests.change(duplicate, new RequestChange.Reopen("Not the same hole"), DISPATCHER);
    awaitMail(reporter, 3);

    requests.change(parent, new RequestChange.PostPublicUpdate("Only for the parent."), DISPATCHER);
    requests.change(duplicate, new RequestChange.PostPublicUpdate("For the reopened one."), DISPATCHER);
    assertThat(awaitMail(reporter, 4).getLast().getSubject()).isEqualTo("News about request " + duplicate);
    assertThat(subjects(reporter)).doesNotContain("News about request " + parent);
    assertThat(jdbc.sql("SELECT count(*) FROM notifications.delivery WHERE request_number = ? AND recipient = ?")
            .params(parent.value(), reporter).query(Long.class).single())
        .isZero();
  }

  private static void awaitTexts(String e164, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> TWILIO.delivered(e164).size() >= count);
  }

  private String followerOf(RequestNumber number, String domain, Locale language) throws Exception {
    String follower = uniqueAddress(domain);
    confirm(number, follower, 1);
    return follower;
  }

  private void confirm(RequestNumber number, String follower, int nth) throws Exception {
    subscriptions.subscribe(number, follower, Locale.ENGLISH);
    String path = linkPath(part(awaitMail(follower, nth).get(nth - 1), "text/plain"), SITE + "/notifications/confirm/");
    assertThat(post(path, "").statusCode()).isEqualTo(200);
  }

  private long activeFollowers(RequestNumber number) {
    return jdbc.sql("SELECT count(*) FROM notifications.subscription WHERE request_number = ? AND state = 'ACTIVE'")
        .param(number.value()).query(Long.class).single();
  }

  private long subscriptionRows(RequestNumber number) {
    return jdbc.sql("SELECT count(*) FROM notifications.subscription WHERE request_number = ?")
        .param(number.value()).query(Long.class).single();
  }

  private long mergeRows(RequestNumber duplicate) {
    return jdbc.sql("SELECT count(*) FROM notifications.merged_request WHERE duplicate_number = ?")
        .param(duplicate.value()).query(Long.class).single();
  }

  private static List<String> subjects(String address) {
    return mailTo(address).stream().map(MergeNotificationsTests::subjectOf).toList();
  }

  private static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
