package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.civic311.requests.Channel;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Reporting a problem as a resident without JavaScript does: plain forms, posted and answered by the
 * server, against the real application and its embedded database.
 */
@SpringBootTest(properties = "civic311.media.max-photo-bytes=300000")
@AutoConfigureMockMvc
class ReportFlowTests {

  @Autowired MockMvc mvc;
  @Autowired ServiceRequests requests;

  private static final Pattern DONE = Pattern.compile("/report/done/(\\d{4}-\\d{6,})");

  static List<Map.Entry<String, String>> pothole(String... more) {
    var fields = new ArrayList<Map.Entry<String, String>>(List.of(
        Map.entry("attribute[SIZE]", "large"),
        Map.entry("attribute[POSITION]", "bike_lane"),
        Map.entry("address", "200 N Spring St"),
        Map.entry("lat", "34.0537"),
        Map.entry("long", "-118.2428"),
        Map.entry("description", "Deep hole <right> in the bike lane & near the curb"),
        Map.entry("contact", "contact"),
        Map.entry("firstName", "Rosa"),
        Map.entry("lastName", "Parks"),
        Map.entry("email", "rosa@example.org"),
        Map.entry("phone", "555-0100"),
        Map.entry("smsConsent", "yes"),
        Map.entry("website", "")));
    for (int i = 0; i + 1 < more.length; i += 2) {
      String name = more[i];
      fields.removeIf(f -> f.getKey().equals(name));
      fields.add(Map.entry(name, more[i + 1]));
    }
    return fields;
  }

  static List<Map.Entry<String, String>> withCsrf(PortalTestClient client, List<Map.Entry<String, String>> fields) {
    var all = new ArrayList<>(fields);
    all.add(Map.entry("csrf", client.csrf));
    return all;
  }

  @Test
  void a_resident_without_javascript_reports_a_pothole_reviews_it_and_gets_its_number() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.1");
    client.open("/report/POTHOLE");

    MvcResult review = mvc.perform(client.post("/report/POTHOLE", withCsrf(client, pothole()))).andReturn();
    assertThat(review.getResponse().getStatus()).isEqualTo(200);
    String reviewPage = review.getResponse().getContentAsString();
    assertThat(reviewPage).contains("Check your report before sending").contains("Larger than a car tire")
        .contains("In a bike lane").contains("Deep hole &lt;right&gt; in the bike lane &amp; near the curb");
    assertThat(review.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");

    MvcResult sent = mvc.perform(client.post("/report/POTHOLE/submit", PortalTestClient.hidden(reviewPage))).andReturn();
    assertThat(sent.getResponse().getStatus()).isEqualTo(302);
    var number = DONE.matcher(sent.getResponse().getRedirectedUrl());
    assertThat(number.matches()).as(sent.getResponse().getRedirectedUrl()).isTrue();

    ServiceRequestDetails stored = requests.find(new RequestNumber(number.group(1))).orElseThrow();
    assertThat(stored.categoryCode()).isEqualTo("POTHOLE");
    assertThat(stored.channel()).isEqualTo(Channel.WEB);
    assertThat(stored.answers()).containsEntry("SIZE", List.of("large")).containsEntry("POSITION", List.of("bike_lane"));
    assertThat(stored.description()).isEqualTo("Deep hole <right> in the bike lane & near the curb");
    assertThat(stored.location().address()).isEqualTo("200 N Spring St");
    assertThat(stored.location().latitude()).isEqualTo(34.0537);
    var reporter = requests.reporterOf(stored.number()).orElseThrow();
    assertThat(reporter.email()).isEqualTo("rosa@example.org");
    assertThat(reporter.phone()).isEqualTo("555-0100");
    assertThat(reporter.smsConsent()).isTrue();
    assertThat(reporter.language()).isEqualTo("en");

    String done = mvc.perform(client.with(get(sent.getResponse().getRedirectedUrl()))).andReturn().getResponse()
        .getContentAsString();
    assertThat(done).contains(number.group(1)).contains("href=\"/requests/" + number.group(1) + "\"")
        .contains("Pothole").contains("Crews usually repair potholes within three business days.")
        .contains("Expected to be done by:");
    assertThat(done).doesNotContain("Rosa").doesNotContain("Parks").doesNotContain("rosa@example.org")
        .doesNotContain("555-0100");
  }

