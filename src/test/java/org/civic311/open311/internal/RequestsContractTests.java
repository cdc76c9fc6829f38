package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.open311.internal.Open311Bodies.assertJsonErrors;
import static org.civic311.open311.internal.Open311Bodies.assertXmlErrors;
import static org.civic311.open311.internal.Open311Bodies.childNames;
import static org.civic311.open311.internal.Open311Bodies.children;
import static org.civic311.open311.internal.Open311Bodies.fieldNames;
import static org.civic311.open311.internal.Open311Bodies.json;
import static org.civic311.open311.internal.Open311Bodies.resource;
import static org.civic311.open311.internal.Open311Bodies.text;
import static org.civic311.open311.internal.Open311Bodies.xml;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Location;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.RequestPage;
import org.civic311.requests.RequestQuery;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

class RequestsContractTests extends Open311SliceTest {

  private static final List<String> REQUEST_FIELDS =
      List.of(
          "service_request_id",
          "status",
          "status_notes",
          "service_name",
          "service_code",
          "description",
          "agency_responsible",
          "service_notice",
          "requested_datetime",
          "updated_datetime",
          "expected_datetime",
          "address",
          "address_id",
          "zipcode",
          "lat",
          "long",
          "media_url");

  private final ServiceRequestDetails pothole =
      Open311Fixtures.request("2026-000123")
          .answers(Map.of("HOWMANYD", List.of("2"), "SIZE", List.of("L")))
          .media("https://311.springfield.example.gov/photos/p1.jpg", "https://311.springfield.example.gov/photos/p2.jpg")
          .history(HistoryEntry.Kind.SUBMITTED, true, "Submitted")
          .history(HistoryEntry.Kind.INTERNAL_NOTE, false, "Crew says the street is closed")
          .history(HistoryEntry.Kind.ACKNOWLEDGED, true, "We are on it")
          .build();
  private final ServiceRequestDetails duplicate =
      Open311Fixtures.request("2026-000124")
          .status(Status.CLOSED, CloseReason.DUPLICATE)
          .duplicateOf("2026-000123")
          .description(null)
          .department(null)
          .location(new Location(null, null, "Main St & 2nd St", null, null))
          .media()
          .build();

  @BeforeEach
  void twoRequests() {
    given(requests.search(any())).willReturn(new RequestPage(List.of(pothole, duplicate), false, 1, 1000));
    given(requests.find(new RequestNumber("2026-000123"))).willReturn(Optional.of(pothole));
  }

