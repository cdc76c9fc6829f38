package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civic311.media.GpsJpeg;
import org.civic311.notifications.Deliveries;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.CloseReason;
import org.civic311.requests.Location;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Reporter;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * "Is it one of these?" and "me too" without JavaScript, and a photo's own location offered on the
 * review page: against the real application and its database.
 */
@SpringBootTest(properties = "civic311.portal.duplicate-radius-meters=60")
@AutoConfigureMockMvc
class DuplicateReportTests {

  @Autowired MockMvc mvc;
  @Autowired ServiceRequests requests;
  @Autowired Deliveries deliveries;
  @Autowired JdbcClient jdbc;

  /** A corner of the city no other test reports at, one per test so lists do not mix. */
  static RequestNumber potholeAt(ServiceRequests requests, double lat, double lon, String address) {
    return requests.submit(new SubmitServiceRequest("POTHOLE",
            Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
            new Location(lat, lon, address, null, null), "Deep hole", List.of(), Channel.WEB,
            new Reporter("Ana", "Reporter", "ana.reporter@example.org", null, null, null, false, "en"), null, null))
        .number();
  }

  private int countRequests() {
    return jdbc.sql("SELECT count(*) FROM requests.service_request").query(Integer.class).single();
  }

  private static String body(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static List<Map.Entry<String, String>> reportAt(PortalTestClient client, String lat, String lon, String... more) {
    var fields = new ArrayList<>(ReportFlowTests.pothole("lat", lat, "long", lon, "address", ""));
    for (int i = 0; i + 1 < more.length; i += 2) {
      String name = more[i];
      fields.removeIf(f -> f.getKey().equals(name));
      fields.add(Map.entry(name, more[i + 1]));
    }
    return ReportFlowTests.withCsrf(client, fields);
  }

  @Test
  void the_review_offers_an_open_pothole_nearby_and_me_too_follows_it_instead_of_reporting_it_again() throws Exception {
    RequestNumber existing = potholeAt(requests, 34.0701, -118.3001, "1 Duplicate Way");
    RequestNumber far = potholeAt(requests, 34.0711, -118.3001, "Far away, 111 m north");
    int before = countRequests();
    var client = new PortalTestClient(mvc, "10.50.0.1");
    client.open("/report/POTHOLE");

    String review = body(mvc.perform(client.post("/report/POTHOLE", reportAt(client, "34.07023", "-118.30015"))).andReturn());

    assertThat(review).contains("Is it one of these?", "Request " + existing.value(), "1 Duplicate Way",
        "reported today", "about 15 m away", "Nobody follows it yet", "Yes, it is " + existing.value() + ": follow it");
    assertThat(review).doesNotContain(far.value()).doesNotContain("ana.reporter@example.org");

    var fields = new ArrayList<>(PortalTestClient.hidden(review));
    fields.add(Map.entry("follow", existing.value()));
    MvcResult meToo = mvc.perform(client.post("/report/POTHOLE/me-too", fields)).andReturn();

    assertThat(meToo.getResponse().getRedirectedUrl()).isEqualTo("/report/following/" + existing.value() + "?email=1");
    assertThat(requests.find(existing).orElseThrow().followers()).isEqualTo(1);
    assertThat(deliveries.ofRequest(existing)).filteredOn(d -> d.event() == NotificationEvent.FOLLOW_CONFIRMATION)
        .singleElement().satisfies(d -> assertThat(d.recipient()).endsWith("@example.org"));
    assertThat(countRequests()).as("no new request").isEqualTo(before);

    String done = body(mvc.perform(client.with(get(meToo.getResponse().getRedirectedUrl()))).andReturn());
    assertThat(done).contains("You now follow this request", existing.value(), "People who follow it",
        "We sent you an email with a link", "href=\"/requests/" + existing.value() + "\"")
        .doesNotContain("rosa@example.org");
  }

  @Test
  void anonymous_me_too_counts_without_email_and_in_spanish() throws Exception {
    RequestNumber existing = potholeAt(requests, 34.0801, -118.3101, "2 Duplicate Way");
    var client = new PortalTestClient(mvc, "10.50.0.2");
    client.open("/report/POTHOLE?lang=es");
    String review = body(mvc.perform(client.post("/report/POTHOLE", reportAt(client, "34.0801", "-118.3101",
        "contact", "anonymous")).param("lang", "es")).andReturn());
    assertThat(review).contains("¿Es uno de estos?", "Sí, es " + existing.value() + ": seguirla");

    var fields = new ArrayList<>(PortalTestClient.hidden(review));
    fields.add(Map.entry("follow", existing.value()));
    MvcResult meToo = mvc.perform(client.post("/report/POTHOLE/me-too", fields)).andReturn();

    assertThat(meToo.getResponse().getRedirectedUrl()).isEqualTo("/report/following/" + existing.value());
    assertThat(requests.find(existing).orElseThrow().followers()).isEqualTo(1);
    assertThat(deliveries.ofRequest(existing)).noneMatch(d -> d.event() == NotificationEvent.FOLLOW_CONFIRMATION);
    String done = body(mvc.perform(client.with(get(meToo.getResponse().getRedirectedUrl())).param("lang", "es")).andReturn());
    assertThat(done).contains("Ahora sigue esta solicitud", "Seguir por correo electrónico");
  }

  @Test
  void closed_requests_are_not_offered_and_one_closed_meanwhile_cannot_be_followed() throws Exception {
    RequestNumber closed = potholeAt(requests, 34.0901, -118.3201, "3 Duplicate Way");
    requests.change(closed, new RequestChange.Close(CloseReason.COMPLETED, "Filled"), Actor.staff("jdoe"));
    RequestNumber open = potholeAt(requests, 34.0902, -118.3201, "4 Duplicate Way");
    var client = new PortalTestClient(mvc, "10.50.0.3");
    client.open("/report/POTHOLE");
    String review = body(mvc.perform(client.post("/report/POTHOLE", reportAt(client, "34.0901", "-118.3201"))).andReturn());
    assertThat(review).contains(open.value()).doesNotContain(closed.value());

    requests.change(open, new RequestChange.Close(CloseReason.COMPLETED, "Filled"), Actor.staff("jdoe"));
    var fields = new ArrayList<>(PortalTestClient.hidden(review));
    fields.add(Map.entry("follow", open.value()));
    MvcResult refused = mvc.perform(client.post("/report/POTHOLE/me-too", fields)).andReturn();

    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(body(refused)).contains("was closed in the meantime").contains("Deep hole &lt;right&gt;");
    assertThat(requests.find(open).orElseThrow().followers()).isZero();
    MvcResult unknown = mvc.perform(client.post("/report/POTHOLE/me-too",
        List.of(Map.entry("csrf", client.csrf), Map.entry("follow", "2026-99999999")))).andReturn();
    assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
  }

  @Test
  void me_too_on_a_request_closed_meanwhile_is_refused_in_spanish_on_a_spanish_page() throws Exception {
    RequestNumber open = potholeAt(requests, 34.0951, -118.3251, "5 Duplicate Way");
    var client = new PortalTestClient(mvc, "10.50.0.9");
    client.open("/report/POTHOLE?lang=es");
    String review = body(mvc.perform(client.post("/report/POTHOLE", reportAt(client, "34.0951", "-118.3251"))
        .param("lang", "es")).andReturn());
    assertThat(review).contains(open.value());

    requests.change(open, new RequestChange.Close(CloseReason.COMPLETED, "Filled"), Actor.staff("jdoe"));
    var fields = new ArrayList<>(PortalTestClient.hidden(review));
    fields.add(Map.entry("follow", open.value()));
    MvcResult refused = mvc.perform(client.post("/report/POTHOLE/me-too", fields).param("lang", "es")).andReturn();

    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(body(refused)).contains("La solicitud " + open.value() + " se cerró mientras tanto")
        .doesNotContain("was closed in the meantime").doesNotContain("cannot follow");
    assertThat(requests.find(open).orElseThrow().followers()).isZero();
  }

  @Test
  void the_wizard_asks_for_the_part_with_open_requests_near_the_place() throws Exception {
    RequestNumber existing = potholeAt(requests, 34.1001, -118.3301, "5 Duplicate Way");
    MvcResult near = mvc.perform(get("/report/POTHOLE/nearby").param("lat", "34.1001").param("long", "-118.3301")).andReturn();
    assertThat(near.getResponse().getStatus()).isEqualTo(200);
    assertThat(body(near)).contains("Is it one of these?", existing.value(), "/report/POTHOLE/me-too")
        .doesNotContain("<html");

    MvcResult nothing = mvc.perform(get("/report/POTHOLE/nearby").param("lat", "34.2001").param("long", "-118.3301")).andReturn();
    assertThat(nothing.getResponse().getStatus()).isEqualTo(204);
    MvcResult otherCategory = mvc.perform(get("/report/GRAFFITI/nearby").param("lat", "34.1001").param("long", "-118.3301")).andReturn();
    assertThat(otherCategory.getResponse().getStatus()).isIn(204, 404);
    MvcResult garbage = mvc.perform(get("/report/POTHOLE/nearby").param("lat", "north").param("long", "9999")).andReturn();
    assertThat(garbage.getResponse().getStatus()).isEqualTo(204);
  }

  @Test
  void a_photo_with_a_position_is_offered_as_the_place_and_used_only_when_chosen() throws Exception {
    var client = new PortalTestClient(mvc, "10.50.0.4");
    client.open("/report/POTHOLE");
    var upload = multipart("/report/POTHOLE")
        .file(new MockMultipartFile("photo", "IMG_0042.JPG", "image/jpeg", GpsJpeg.at(200, 150, 34.053691, -118.242767)));
    reportAt(client, "34.0601", "-118.2501").forEach(f -> upload.param(f.getKey(), f.getValue()));
    String review = body(mvc.perform(client.with(upload)).andReturn());

    var offered = java.util.regex.Pattern.compile("Photo 1 says where it was taken \\((34\\.05369\\d,-118\\.24276\\d)\\)")
        .matcher(review);
    assertThat(offered.find()).as("the photo's position, to the meter").isTrue();
    assertThat(review).contains("Use the location of photo 1").contains("Point 34.0601, -118.2501");
    String point = offered.group(1);

    var fields = new ArrayList<>(PortalTestClient.hidden(review));
    fields.add(Map.entry("usePhotoLocation", point));
    String moved = body(mvc.perform(client.post("/report/POTHOLE", fields)).andReturn());
    assertThat(moved).contains("now where the photo was taken", "Point " + point.replace(",", ", "), "200 N Spring St")
        .doesNotContain("Use the location of photo 1");

    MvcResult sent = mvc.perform(client.post("/report/POTHOLE/submit", PortalTestClient.hidden(moved))).andReturn();
    String number = sent.getResponse().getRedirectedUrl().replace("/report/done/", "");
    var stored = requests.find(new RequestNumber(number)).orElseThrow();
    assertThat(stored.location().latitude()).isEqualTo(Double.parseDouble(point.split(",")[0]));
    assertThat(stored.mediaUrls()).hasSize(1);
    String photoId = stored.mediaUrls().getFirst().replaceAll(".*/media/([0-9a-f-]{36})\\..*", "$1");
    assertThat(jdbc.sql("SELECT count(*) FROM media.unclaimed_photo WHERE photo_id = ?::uuid").param(photoId)
        .query(Integer.class).single()).as("no longer waiting for cleanup").isZero();
  }
}