  @Test
  void an_address_typed_as_the_city_writes_it_places_the_report_on_the_map_without_javascript() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.10");
    client.open("/report/POTHOLE");
    String done = mvc.perform(client.post("/report/POTHOLE/submit", withCsrf(client,
        pothole("address", "200 n spring st", "lat", "", "long", "", "contact", "anonymous")))).andReturn().getResponse()
        .getRedirectedUrl();
    var location = requests.find(new RequestNumber(done.substring("/report/done/".length()))).orElseThrow().location();
    assertThat(location.address()).isEqualTo("200 n spring st");
    assertThat(location.latitude()).isEqualTo(34.053691);
    assertThat(location.longitude()).isEqualTo(-118.242766);
    assertThat(location.addressId()).isNotBlank();
    assertThat(location.zipcode()).isEqualTo("90012");
  }

  @Test
  void sending_the_review_twice_files_one_request() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.2");
    client.open("/report/POTHOLE");
    String reviewPage = mvc.perform(client.post("/report/POTHOLE", withCsrf(client, pothole("contact", "anonymous"))))
        .andReturn().getResponse().getContentAsString();
    String first = mvc.perform(client.post("/report/POTHOLE/submit", PortalTestClient.hidden(reviewPage))).andReturn()
        .getResponse().getRedirectedUrl();
    String second = mvc.perform(client.post("/report/POTHOLE/submit", PortalTestClient.hidden(reviewPage))).andReturn()
        .getResponse().getRedirectedUrl();
    assertThat(second).isEqualTo(first);
    assertThat(requests.reporterOf(new RequestNumber(first.substring("/report/done/".length())))).get()
        .satisfies(reporter -> assertThat(reporter.isAnonymous()).isTrue());
  }

  @Test
  void a_refused_form_comes_back_with_every_value_typed_and_an_error_summary_linking_to_the_fields() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.3");
    client.open("/report/POTHOLE");
    MvcResult result = mvc.perform(client.post("/report/POTHOLE", withCsrf(client, pothole(
        "attribute[SIZE]", "", "address", "", "lat", "", "long", "", "email", "not-an-email",
        "attribute[DEEP]", "unsure")))).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    String page = result.getResponse().getContentAsString();
    assertThat(page).contains("class=\"error-summary\"").contains("There are 3 problems with your report")
        .contains("href=\"#q-SIZE-0\"").contains("Answer the question “How big is the pothole?”.")
        .contains("href=\"#address\"").contains("href=\"#email\"")
        .contains("Enter an email address like name@example.com.");
    // Every value comes back as typed.
    assertThat(page).containsPattern("value=\"bike_lane\"[^>]*checked").containsPattern("value=\"unsure\"[^>]*checked")
        .contains(">Deep hole &lt;right&gt; in the bike lane &amp; near the curb</textarea>")
        .contains("value=\"Rosa\"").contains("value=\"Parks\"").contains("value=\"not-an-email\"")
        .contains("value=\"555-0100\"").containsPattern("id=\"smsConsent\"[^>]*checked")
        .containsPattern("id=\"contact-given\"[^>]*checked").doesNotContainPattern("id=\"contact-anonymous\"[^>]*checked");
  }

  @Test
  void a_point_outside_the_city_is_refused_with_a_clear_message_in_the_pages_language() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.4");
    client.open("/report/POTHOLE");
    String english = mvc.perform(client.post("/report/POTHOLE", withCsrf(client, pothole("lat", "40.7128", "long", "-74.0060"))))
        .andReturn().getResponse().getContentAsString();
    assertThat(english).contains("This point is outside City of Springfield.").contains("href=\"#lat\"")
        .contains("value=\"40.7128\"");
    String spanish = mvc.perform(client.post("/report/POTHOLE", withCsrf(client, pothole("lat", "40.7128", "long", "-74.0060")))
        .header("Accept-Language", "es")).andReturn().getResponse().getContentAsString();
    assertThat(spanish).contains("Este punto está fuera de City of Springfield.");
  }

  @Test
  void a_form_without_its_token_is_shown_again_with_everything_kept_and_nothing_stored() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.5");
    client.open("/report/POTHOLE");
    var fields = pothole("description", "Forged from another site");
    fields.add(Map.entry("csrf", "forged-token-forged-token-forged-"));
    MvcResult result = mvc.perform(client.post("/report/POTHOLE/submit", fields)).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getContentAsString()).contains("the form had expired").contains("Forged from another site");
    assertThat(result.getResponse().getRedirectedUrl()).isNull();
  }

  @Test
  void a_bot_filling_the_hidden_field_gets_a_thank_you_and_nothing_is_stored() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.6");
    client.open("/report/POTHOLE");
    var before = requests.search(Queries.all()).requests().size();
    MvcResult result = mvc.perform(client.post("/report/POTHOLE/submit",
        withCsrf(client, pothole("website", "http://spam.example", "contact", "anonymous")))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getContentAsString()).contains("Thank you for your report");
    MvcResult atReview = mvc.perform(client.post("/report/POTHOLE",
        withCsrf(client, pothole("website", "http://spam.example")))).andReturn();
    assertThat(atReview.getResponse().getContentAsString()).contains("Thank you for your report");
    assertThat(requests.search(Queries.all()).requests().size()).isEqualTo(before);
  }

  @Test
  void the_21st_report_from_one_address_in_an_hour_gets_a_friendly_429_that_keeps_the_report() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.21");
    client.open("/report/POTHOLE");
    for (int i = 1; i <= 20; i++) {
      MvcResult sent = mvc.perform(client.post("/report/POTHOLE/submit",
          withCsrf(client, pothole("contact", "anonymous", "description", "Report " + i)))).andReturn();
      assertThat(sent.getResponse().getStatus()).as("report " + i).isEqualTo(302);
    }
    MvcResult refused = mvc.perform(client.post("/report/POTHOLE/submit",
        withCsrf(client, pothole("contact", "anonymous", "description", "The twenty-first")))).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(429);
    assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("3600");
    assertThat(refused.getResponse().getContentAsString()).contains("Too many reports from this connection")
        .contains("value=\"The twenty-first\"").contains("Send report");
    // Another address is not affected.
    var neighbour = new PortalTestClient(mvc, "10.1.0.22");
    neighbour.open("/report/POTHOLE");
    assertThat(mvc.perform(neighbour.post("/report/POTHOLE/submit", withCsrf(neighbour, pothole("contact", "anonymous"))))
        .andReturn().getResponse().getStatus()).isEqualTo(302);
  }

  @Test
  void an_accepted_photo_is_kept_through_review_and_a_refused_one_is_named_next_to_the_field() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.7");
    client.open("/report/POTHOLE");
    var upload = multipart("/report/POTHOLE")
        .file(new MockMultipartFile("photo", "hole.jpg", "image/jpeg", jpeg(64, 48)))
        .file(new MockMultipartFile("photo", "notes.pdf", "application/pdf", "%PDF-1.4 not an image".getBytes()));
    withCsrf(client, pothole()).forEach(f -> upload.param(f.getKey(), f.getValue()));
    MvcResult refused = mvc.perform(client.with(upload)).andReturn();
    String page = refused.getResponse().getContentAsString();
    assertThat(refused.getResponse().getStatus()).isEqualTo(422);
    assertThat(page).contains("id=\"photo-error\"").contains("notes.pdf is not a photo we can accept")
        .contains("href=\"#photo\"").contains("value=\"Rosa\"");
    List<Map.Entry<String, String>> kept = PortalTestClient.hidden(page).stream()
        .filter(f -> f.getKey().equals("photoUrl")).toList();
    assertThat(kept).hasSize(1);
    assertThat(page).contains("/thumbnail.jpg");

    // Sent again without new files: the kept photo goes to review and into the request.
    var again = new ArrayList<>(PortalTestClient.hidden(page));
    again.addAll(pothole("contact", "anonymous"));
    String reviewPage = mvc.perform(client.post("/report/POTHOLE", again)).andReturn().getResponse().getContentAsString();
    assertThat(reviewPage).contains("Check your report before sending");
    String done = mvc.perform(client.post("/report/POTHOLE/submit", PortalTestClient.hidden(reviewPage))).andReturn()
        .getResponse().getRedirectedUrl();
    var details = requests.find(new RequestNumber(done.substring("/report/done/".length()))).orElseThrow();
    assertThat(details.mediaUrls()).containsExactly(kept.getFirst().getValue());
  }

  @Test
  void a_photo_over_the_size_limit_gets_a_clear_message_in_spanish_too() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.8");
    client.open("/report/POTHOLE");
    var upload = multipart("/report/POTHOLE")
        .file(new MockMultipartFile("photo", "grande.jpg", "image/jpeg", new byte[400_000]));
    withCsrf(client, pothole()).forEach(f -> upload.param(f.getKey(), f.getValue()));
    String page = mvc.perform(client.with(upload).header("Accept-Language", "es")).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("grande.jpg es demasiado grande").contains("value=\"Rosa\"");
  }

  @Test
  void switching_language_in_the_middle_of_the_form_keeps_everything_typed() throws Exception {
    var client = new PortalTestClient(mvc, "10.1.0.9");
    client.open("/report/POTHOLE");
    var fields = withCsrf(client, pothole("description", "Hoyo grande"));
    fields.add(Map.entry("lang", "es"));
    MvcResult switched = mvc.perform(client.post("/report/POTHOLE?edit=1", fields)).andReturn();
    String page = switched.getResponse().getContentAsString();
    assertThat(switched.getResponse().getStatus()).isEqualTo(200);
    assertThat(page).contains("Reporte: Bache").contains(">Hoyo grande</textarea>").contains("value=\"Rosa\"")
        .containsPattern("value=\"large\"[^>]*checked").doesNotContain("error-summary");
    assertThat(switched.getResponse().getCookie(Languages.COOKIE).getValue()).isEqualTo("es");
  }

  static byte[] jpeg(int width, int height) throws Exception {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) for (int y = 0; y < height; y++) image.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8);
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
