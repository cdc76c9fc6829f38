package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The public list and map data: filters, pages, and no personal data. */
@SpringBootTest
@AutoConfigureMockMvc
class MapPageTests {

  @Autowired MockMvc mvc;
  @Autowired ServiceRequests requests;

  private String body(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private RequestNumber graffiti(double latitude, double longitude, String address) {
    return requests.submit(new SubmitServiceRequest(
            "GRAFFITI",
            Map.of("SURFACE", List.of("wall"), "OFFENSIVE", List.of("no")),
            new Location(latitude, longitude, address, null, null),
            "Tags on the wall",
            List.of(),
            Channel.WEB,
            new Reporter("Philippa", "Marblethorpe", "philippa@example.org", "+1 213 555 0199", null, null, false, "en"),
            null,
            null))
        .number();
  }

  @Test
  void filters_by_category_status_and_area_and_the_table_links_each_request() throws Exception {
    RequestNumber inside = graffiti(34.0530, -118.2440, "210 N Spring St");
    RequestNumber outside = graffiti(34.1000, -118.3000, "Far away Ave");
    RequestNumber closed = graffiti(34.0531, -118.2441, "212 N Spring St");
    requests.change(closed, new RequestChange.Resolve("Painted over."), Actor.staff("jdoe"));
    RequestNumber pothole = TrackTestSupport.pothole(requests, "Hole");

    String html = body(mvc.perform(get("/map").header("Accept-Language", "en")
        .param("category", "GRAFFITI").param("status", "open").param("bbox", "34.05,-118.25,34.06,-118.24")).andReturn());

    assertThat(html).contains("href=\"/requests/" + inside.value() + "\"", "210 N Spring St", "(open)", "scope=\"col\">Stage</th>");
    assertThat(html).doesNotContain(outside.value(), closed.value(), pothole.value());
    String closedOnly = body(mvc.perform(get("/map").header("Accept-Language", "en").param("category", "GRAFFITI")
        .param("status", "closed")).andReturn());
    assertThat(closedOnly).contains(closed.value(), "(closed)").doesNotContain(inside.value(), outside.value());
  }

  @Test
  void a_date_range_in_the_future_shows_nothing_and_bad_filters_are_explained_with_what_was_typed() throws Exception {
    graffiti(34.0530, -118.2440, "210 N Spring St");
    String future = body(mvc.perform(get("/map").param("lang", "en").param("from", "2099-01-01").param("to", "2099-12-31")).andReturn());
    assertThat(future).contains("No request matches these filters.");

    MvcResult bad = mvc.perform(get("/map").param("lang", "es").param("from", "yesterday").param("bbox", "1,2,3")).andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(body(bad)).contains("Escriba una fecha como 2026-11-22", "value=\"yesterday\"", "value=\"1,2,3\"", "Escriba cuatro números");
  }

  @Test
  void pages_of_twenty_five_follow_each_other() throws Exception {
    for (int i = 0; i < 27; i++) graffiti(34.0001 + i * 0.0001, -118.2001, "Paging St " + i);
    String first = body(mvc.perform(get("/map").param("lang", "en").param("bbox", "34.0,-118.21,34.01,-118.19")).andReturn());
    assertThat(first).contains("Paging St 26", "Next page").doesNotContain("Paging St 1<", "Previous page");
    String second = body(mvc.perform(get("/map").param("lang", "en").param("bbox", "34.0,-118.21,34.01,-118.19").param("page", "2")).andReturn());
    assertThat(second).contains("Paging St 1<", "Paging St 0<", "Previous page").doesNotContain("Next page", "Paging St 26");
  }

  @Test
  void the_map_data_has_the_same_filtered_requests_with_public_fields_only() throws Exception {
    RequestNumber inside = graffiti(34.0630, -118.2540, "300 Hill St");
    graffiti(34.2000, -118.5000, "Elsewhere Blvd");

    MvcResult result = mvc.perform(get("/map/requests.json").param("lang", "es").param("bbox", "34.06,-118.26,34.07,-118.25")).andReturn();

    String json = body(result);
    assertThat(result.getResponse().getContentType()).startsWith("application/json");
    JsonNode rows = JsonMapper.builder().build().readTree(json).get("requests");
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("number").asText()).isEqualTo(inside.value());
    assertThat(row.get("url").asText()).isEqualTo("/requests/" + inside.value());
    assertThat(row.get("category").asText()).isEqualTo("Grafiti");
    assertThat(row.get("status").asText()).isEqualTo("open");
    assertThat(row.get("lat").asDouble()).isEqualTo(34.0630);
    assertThat(json).doesNotContain("Philippa", "Marblethorpe", "philippa@example.org", "555 0199", "Tags on the wall");

    assertThat(mvc.perform(get("/map/requests.json").param("status", "maybe")).andReturn().getResponse().getStatus()).isEqualTo(400);
  }
}
