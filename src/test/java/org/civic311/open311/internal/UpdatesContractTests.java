package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.open311.internal.Open311Bodies.assertJsonErrors;
import static org.civic311.open311.internal.Open311Bodies.assertXmlErrors;
import static org.civic311.open311.internal.Open311Bodies.childNames;
import static org.civic311.open311.internal.Open311Bodies.children;
import static org.civic311.open311.internal.Open311Bodies.json;
import static org.civic311.open311.internal.Open311Bodies.text;
import static org.civic311.open311.internal.Open311Bodies.xml;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civic311.requests.Actor;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.PublicUpdate;
import org.civic311.requests.Refusal;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.civic311.requests.TransitionNotAllowed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class UpdatesContractTests extends Open311SliceTest {

  private static final RequestNumber NUMBER = new RequestNumber("2026-000123");

  @BeforeEach
  void oneRequest() {
    given(requests.find(NUMBER)).willReturn(Optional.of(Open311Fixtures.request(NUMBER.value()).build()));
    given(requests.changeFromExternalSystem(any(), anyString(), any(), any())).willReturn(77L);
  }

  @Test
  void the_updates_feed_lists_public_changes_with_mysociety_statuses() throws Exception {
    given(requests.publicUpdates(any(), any(), anyInt()))
        .willReturn(
            List.of(
                new PublicUpdate(5, NUMBER, Status.RESOLVED, null, HistoryEntry.Kind.RESOLVED, Instant.parse("2026-11-20T10:00:00Z"), "Filled"),
                new PublicUpdate(6, NUMBER, Status.CLOSED, CloseReason.NOT_OUR_RESPONSIBILITY, HistoryEntry.Kind.CLOSED, Instant.parse("2026-11-20T11:00:00Z"), null)));

    var xmlResponse =
        perform(
            get("/open311/v2/servicerequestupdates.xml")
                .param("start_date", "2026-11-20T00:00:00Z")
                .param("end_date", "2026-11-20T12:00:00Z"));
    var jsonResponse = perform(get("/open311/v2/servicerequestupdates.json"));

    assertThat(xmlResponse.status()).isEqualTo(200);
    var root = xml(xmlResponse.body()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("service_request_updates");
    var updates = children(root);
    assertThat(updates).hasSize(2).allSatisfy(u -> assertThat(u.getTagName()).isEqualTo("request_update"));
    assertThat(childNames(updates.getFirst()))
        .containsExactly("update_id", "service_request_id", "status", "updated_datetime", "description", "media_url");
    assertThat(text(updates.getFirst(), "status")).isEqualTo("fixed");
    assertThat(text(updates.getFirst(), "updated_datetime")).isEqualTo("2026-11-20T05:00:00-05:00");
    assertThat(text(updates.get(1), "status")).isEqualTo("not_councils_responsibility");
    verify(requests).publicUpdates(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T12:00:00Z"), 1000);
    var json = json(jsonResponse.body());
    assertThat(json.isArray()).isTrue();
    assertThat(json.get(0).get("update_id").asString()).isEqualTo("5");
    verify(requests).publicUpdates(Open311Fixtures.NOW.minus(Duration.ofDays(1)), Open311Fixtures.NOW, 1000);
  }

  @Test
  void an_updates_window_over_90_days_is_a_400() throws Exception {
    var response =
        perform(
            get("/open311/v2/servicerequestupdates.json")
                .param("start_date", "2026-01-01T00:00:00Z")
                .param("end_date", "2026-11-01T00:00:00Z"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertJsonErrors(response.body(), 400)).singleElement().asString().contains("90 days");
  }

  private static MockHttpServletRequestBuilder update(String path, String status) {
    return update(path, status, "ext-1");
  }

  private static MockHttpServletRequestBuilder update(String path, String status, String updateId) {
    return post(path)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .param("api_key", KEY)
        .param("service_request_id", NUMBER.value())
        .param("update_id", updateId)
        .param("status", status)
        .param("updated_datetime", "2026-11-20T09:00:00-05:00")
        .param("description", "Crew filled it");
  }

  @Test
  void a_posted_update_is_applied_once_per_update_id_and_answers_with_our_update_id() throws Exception {
    var response = perform(update("/open311/v2/servicerequestupdates.xml", "FIXED"));

    assertThat(response.status()).isEqualTo(200);
    var root = xml(response.body()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("service_request_updates");
    var update = children(root).getFirst();
    assertThat(update.getTagName()).isEqualTo("request_update");
    assertThat(text(update, "update_id")).isEqualTo("77");
    verify(requests)
        .changeFromExternalSystem(
            NUMBER, "ext-1", new RequestChange.Resolve("Crew filled it"), Actor.integration(CLIENT.name()));
  }

  @Test
  void each_extended_status_becomes_the_change_it_means() throws Exception {
    for (var status : ExtendedStatus.values()) {
      perform(update("/open311/v2/servicerequestupdates.json", status.name(), "u-" + status));
      verify(requests)
          .changeFromExternalSystem(
              eq(NUMBER), eq("u-" + status), eq(status.toChange(Status.ACKNOWLEDGED, "Crew filled it")), any());
    }
  }

  @Test
  void a_lower_case_status_is_accepted_too() throws Exception {
    var response = perform(update("/open311/v2/servicerequestupdates.json", "in_progress"));

    assertThat(response.status()).isEqualTo(200);
    verify(requests).changeFromExternalSystem(eq(NUMBER), eq("ext-1"), eq(new RequestChange.StartWork("Crew filled it")), any());
  }

  @Test
  void a_transition_the_stage_forbids_is_a_400_that_says_why() throws Exception {
    given(requests.changeFromExternalSystem(any(), anyString(), any(), any()))
        .willThrow(new TransitionNotAllowed(Status.CLOSED, Refusal.START_WORK_NOT_OPEN, NUMBER.value(), Status.CLOSED));

    var response = perform(update("/open311/v2/servicerequestupdates.xml", "IN_PROGRESS"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertXmlErrors(response.body(), 400))
        .containsExactly(
            "This change is not allowed while the request is closed: Request 2026-000123 cannot start work on it: it is closed.");
  }

  @Test
  void missing_fields_and_an_unknown_status_are_listed_together() throws Exception {
    var response =
        perform(
            post("/open311/v2/servicerequestupdates.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", KEY)
                .param("status", "DONE")
                .param("updated_datetime", "later"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertJsonErrors(response.body(), 400))
        .hasSize(4)
        .anySatisfy(d -> assertThat(d).startsWith("service_request_id missing"))
        .anySatisfy(d -> assertThat(d).startsWith("update_id missing"))
        .anySatisfy(d -> assertThat(d).startsWith("status is not one of"))
        .anySatisfy(d -> assertThat(d).startsWith("updated_datetime"));
    verify(requests, never()).changeFromExternalSystem(any(), anyString(), any(), any());
  }

  @Test
  void an_update_needs_a_valid_api_key() throws Exception {
    var wrong =
        perform(
            post("/open311/v2/servicerequestupdates.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", "guess")
                .param("status", "FIXED"));

    assertThat(wrong.status()).isEqualTo(403);
    assertJsonErrors(wrong.body(), 403);
  }

  @Test
  void an_update_for_an_unknown_request_is_a_404() throws Exception {
    var unknown =
        perform(
            post("/open311/v2/servicerequestupdates.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", KEY)
                .param("service_request_id", "2026-999999")
                .param("update_id", "u")
                .param("status", "FIXED"));

    assertThat(unknown.status()).isEqualTo(404);
    assertJsonErrors(unknown.body(), 404);
  }
}