  @Test
  void the_xml_request_list_has_every_field_of_torontos_real_list() throws Exception {
    var response = perform(get("/open311/v2/requests.xml"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/xml;charset=utf-8");
    var root = xml(response.body()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("service_requests");
    var items = children(root);
    assertThat(items).hasSize(2).allSatisfy(r -> assertThat(r.getTagName()).isEqualTo("request"));
    var toronto = children(xml(resource("toronto_requests.xml")).getDocumentElement()).getFirst();
    var first = items.getFirst();
    assertThat(childNames(first)).containsExactlyInAnyOrderElementsOf(childNames(toronto));
    assertThat(childNames(first)).containsExactlyElementsOf(REQUEST_FIELDS);
    assertThat(text(first, "service_request_id")).isEqualTo("2026-000123");
    assertThat(text(first, "status")).isEqualTo("open");
    assertThat(text(first, "service_name")).isEqualTo("Pothole");
    assertThat(text(first, "agency_responsible")).isEqualTo("Public Works");
    assertThat(text(first, "service_notice")).isEqualTo("We will look at it within 3 business days.");
    assertThat(text(first, "requested_datetime")).isEqualTo("2026-11-19T07:00:00-05:00");
    assertThat(text(first, "updated_datetime")).isEqualTo("2026-11-19T08:30:00-05:00");
    assertThat(text(first, "expected_datetime")).isEqualTo("2026-11-24T07:00:00-05:00");
    assertThat(text(first, "lat")).isEqualTo("38.8977");
    assertThat(text(first, "long")).isEqualTo("-77.0365");
    assertThat(text(first, "media_url")).isEqualTo("https://311.springfield.example.gov/photos/p1.jpg");
    var second = items.get(1);
    assertThat(text(second, "status")).isEqualTo("closed");
    assertThat(text(second, "description")).isEmpty();
    assertThat(text(second, "agency_responsible")).isEmpty();
    assertThat(text(second, "lat")).isEmpty();
    assertThat(text(second, "media_url")).isEmpty();
  }

  @Test
  void the_json_request_list_uses_chicagos_field_names_with_string_ids_numeric_coordinates_and_nulls()
      throws Exception {
    var response = perform(get("/open311/v2/requests.json"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json;charset=utf-8");
    var list = json(response.body());
    assertThat(list.isArray()).isTrue();
    var first = list.get(0);
    assertThat(fieldNames(first)).containsExactlyElementsOf(REQUEST_FIELDS);
    for (var chicago : json(resource("chicago_requests.json"))) {
      assertThat(fieldNames(first)).containsAll(fieldNames(chicago));
    }
    assertThat(first.get("service_request_id").isString()).isTrue();
    assertThat(first.get("service_code").isString()).isTrue();
    assertThat(first.get("lat").isNumber()).isTrue();
    assertThat(first.get("long").asDouble()).isEqualTo(-77.0365);
    assertThat(first.get("requested_datetime").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
    var second = list.get(1);
    assertThat(second.get("description").isNull()).isTrue();
    assertThat(second.get("lat").isNull()).isTrue();
    assertThat(second.get("media_url").isNull()).isTrue();
  }

  @Test
  void without_dates_the_list_covers_the_last_90_days_and_at_most_1000_requests() throws Exception {
    perform(get("/open311/v2/requests.xml"));

    var query = lastQuery();
    assertThat(query.submittedTo()).isEqualTo(Open311Fixtures.NOW);
    assertThat(query.submittedFrom()).isEqualTo(Open311Fixtures.NOW.minus(Duration.ofDays(90)));
    assertThat(query.page()).isEqualTo(1);
    assertThat(query.pageSize()).isEqualTo(1000);
    assertThat(query.withHistory()).isFalse();
  }

  @Test
  void every_filter_reaches_the_query() throws Exception {
    perform(
        get("/open311/v2/requests.json")
            .param("service_code", "POTHOLE,BULKY")
            .param("status", "open")
            .param("start_date", "2026-10-01T00:00:00Z")
            .param("end_date", "2026-11-01T00:00:00-04:00")
            .param("updated_after", "2026-10-15T00:00Z")
            .param("updated_before", "2026-10-20T00:00:00+0000")
            .param("bbox", "-77.1,38.8,-76.9,39.0")
            .param("q", "hole")
            .param("page", "2")
            .param("page_size", "50")
            .param("extensions", "true"));

    var query = lastQuery();
    assertThat(query.categoryCodes()).containsExactly("POTHOLE", "BULKY");
    assertThat(query.openClosed()).containsExactly("open");
    assertThat(query.submittedFrom()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(query.submittedTo()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    assertThat(query.updatedAfter()).isEqualTo(Instant.parse("2026-10-15T00:00:00Z"));
    assertThat(query.updatedBefore()).isEqualTo(Instant.parse("2026-10-20T00:00:00Z"));
    assertThat(query.area()).isEqualTo(new RequestQuery.BoundingBox(38.8, -77.1, 39.0, -76.9));
    assertThat(query.text()).isEqualTo("hole");
    assertThat(query.page()).isEqualTo(2);
    assertThat(query.pageSize()).isEqualTo(50);
    assertThat(query.withHistory()).isTrue();
  }

  @Test
  void a_list_of_request_ids_overrides_every_other_filter() throws Exception {
    perform(
        get("/open311/v2/requests.xml")
            .param("service_request_id", "2026-000123, 2026-000124,nonsense")
            .param("service_code", "BULKY")
            .param("start_date", "2020-01-01T00:00:00Z"));

    var query = lastQuery();
    assertThat(query.numbers()).containsExactly(new RequestNumber("2026-000123"), new RequestNumber("2026-000124"));
    assertThat(query.categoryCodes()).isEmpty();
    assertThat(query.submittedFrom()).isNull();
  }

  @Test
  void ids_that_cannot_exist_give_an_empty_list_without_searching() throws Exception {
    var response = perform(get("/open311/v2/requests.json").param("service_request_id", "abc,<x>"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(json(response.body()).size()).isZero();
    verify(requests, never()).search(any());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2013-01-01T00:00:00 01:00|2012-12-31T23:00:00Z",
        "2013-01-01T00:00:00+01:00|2012-12-31T23:00:00Z",
        "2013-01-01T00:00:00Z|2013-01-01T00:00:00Z",
        "2013-01-01T00:00Z|2013-01-01T00:00:00Z",
        "2013-01-01T00:00-05:00|2013-01-01T05:00:00Z",
        "2013-01-01T00:00:00.250-0500|2013-01-01T05:00:00.250Z",
        "2013-01-01T00:00:00-05|2013-01-01T05:00:00Z"
      })
  void start_dates_are_read_leniently_as_real_clients_send_them(String sent, String meant) throws Exception {
    var response = perform(get("/open311/v2/requests.xml").param("start_date", sent));

    assertThat(response.status()).isEqualTo(200);
    assertThat(lastQuery().submittedFrom()).isEqualTo(Instant.parse(meant));
    assertThat(lastQuery().submittedTo()).isEqualTo(Instant.parse(meant).plus(Duration.ofDays(90)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2013-01-01", "2013-01-01T00:00:00", "2013-13-01T00:00:00Z", "1357000000", "2013-01-01T25:00:00Z"})
  void a_date_that_is_not_a_datetime_with_an_offset_is_a_400_naming_the_parameter(String sent) throws Exception {
    var response = perform(get("/open311/v2/requests.json").param("end_date", sent));

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertJsonErrors(response.body(), 400)).singleElement().asString().startsWith("end_date");
  }

  @Test
  void a_window_over_90_days_is_a_400_that_says_so() throws Exception {
    var response =
        perform(
            get("/open311/v2/requests.xml")
                .param("start_date", "2026-01-01T00:00:00Z")
                .param("end_date", "2026-06-01T00:00:00Z"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertXmlErrors(response.body(), 400)).singleElement().asString().contains("90 days");
    verify(requests, never()).search(any());
  }

  @Test
  void several_bad_parameters_give_several_errors() throws Exception {
    var response =
        perform(
            get("/open311/v2/requests.xml")
                .param("status", "pending")
                .param("bbox", "1,2,3")
                .param("page", "first")
                .param("page_size", "0")
                .param("updated_after", "soon"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertXmlErrors(response.body(), 400))
        .hasSize(5)
        .anySatisfy(d -> assertThat(d).startsWith("status"))
        .anySatisfy(d -> assertThat(d).startsWith("bbox"))
        .anySatisfy(d -> assertThat(d).startsWith("page must"))
        .anySatisfy(d -> assertThat(d).startsWith("page_size"))
        .anySatisfy(d -> assertThat(d).startsWith("updated_after"));
  }

  @Test
  void page_zero_is_page_one_and_page_size_is_capped_at_1000() throws Exception {
    perform(get("/open311/v2/requests.json").param("page", "0").param("page_size", "5000"));

    assertThat(lastQuery().page()).isEqualTo(1);
    assertThat(lastQuery().pageSize()).isEqualTo(1000);
  }

  @Test
  void asking_by_update_time_adds_no_submission_window_and_ends_now() throws Exception {
    perform(get("/open311/v2/requests.json").param("updated_after", "2026-11-01T00:00:00Z"));

    var query = lastQuery();
    assertThat(query.submittedFrom()).isNull();
    assertThat(query.submittedTo()).isNull();
    assertThat(query.updatedBefore()).isEqualTo(Open311Fixtures.NOW);
  }

  @Test
  void extensions_add_attributes_public_notes_extended_attributes_and_all_media_urls() throws Exception {
    var response = perform(get("/open311/v2/requests.json").param("extensions", "true"));

    var first = json(response.body()).get(0);
    assertThat(fieldNames(first)).containsAll(REQUEST_FIELDS).contains("attributes", "notes", "extended_attributes", "media_urls");
    var attributes = first.get("attributes");
    assertThat(attributes.size()).isEqualTo(2);
    var howMany = attributes.get(0).get("code").asString().equals("HOWMANYD") ? attributes.get(0) : attributes.get(1);
    assertThat(howMany.get("name").asString()).isEqualTo("How many potholes?");
    assertThat(howMany.get("value").asString()).isEqualTo("2");
    var notes = first.get("notes");
    assertThat(notes.size()).as("internal notes stay internal").isEqualTo(2);
    assertThat(fieldNames(notes.get(0))).containsExactly("datetime", "type", "description");
    assertThat(notes.get(1).get("type").asString()).isEqualTo("acknowledged");
    assertThat(response.body()).doesNotContain("street is closed");
    var extended = first.get("extended_attributes");
    assertThat(extended.get("channel").asString()).isEqualTo("open311");
    assertThat(extended.get("followers").asInt()).isEqualTo(3);
    assertThat(first.get("media_urls").size()).isEqualTo(2);
    var second = json(response.body()).get(1).get("extended_attributes");
    assertThat(second.get("duplicate").asBoolean()).isTrue();
    assertThat(second.get("parent_service_request_id").asString()).isEqualTo("2026-000123");
  }

  @Test
  void extensions_in_xml_wrap_each_list_in_named_items() throws Exception {
    var response = perform(get("/open311/v2/requests.xml").param("extensions", "true"));

    var first = children(xml(response.body()).getDocumentElement()).getFirst();
    assertThat(childNames(children(first, "attributes").getFirst())).containsExactly("attribute");
    assertThat(childNames(children(first, "notes").getFirst())).containsExactly("note");
    assertThat(childNames(children(first, "media_urls").getFirst())).containsExactly("media_url");
    assertThat(childNames(children(first, "extended_attributes").getFirst()))
        .contains("channel", "duplicate", "parent_service_request_id", "followers");
  }

  @Test
  void one_request_comes_in_the_list_envelope_in_both_formats() throws Exception {
    var xmlResponse = perform(get("/open311/v2/requests/2026-000123.xml"));
    var jsonResponse = perform(get("/open311/v2/requests/2026-000123.json"));

    assertThat(xmlResponse.status()).isEqualTo(200);
    var root = xml(xmlResponse.body()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("service_requests");
    assertThat(children(root)).singleElement().satisfies(r -> assertThat(text(r, "service_request_id")).isEqualTo("2026-000123"));
    assertThat(jsonResponse.status()).isEqualTo(200);
    assertThat(json(jsonResponse.body()).isArray()).isTrue();
    assertThat(json(jsonResponse.body()).get(0).get("service_request_id").asString()).isEqualTo("2026-000123");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-999999", "not-a-number", "%3Cscript%3E"})
  void an_unknown_request_is_a_404_error_list(String id) throws Exception {
    var xmlResponse = perform(get("/open311/v2/requests/" + id + ".xml"));
    var jsonResponse = perform(get("/open311/v2/requests/" + id + ".json"));

    assertThat(xmlResponse.status()).isEqualTo(404);
    assertXmlErrors(xmlResponse.body(), 404);
    assertThat(jsonResponse.status()).isEqualTo(404);
    assertJsonErrors(jsonResponse.body(), 404);
  }

  @Test
  void a_token_gives_the_request_id_and_the_token() throws Exception {
    given(requests.numberForToken("tok-42")).willReturn(Optional.of(new RequestNumber("2026-000123")));

    var xmlResponse = perform(get("/open311/v2/tokens/tok-42.xml"));
    var jsonResponse = perform(get("/open311/v2/tokens/tok-42.json"));

    var request = children(xml(xmlResponse.body()).getDocumentElement()).getFirst();
    assertThat(childNames(request)).containsExactly("service_request_id", "token");
    assertThat(text(request, "service_request_id")).isEqualTo("2026-000123");
    assertThat(text(request, "token")).isEqualTo("tok-42");
    assertThat(json(jsonResponse.body()).get(0).get("token").asString()).isEqualTo("tok-42");
  }

  @Test
  void an_unknown_token_is_a_404_error_list() throws Exception {
    var response = perform(get("/open311/v2/tokens/nope.json"));

    assertThat(response.status()).isEqualTo(404);
    assertJsonErrors(response.body(), 404);
  }

  @Test
  void text_that_xml_cannot_carry_is_replaced_so_every_document_parses() throws Exception {
    var weird =
        Open311Fixtures.request("2026-000125").description("nul\u0000 bell\u0007 <b>&amp; \uD800 ok \uD83D\uDE00 ]]>").build();
    given(requests.search(any())).willReturn(new RequestPage(List.of(weird), false, 1, 1000));

    var xmlResponse = perform(get("/open311/v2/requests.xml"));
    var jsonResponse = perform(get("/open311/v2/requests.json"));

    var description = text(children(xml(xmlResponse.body()).getDocumentElement()).getFirst(), "description");
    assertThat(description).contains("<b>&amp;", "\uD83D\uDE00", "]]>").doesNotContain("\u0000");
    assertThat(json(jsonResponse.body()).get(0).get("description").asString()).contains("<b>&amp;", "\uD83D\uDE00");
  }

  private RequestQuery lastQuery() {
    var captor = ArgumentCaptor.forClass(RequestQuery.class);
    verify(requests, org.mockito.Mockito.atLeastOnce()).search(captor.capture());
    return captor.getValue();
  }
}
