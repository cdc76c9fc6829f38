package org.civic311.portal.internal.web;

import org.civic311.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civic311.notifications.Deliveries;
import org.civic311.notifications.Delivery;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.Actor;
import org.civic311.requests.CloseReason;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A request's status page as a browser without JavaScript gets it: what it shows, following, reopening. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.AsApplicationClock.class)
class StatusPageTests {

  @Autowired MockMvc mvc;
  @Autowired ServiceRequests requests;
  @Autowired Deliveries deliveries;
  @Autowired MovableClock clock;

  private String body(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private MvcResult open(PortalTestClient client, String path, String language) throws Exception {
    MvcResult result = mvc.perform(client.with(get(path).param("lang", language))).andReturn();
    var cookie = result.getResponse().getCookie(FormGuard.COOKIE);
    if (cookie != null) client.formCookie = cookie;
    client.csrf = PortalTestClient.hidden(body(result)).stream()
        .filter(f -> f.getKey().equals("csrf")).map(Map.Entry::getValue).findFirst().orElseThrow();
    return result;
  }

  @Test
  void the_status_page_shows_the_public_history_and_nothing_private() throws Exception {
    RequestNumber number = TrackTestSupport.pothole(requests, "Deep hole by the bus stop");
    requests.change(number, new RequestChange.Acknowledge("We will look at it this week."), Actor.staff("jdoe"));
    requests.change(number, new RequestChange.AddInternalNote("Caller sounded upset, budget code 77-B"), Actor.staff("jdoe"));
    requests.change(number, new RequestChange.StartWork("A crew is on site."), Actor.staff("jdoe"));

    MvcResult result = mvc.perform(get("/requests/" + number.value()).header("Accept-Language", "en")).andReturn();
    String html = body(result);

    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(html).contains("Pothole", "200 N Spring St", "Latitude 34.05220, longitude -118.24370", "Deep hole by the bus stop",
        "Work in progress", "(open)", "We will look at it this week.", "A crew is on site.", "Received",
        "Expected to be done by");
    assertThat(html).doesNotContain("budget code", "Caller sounded upset", "jdoe",
        TrackTestSupport.REPORTER_EMAIL, TrackTestSupport.REPORTER_PHONE, TrackTestSupport.REPORTER_NAME, "Quillfeather");
  }

  @Test
  void the_status_page_speaks_spanish_with_the_category_name_translated() throws Exception {
    RequestNumber number = TrackTestSupport.pothole(requests, "Bache profundo");
    requests.change(number, new RequestChange.Resolve("Rellenado."), Actor.staff("jdoe"));

    String html = body(mvc.perform(get("/requests/" + number.value()).param("lang", "es")).andReturn());

    assertThat(html).contains("lang=\"es\"", "Arreglada", "(cerrada)", "Qué ha pasado", "¿No está arreglado? Reábrala", "Bache");
    assertThat(html).doesNotContain("Work in progress", "Not fixed?");
  }

  @Test
  void an_unknown_or_malformed_number_gets_a_friendly_404_page() throws Exception {
    MvcResult unknown = mvc.perform(get("/requests/2026-999998").header("Accept-Language", "en")).andReturn();
    assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
    assertThat(body(unknown)).contains("We could not find that request", "There is no request with the number 2026-999998");

    MvcResult malformed = mvc.perform(get("/requests/pothole'--").param("lang", "es")).andReturn();
    assertThat(malformed.getResponse().getStatus()).isEqualTo(404);
    assertThat(body(malformed)).contains("No encontramos esa solicitud", "Eso no es un número de solicitud");

    assertThat(mvc.perform(get("/requests/2026-999998/events")).andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(mvc.perform(get("/requests/2026-999998/timeline")).andReturn().getResponse().getStatus()).isEqualTo(404);
  }

  @Test
  void following_by_email_asks_for_a_confirmation_and_counts_one_more_follower() throws Exception {
    RequestNumber number = TrackTestSupport.pothole(requests, "Hole");
    var client = new PortalTestClient(mvc, "10.20.0.1");
    open(client, "/requests/" + number.value(), "en");

    MvcResult result = mvc.perform(client.post("/requests/" + number.value() + "/follow",
        List.of(Map.entry("csrf", client.csrf), Map.entry("email", "  neighbour@example.org ")))).andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + number.value() + "?done=follow#follow");
    List<Delivery> confirmations = deliveries.ofRequest(number).stream()
        .filter(d -> d.event() == NotificationEvent.FOLLOW_CONFIRMATION).toList();
    assertThat(confirmations).hasSize(1);
    assertThat(confirmations.getFirst().recipient()).startsWith("n").endsWith("@example.org");
    assertThat(requests.find(number).orElseThrow().followers()).isEqualTo(1);
    String done = body(mvc.perform(client.with(get(result.getResponse().getRedirectedUrl()))).andReturn());
    assertThat(done).contains("Check your inbox", "1 person follows this request");
  }

  @Test
  void following_a_request_after_it_was_merged_follows_the_request_it_was_merged_into_and_says_so() throws Exception {
    RequestNumber duplicate = TrackTestSupport.pothole(requests, "Hole by the school");
    RequestNumber parent = TrackTestSupport.pothole(requests, "Hole by the school gate");
    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), Actor.staff("jdoe"));
    int before = requests.find(parent).orElseThrow().followers();
    var client = new PortalTestClient(mvc, "10.20.0.9");
    open(client, "/requests/" + duplicate.value(), "en");

