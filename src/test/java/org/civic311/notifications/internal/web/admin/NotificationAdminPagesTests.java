package org.civic311.notifications.internal.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffRole;
import org.civic311.identity.internal.StaffBrowser;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.NotificationEvent;
import org.civic311.notifications.Templates;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.civic311.webhooks.Webhooks;
import org.civic311.workflow.BusinessCalendars;
import org.civic311.workflow.CalendarSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin pages of templates, deliveries, the business calendar and webhooks over real HTTP, as an
 * admin's browser without JavaScript uses them: forms, redirects, refusals that keep what was typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationAdminPagesTests {

  private static final String PASSWORD = "an-admin-password-2026";

  @Autowired StaffAccounts staff;
  @Autowired Templates templates;
  @Autowired BusinessCalendars calendars;
  @Autowired Webhooks webhooks;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceRequests requests;
  @LocalServerPort int port;

  StaffBrowser admin;
  CalendarSettings calendarBefore;

  @BeforeEach
  void signIn() throws Exception {
    String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";
    staff.create(new NewStaffMember(email, "Admin", Set.of(StaffRole.ADMIN), Set.of(), null), PASSWORD);
    admin = new StaffBrowser(port);
    assertThat(admin.signIn(email, PASSWORD).statusCode()).isEqualTo(302);
    calendarBefore = calendars.calendar();
  }

  @AfterEach
  void restore() {
    templates.resetToDefault(NotificationEvent.RESOLVED, NotificationChannel.EMAIL, "en");
    calendars.saveWorkingTime(calendarBefore.workingDays(), calendarBefore.opens(), calendarBefore.closes());
  }

  @Test
  void the_template_list_shows_every_event_channel_and_language_and_an_edit_is_used_and_reset() throws Exception {
    HttpResponse<String> list = admin.get("/staff/admin/templates");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("data-template=\"resolved/email/en\"", "data-template=\"resolved/sms/es\"", "data-template=\"sla_breached/email/en\"",
            "data-template=\"watched_change/email/es\"", "data-template=\"overdue/sms/en\"")
        .doesNotContain("data-template=\"sla_warning/sms/en\"");

    HttpResponse<String> edit = admin.get("/staff/admin/templates/resolved/email/en");
    assertThat(edit.body()).contains("Request 2026-000123 is resolved", "{{surveyLink}}");

    HttpResponse<String> preview = admin.post("/staff/admin/templates/resolved/email/en",
        form("subject", "Fixed: {{number}}", "body", "Done at {{address}}.", "action", "preview"));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("Fixed: 2026-000123", "Done at 200 N Spring St.");
    assertThat(templates.get(NotificationEvent.RESOLVED, NotificationChannel.EMAIL, "en").overridden()).isFalse();

    HttpResponse<String> refused = admin.post("/staff/admin/templates/resolved/email/en",
        form("subject", "Fixed: {{numbr}}", "body", "Done at {{address}}.", "action", "save"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("numbr", "Fixed: {{numbr}}", "Done at {{address}}.");
    assertThat(refused.body()).containsPattern("id=\"subject\"[^>]*aria-describedby=\"problems\"[^>]*aria-invalid=\"true\"");
    assertThat(templates.get(NotificationEvent.RESOLVED, NotificationChannel.EMAIL, "en").overridden()).isFalse();

    HttpResponse<String> saved = admin.post("/staff/admin/templates/resolved/email/en",
        form("subject", "Fixed: {{number}}", "body", "Done at {{address}}.", "action", "save"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(admin.follow(saved).body()).contains("Saved.");
    assertThat(templates.get(NotificationEvent.RESOLVED, NotificationChannel.EMAIL, "en").subject()).isEqualTo("Fixed: {{number}}");

    HttpResponse<String> reset = admin.post("/staff/admin/templates/resolved/email/en/reset", Map.of());
    assertThat(reset.statusCode()).isEqualTo(302);
    assertThat(templates.get(NotificationEvent.RESOLVED, NotificationChannel.EMAIL, "en").overridden()).isFalse();

    assertThat(admin.get("/staff/admin/templates/nonsense/email/en").statusCode()).isEqualTo(404);
    assertThat(admin.get("/staff/admin/templates/sla_warning/sms/en").statusCode()).isEqualTo(404);
    assertThat(admin.get("/staff/admin/templates/resolved/email/fr").statusCode()).isEqualTo(404);
  }

  @Test
  void the_merged_templates_are_edited_and_previewed_like_the_others_in_every_channel_and_language() throws Exception {
    assertThat(admin.get("/staff/admin/templates").body())
        .contains("data-template=\"merged/email/en\"", "data-template=\"merged/email/es\"",
            "data-template=\"merged/sms/en\"", "data-template=\"merged/sms/es\"");
    HttpResponse<String> edit = admin.get("/staff/admin/templates/merged/email/es");
    assertThat(edit.statusCode()).isEqualTo(200);
    assertThat(edit.body()).contains("Su reporte 2026-000123 se unió a la solicitud 2026-000101", "{{parentLink}}", "{{yourReport}}",
        "is kept only in the reporter");
    admin.get("/staff/admin/templates/merged/sms/en");
    HttpResponse<String> preview = admin.post("/staff/admin/templates/merged/sms/en/preview",
        form("body", "{{#yourReport}}Yours{{/yourReport}}{{^yourReport}}Followed{{/yourReport}}: {{number}} is now {{parent}} {{parentLink}}"));
    assertThat(preview.body()).contains("Yours: 2026-000123 is now 2026-000101 http").contains("\"problems\":[]");
  }

  @Test
  void the_live_preview_answers_json_with_the_rendered_text_or_the_problems() throws Exception {
    admin.get("/staff/admin/templates/overdue/sms/es");
    HttpResponse<String> ok = admin.post("/staff/admin/templates/overdue/sms/es/preview", form("body", "Tarda: {{number}} {{link}}"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("Tarda: 2026-000123 http").contains("\"problems\":[]");
    admin.get("/staff/admin/templates/overdue/sms/es");
    HttpResponse<String> bad = admin.post("/staff/admin/templates/overdue/sms/es/preview", form("body", "{{#number}} open"));
    assertThat(bad.body()).contains("\"problems\":[\"");
  }

  @Test
  void a_failed_delivery_is_listed_with_its_error_and_retried_from_the_page() throws Exception {
    String number = requests.submit(new SubmitServiceRequest("POTHOLE", Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
        new Location(34.0522, -118.2437, "200 N Spring St", null, "90012"), "Deep pothole", List.of(), Channel.WEB, org.civic311.requests.Reporter.ANONYMOUS, null, null))
        .number().value();
    long id = jdbc.sql(
            """
            INSERT INTO notifications.delivery (dedup_key, request_number, event, channel, recipient, recipient_key, language,
              state, attempts, last_error, next_attempt_at, created_at, last_attempt_at)
            VALUES (?, ?, 'RESOLVED', 'EMAIL', 'ana@example.org', 'k', 'en', 'FAILED', 10,
              'SMTP said 550 mailbox unavailable', now(), now(), now())
            RETURNING id
            """)
        .params("test:" + UUID.randomUUID(), number)
        .query(Long.class).single();
    HttpResponse<String> page = admin.get("/staff/admin/deliveries");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-delivery=\"" + id + "\"", "SMTP said 550 mailbox unavailable", "a***@example.org")
        .doesNotContain("ana@example.org");

    HttpResponse<String> retried = admin.post("/staff/admin/deliveries/" + id + "/retry", Map.of());
    assertThat(retried.statusCode()).isEqualTo(302);
    assertThat(admin.follow(retried).body()).contains("Delivery " + id + " will be sent again");
    // Waiting again (the worker may already have tried it; this test's app has no mail server).
    assertThat(jdbc.sql("SELECT state FROM notifications.delivery WHERE id = ?").param(id).query(String.class).single())
        .isIn("PENDING", "SENDING");

    admin.get("/staff/admin/deliveries");
    assertThat(admin.follow(admin.post("/staff/admin/deliveries/99999999/retry", Map.of())).body()).contains("There is no delivery 99999999");

    // A sent message, or one cancelled because its person unsubscribed, is not sent again.
    for (String state : List.of("SENT", "CANCELLED")) {
      long done = jdbc.sql(
              """
              INSERT INTO notifications.delivery (dedup_key, request_number, event, channel, recipient, recipient_key, language,
                state, attempts, next_attempt_at, created_at, last_attempt_at)
              VALUES (?, ?, 'RESOLVED', 'EMAIL', 'ana@example.org', 'k2', 'en', ?, 1, now(), now(), now())
              RETURNING id
              """)
          .params("test:" + UUID.randomUUID(), number, state)
          .query(Long.class).single();
      admin.get("/staff/admin/deliveries");
      assertThat(admin.follow(admin.post("/staff/admin/deliveries/" + done + "/retry", Map.of())).body())
          .contains("Delivery " + done + " was not sent again");
      assertThat(jdbc.sql("SELECT state FROM notifications.delivery WHERE id = ?").param(done).query(String.class).single())
          .isEqualTo(state);
    }
  }

  @Test
  void the_calendar_page_changes_hours_and_holidays_at_once_and_keeps_what_was_typed_when_refused() throws Exception {
    admin.get("/staff/admin/calendar");
    HttpResponse<String> saved = admin.postMulti("/staff/admin/calendar/hours",
        "days=MONDAY&days=TUESDAY&days=WEDNESDAY&days=THURSDAY&opens=07%3A30&closes=16%3A00");
    assertThat(saved.statusCode()).isEqualTo(302);
    CalendarSettings now = calendars.calendar();
    assertThat(now.workingDays()).isEqualTo(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
    assertThat(now.opens()).isEqualTo(LocalTime.of(7, 30));

    admin.get("/staff/admin/calendar");
    HttpResponse<String> refused = admin.postMulti("/staff/admin/calendar/hours", "opens=18%3A00&closes=09%3A00");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Choose at least one working day.", "The day must close after it opens.", "value=\"18:00\"");
    // A screen reader hears the problems when it reaches the fields they are about.
    assertThat(refused.body()).contains("aria-describedby=\"closes-hint hours-problems\"", "aria-invalid=\"true\"");

    admin.get("/staff/admin/calendar");
    HttpResponse<String> added = admin.post("/staff/admin/calendar/holidays", form("date", "2031-03-31", "name", "César Chávez Day"));
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(admin.follow(added).body()).contains("César Chávez Day", "Holiday 2031-03-31 added.");
    assertThat(calendars.calendar().holidays()).anyMatch(h -> h.date().equals(LocalDate.of(2031, 3, 31)));

    admin.get("/staff/admin/calendar");
    HttpResponse<String> badHoliday = admin.post("/staff/admin/calendar/holidays", form("date", "31/03/2031", "name", "Typed name"));
    assertThat(badHoliday.statusCode()).isEqualTo(400);
    assertThat(badHoliday.body()).contains("Give the date as year-month-day", "value=\"Typed name\"");
    assertThat(badHoliday.body()).contains("id=\"date\"").containsPattern("id=\"date\"[^>]*aria-describedby=\"holiday-problems\"");

    admin.get("/staff/admin/calendar");
    HttpResponse<String> removed = admin.post("/staff/admin/calendar/holidays/2031-03-31/remove", Map.of());
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(calendars.calendar().holidays()).noneMatch(h -> h.date().equals(LocalDate.of(2031, 3, 31)));
    admin.get("/staff/admin/calendar");
    assertThat(admin.post("/staff/admin/calendar/holidays/2031-03-31/remove", Map.of()).statusCode()).isEqualTo(404);
  }

  @Test
  void an_endpoint_is_added_with_its_secret_shown_once_and_removed() throws Exception {
    admin.get("/staff/admin/webhooks");
    HttpResponse<String> added = admin.postMulti("/staff/admin/webhooks",
        "url=" + enc("https://workorders.example.gov/civic311") + "&events=request.resolved&events=request.closed&description=Work+orders");
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("whsec_", "request.closed", "Work orders");
    var endpoint = webhooks.endpoints().stream()
        .filter(e -> e.active() && e.url().toString().equals("https://workorders.example.gov/civic311")).findFirst().orElseThrow();
    assertThat(endpoint.eventTypes()).containsExactlyInAnyOrder("request.resolved", "request.closed");
    assertThat(admin.get("/staff/admin/webhooks").body()).doesNotContain("whsec_");

    // The same form sent again (a refresh of the result page) registers nothing more.
    HttpResponse<String> again = admin.postMulti("/staff/admin/webhooks",
        "url=" + enc("https://workorders.example.gov/civic311") + "&events=request.resolved&description=Work+orders");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already receives events at https://workorders.example.gov/civic311").doesNotContain("whsec_");
    assertThat(webhooks.endpoints().stream().filter(e -> e.active() && e.url().toString().equals("https://workorders.example.gov/civic311")))
        .hasSize(1);

    admin.get("/staff/admin/webhooks");
    HttpResponse<String> refused = admin.postMulti("/staff/admin/webhooks", "url=" + enc("ftp://nope.example.gov") + "&description=Typed");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("value=\"ftp://nope.example.gov\"", "value=\"Typed\"");
    assertThat(refused.body()).containsPattern("id=\"url\"[^>]*aria-describedby=\"url-hint problem\"[^>]*aria-invalid=\"true\"");

    admin.get("/staff/admin/webhooks");
    HttpResponse<String> removed = admin.post("/staff/admin/webhooks/" + endpoint.id() + "/remove", Map.of());
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(webhooks.endpoint(endpoint.id()).orElseThrow().active()).isFalse();
  }

  @Test
  void removing_an_endpoint_shows_what_waited_for_it_as_cancelled_without_a_retry_and_keeps_it() throws Exception {
    // Nothing listens there: the delivery waits for its next attempt.
    var endpoint = webhooks.register(java.net.URI.create("http://127.0.0.1:9/removed-" + UUID.randomUUID()), Set.of("*"), "Old system").endpoint();
    requests.submit(new SubmitServiceRequest("POTHOLE", Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
        new Location(34.0522, -118.2437, "200 N Spring St", null, "90012"), "Deep pothole", List.of(), Channel.WEB,
        org.civic311.requests.Reporter.ANONYMOUS, null, null));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !webhooks.deliveries(endpoint.id(), 10).isEmpty());
    var waiting = webhooks.deliveries(endpoint.id(), 10).getFirst();

    admin.get("/staff/admin/webhooks");
    assertThat(admin.post("/staff/admin/webhooks/" + endpoint.id() + "/remove", Map.of()).statusCode()).isEqualTo(302);

    String page = admin.get("/staff/admin/webhooks").body();
    int row = page.indexOf("data-delivery=\"" + waiting.id() + "\"");
    assertThat(row).as("listed on the page").isPositive();
    String shown = page.substring(row, page.indexOf("</tr>", row));
    assertThat(shown).contains("Cancelled: endpoint removed").doesNotContain("/retry", "Retry");
    assertThat(webhooks.deliveries(endpoint.id(), 10))
        .as("kept as history")
        .singleElement()
        .satisfies(d -> {
          assertThat(d.id()).isEqualTo(waiting.id());
          assertThat(d.status()).isEqualTo(org.civic311.webhooks.WebhookDelivery.Status.CANCELLED);
        });
    assertThat(webhooks.retry(waiting.id())).as("nothing to retry").isFalse();

    admin.get("/staff/admin/webhooks?lang=es");
    assertThat(admin.get("/staff/admin/webhooks").body()).contains("Cancelado: destino eliminado");
    admin.get("/staff/admin/webhooks?lang=en");
  }

  @Test
  void the_pages_are_for_admins_only() throws Exception {
    String email = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";
    staff.create(new NewStaffMember(email, "Dispatcher", Set.of(StaffRole.DISPATCHER), Set.of("PW"), null), PASSWORD);
    StaffBrowser dispatcher = new StaffBrowser(port);
    dispatcher.signIn(email, PASSWORD);
    for (String page : new String[] {"/staff/admin/templates", "/staff/admin/deliveries", "/staff/admin/calendar", "/staff/admin/webhooks"}) {
      assertThat(dispatcher.get(page).statusCode()).as(page).isEqualTo(403);
    }
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) form.put(pairs[i], pairs[i + 1]);
    return form;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