    MvcResult result = mvc.perform(client.post("/requests/" + duplicate.value() + "/follow",
        List.of(Map.entry("csrf", client.csrf), Map.entry("email", "late-neighbour@example.org")))).andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + duplicate.value() + "?done=follow-merged#follow");
    assertThat(deliveries.ofRequest(parent)).as("the confirmation is for the parent")
        .filteredOn(d -> d.event() == NotificationEvent.FOLLOW_CONFIRMATION).hasSize(1);
    assertThat(deliveries.ofRequest(duplicate)).noneMatch(d -> d.event() == NotificationEvent.FOLLOW_CONFIRMATION);
    assertThat(requests.find(parent).orElseThrow().followers()).as("one more person with the problem").isEqualTo(before + 1);
    String done = body(mvc.perform(client.with(get(result.getResponse().getRedirectedUrl()))).andReturn());
    assertThat(done).contains(
        "This report (" + duplicate.value() + ") was merged into request " + parent.value() + ", which is about the same problem: you now follow that one.",
        "href=\"/requests/" + parent.value() + "\"");

    String spanish = body(mvc.perform(client.with(get(result.getResponse().getRedirectedUrl()).param("lang", "es"))).andReturn());
    assertThat(spanish).contains("Este reporte (" + duplicate.value() + ") se unió a la solicitud " + parent.value());
  }

  @Test
  void a_bad_email_is_shown_next_to_the_field_and_kept() throws Exception {
    RequestNumber number = TrackTestSupport.pothole(requests, "Hole");
    var client = new PortalTestClient(mvc, "10.20.0.2");
    open(client, "/requests/" + number.value(), "es");

    MvcResult result = mvc.perform(client.post("/requests/" + number.value() + "/follow",
        List.of(Map.entry("csrf", client.csrf), Map.entry("email", "vecina-at-example"))).header("Accept-Language", "es")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    String html = body(result);
    assertThat(html).contains("id=\"email-error\"", "href=\"#email\"", "Hay un problema", "Escriba un correo como nombre@ejemplo.com", "value=\"vecina-at-example\"",
        "aria-invalid=\"true\"");
    assertThat(deliveries.ofRequest(number)).noneMatch(d -> d.event() == NotificationEvent.FOLLOW_CONFIRMATION);
    assertThat(requests.find(number).orElseThrow().followers()).isZero();
    MvcResult switched = mvc.perform(client.with(get("/requests/" + number.value() + "/follow").param("lang", "en"))).andReturn();
    assertThat(switched.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + number.value());
  }

  @Test
  void a_form_without_the_browsers_token_changes_nothing() throws Exception {
    RequestNumber number = TrackTestSupport.pothole(requests, "Hole");
    requests.change(number, new RequestChange.Resolve("Filled."), Actor.staff("jdoe"));
    var client = new PortalTestClient(mvc, "10.20.0.3");

    MvcResult result = mvc.perform(client.post("/requests/" + number.value() + "/reopen",
        List.of(Map.entry("csrf", "forged"), Map.entry("comment", "Still there")))).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    assertThat(body(result)).contains("Still there");
    assertThat(requests.find(number).orElseThrow().status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void a_resident_reopens_a_closed_request_within_30_days_and_the_department_sees_the_comment() throws Exception {
    RequestNumber number = TrackTestSupport.pothole(requests, "Hole");
    requests.change(number, new RequestChange.Close(CloseReason.COMPLETED, "Filled."), Actor.staff("jdoe"));
    clock.advance(Duration.ofDays(29));
    var client = new PortalTestClient(mvc, "10.20.0.4");
    String page = body(open(client, "/requests/" + number.value(), "en"));
    assertThat(page).contains("Not fixed? Reopen it");

    MvcResult result = mvc.perform(client.post("/requests/" + number.value() + "/reopen",
        List.of(Map.entry("csrf", client.csrf), Map.entry("comment", "The hole is back after the rain.")))).andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + number.value() + "?done=reopened#timeline");
    var reopened = requests.find(number).orElseThrow();
    assertThat(reopened.status()).isEqualTo(Status.NEW);
    assertThat(reopened.history().getLast().text()).isEqualTo("The hole is back after the rain.");
    assertThat(reopened.history().getLast().actor().kind()).isEqualTo(Actor.Kind.RESIDENT);
    String done = body(mvc.perform(client.with(get(result.getResponse().getRedirectedUrl()))).andReturn());
    assertThat(done).contains("Reopened", "The hole is back after the rain.", "(open)");
  }

  @Test
  void reopening_31_days_after_closing_is_refused_with_the_reason_and_the_comment_kept() throws Exception {
    RequestNumber number = TrackTestSupport.pothole(requests, "Hole");
    requests.change(number, new RequestChange.Resolve("Filled."), Actor.staff("jdoe"));
    var client = new PortalTestClient(mvc, "10.20.0.5");
    open(client, "/requests/" + number.value(), "en");
    clock.advance(Duration.ofDays(31));

    assertThat(body(mvc.perform(client.with(get("/requests/" + number.value()))).andReturn()))
        .contains("can no longer be reopened").doesNotContain("Reopen this request");
    MvcResult result = mvc.perform(client.post("/requests/" + number.value() + "/reopen",
        List.of(Map.entry("csrf", client.csrf), Map.entry("comment", "Still a hole")))).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    assertThat(body(result)).contains("closed more than 30 days ago, so it can no longer be reopened");
    assertThat(requests.find(number).orElseThrow().status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void a_missing_or_too_long_comment_or_an_open_request_is_explained_and_the_text_kept() throws Exception {
    RequestNumber number = TrackTestSupport.pothole(requests, "Hole");
    requests.change(number, new RequestChange.Resolve("Filled."), Actor.staff("jdoe"));
    var client = new PortalTestClient(mvc, "10.20.0.6");
    open(client, "/requests/" + number.value(), "en");
    String path = "/requests/" + number.value() + "/reopen";

    MvcResult blank = mvc.perform(client.post(path, List.of(Map.entry("csrf", client.csrf), Map.entry("comment", "  ")))).andReturn();
    assertThat(blank.getResponse().getStatus()).isEqualTo(422);
    assertThat(body(blank)).contains("Tell us what is still wrong", "href=\"#comment\"");

    String tooLong = "x".repeat(2_001);
    MvcResult longOne = mvc.perform(client.post(path, List.of(Map.entry("csrf", client.csrf), Map.entry("comment", tooLong)))).andReturn();
    assertThat(body(longOne)).contains("Use at most 2,000 characters (you wrote 2,001)", tooLong);

    requests.change(number, new RequestChange.Reopen("Staff reopened it"), Actor.staff("jdoe"));
    MvcResult open = mvc.perform(client.post(path, List.of(Map.entry("csrf", client.csrf), Map.entry("comment", "Mine too")))).andReturn();
    assertThat(open.getResponse().getStatus()).isEqualTo(422);
    assertThat(body(open)).contains("This request is open again already");
    assertThat(requests.find(number).orElseThrow().history()).filteredOn(e -> "Mine too".equals(e.text())).isEmpty();
  }

  @Test
  void the_timeline_fragment_carries_the_new_stage() throws Exception {
    RequestNumber number = TrackTestSupport.pothole(requests, "Hole");
    requests.change(number, new RequestChange.PostPublicUpdate("Parts ordered."), Actor.staff("jdoe"));
    requests.change(number, new RequestChange.AddInternalNote("secret note"), Actor.staff("jdoe"));

    String fragment = body(mvc.perform(get("/requests/" + number.value() + "/timeline").header("Accept-Language", "en")).andReturn());

    assertThat(fragment).startsWith("<div id=\"live\"").contains("Parts ordered.", "Update from the city").doesNotContain("secret note", "<html");
  }
}
