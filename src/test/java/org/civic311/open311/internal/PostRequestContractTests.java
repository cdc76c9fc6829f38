package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.open311.internal.Open311Bodies.assertJsonErrors;
import static org.civic311.open311.internal.Open311Bodies.assertXmlErrors;
import static org.civic311.open311.internal.Open311Bodies.childNames;
import static org.civic311.open311.internal.Open311Bodies.children;
import static org.civic311.open311.internal.Open311Bodies.json;
import static org.civic311.open311.internal.Open311Bodies.resource;
import static org.civic311.open311.internal.Open311Bodies.text;
import static org.civic311.open311.internal.Open311Bodies.xml;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.civic311.media.PhotoRejected;
import org.civic311.media.Photos.StoredPhoto;
import org.civic311.requests.Channel;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.InvalidServiceRequest.Kind;
import org.civic311.requests.InvalidServiceRequest.Violation;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Submission;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class PostRequestContractTests extends Open311SliceTest {

  private static final RequestNumber NUMBER = new RequestNumber("2026-000200");

  @BeforeEach
  void acceptsSubmissions() {
    given(requests.submit(any()))
        .willReturn(new Submission(NUMBER, null, "We will look at it within 3 business days.", false));
  }

  private static MockHttpServletRequestBuilder form(String path) {
    return post(path)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .param("api_key", KEY)
        .param("service_code", "POTHOLE")
        .param("lat", "38.8977")
        .param("long", "-77.0365")
        .param("attribute[HOWMANYD]", "2");
  }

  @Test
  void a_valid_form_post_returns_the_new_id_and_notice_in_the_spec_envelope() throws Exception {
    var response = perform(form("/open311/v2/requests.xml"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.contentType()).isEqualTo("text/xml;charset=utf-8");
    var root = xml(response.body()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("service_requests");
    var request = children(root).getFirst();
    assertThat(request.getTagName()).isEqualTo("request");
    assertThat(childNames(request)).containsExactly("service_request_id", "service_notice", "account_id");
    assertThat(text(request, "service_request_id")).isEqualTo("2026-000200");
  }

  @Test
  void a_json_post_result_is_an_array_even_for_one_request() throws Exception {
    var response = perform(form("/open311/v2/requests.json"));

    var result = json(response.body());
    assertThat(result.isArray()).isTrue();
    assertThat(result.get(0).get("service_request_id").asString()).isEqualTo("2026-000200");
    assertThat(result.get(0).get("account_id").isNull()).isTrue();
  }

  @Test
  void every_parameter_reaches_the_command() throws Exception {
    perform(
        post("/open311/v2/requests.json")
            .queryParam("jurisdiction_id", "springfield.example.gov")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .header("Idempotency-Key", "retry-me-1")
            .param("api_key", KEY)
            .param("service_code", "POTHOLE")
            .param("lat", "38.8977")
            .param("long", "-77.0365")
            .param("address_string", "12 Main St")
            .param("address_id", "A-1")
            .param("email", "ann@example.org")
            .param("first_name", "Ann")
            .param("last_name", "Lee")
            .param("phone", "555-0100")
            .param("deviceid", "dev-9")
            .param("account_id", "acc-7")
            .param("description", "  Deep\nhole  ")
            .param("media_url", "https://img.example.org/a.jpg", "https://img.example.org/b.jpg")
            .param("attribute[HOWMANYD]", "2")
            .param("attribute[SIZE][]", "L")
            .param("attribute[MULTI][1]", "second")
            .param("attribute[MULTI][0]", "first"));

    var command = submitted();
    assertThat(command.categoryCode()).isEqualTo("POTHOLE");
    assertThat(command.location().latitude()).isEqualTo(38.8977);
    assertThat(command.location().longitude()).isEqualTo(-77.0365);
    assertThat(command.location().address()).isEqualTo("12 Main St");
    assertThat(command.location().addressId()).isEqualTo("A-1");
    assertThat(command.reporter().email()).isEqualTo("ann@example.org");
    assertThat(command.reporter().firstName()).isEqualTo("Ann");
    assertThat(command.reporter().lastName()).isEqualTo("Lee");
    assertThat(command.reporter().phone()).isEqualTo("555-0100");
    assertThat(command.reporter().deviceId()).isEqualTo("dev-9");
    assertThat(command.reporter().accountId()).isEqualTo("acc-7");
    assertThat(command.description()).isEqualTo("  Deep\nhole  ");
    assertThat(command.mediaUrls()).containsExactly("https://img.example.org/a.jpg", "https://img.example.org/b.jpg");
    assertThat(command.answers())
        .containsEntry("HOWMANYD", List.of("2"))
        .containsEntry("SIZE", List.of("L"))
        .containsEntry("MULTI", List.of("first", "second"));
    assertThat(command.channel()).isEqualTo(Channel.OPEN311);
    assertThat(command.idempotencyKey()).isEqualTo("retry-me-1");
    assertThat(command.idempotencyScope()).isEqualTo(CLIENT.keyId());
  }

  @Test
  void api_key_and_jurisdiction_may_come_in_the_query_string_as_node_open311_sends_them() throws Exception {
    var response =
        perform(
            post("/open311/v2/requests.json")
                .queryParam("api_key", KEY)
                .queryParam("jurisdiction_id", "springfield.example.gov")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("service_code", "POTHOLE")
                .param("address_string", "12 Main St"));

    assertThat(response.status()).isEqualTo(201);
  }

  @Test
  void a_retried_post_with_the_same_idempotency_key_returns_the_first_id_with_200() throws Exception {
    given(requests.submit(any())).willReturn(new Submission(NUMBER, null, null, true));

    var response = perform(form("/open311/v2/requests.json").header("Idempotency-Key", "k1"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(json(response.body()).get(0).get("service_request_id").asString()).isEqualTo("2026-000200");
  }

  @Test
  void a_missing_api_key_is_a_403_error_list_shaped_like_bostons() throws Exception {
    var response =
        perform(
            post("/open311/v2/requests.xml")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("service_code", "POTHOLE"));

    assertThat(response.status()).isEqualTo(403);
    var boston = xml(resource("boston_post_error.xml")).getDocumentElement();
    var ours = xml(response.body()).getDocumentElement();
    assertThat(ours.getTagName()).isEqualTo(boston.getTagName());
    assertThat(childNames(children(ours).getFirst())).containsExactlyElementsOf(childNames(children(boston).getFirst()));
    assertThat(assertXmlErrors(response.body(), 403)).singleElement().asString().contains("api_key");
    verifyNoInteractions(requests);
  }

  @Test
  void a_wrong_api_key_is_a_403_in_json_with_a_numeric_code() throws Exception {
    var wrong =
        perform(
            post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", "guess")
                .param("service_code", "POTHOLE"));

    assertThat(wrong.status()).isEqualTo(403);
    assertThat(assertJsonErrors(wrong.body(), 403)).containsExactly("Invalid api_key received -- can't proceed with create_request.");
  }

  @Test
  void a_repeated_single_valued_parameter_counts_by_its_first_value() throws Exception {
    var response = perform(form("/open311/v2/requests.json").param("service_code", "NOPE").param("api_key", "guess"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(submitted().categoryCode()).isEqualTo("POTHOLE");
  }

  @Test
  void an_unknown_jurisdiction_in_the_body_is_a_404() throws Exception {
    var response = perform(form("/open311/v2/requests.json").param("jurisdiction_id", "shelbyville.example.gov"));

    assertThat(response.status()).isEqualTo(404);
    assertJsonErrors(response.body(), 404);
    verify(requests, never()).submit(any());
  }

  @Test
  void an_unknown_service_code_is_a_404() throws Exception {
    var unknown =
        perform(
            post("/open311/v2/requests.xml")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", KEY)
                .param("service_code", "NOPE")
                .param("address_string", "12 Main St"));

    assertThat(unknown.status()).isEqualTo(404);
    assertXmlErrors(unknown.body(), 404);
  }

  @Test
  void protocol_problems_are_all_listed_at_once_and_nothing_is_submitted() throws Exception {
    var response =
        perform(
            post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", KEY)
                .param("lat", "north")
                .param("media_url", "javascript:alert(1)")
                .param("attribute[X][abc]", "1"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertJsonErrors(response.body(), 400))
        .anySatisfy(d -> assertThat(d).startsWith("service_code missing"))
        .anySatisfy(d -> assertThat(d).startsWith("lat must be a decimal"))
        .anySatisfy(d -> assertThat(d).startsWith("long missing"))
        .anySatisfy(d -> assertThat(d).startsWith("media_url"))
        .anySatisfy(d -> assertThat(d).startsWith("attribute[X][abc]"));
    verify(requests, never()).submit(any());
  }

  @Test
  void a_post_without_any_location_is_a_400() throws Exception {
    var response =
        perform(
            post("/open311/v2/requests.xml")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", KEY)
                .param("service_code", "POTHOLE"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertXmlErrors(response.body(), 400)).singleElement().asString().contains("location");
  }

  @Test
  void every_rule_the_requests_module_finds_broken_is_its_own_error_naming_the_attribute_code() throws Exception {
    given(requests.submit(any()))
        .willThrow(
            new InvalidServiceRequest(
                List.of(
                    new Violation("attribute[HOWMANYD]", Kind.MISSING, "Answer 'How many potholes?'"),
                    new Violation("description", Kind.TOO_LONG, "At most 4000 characters"),
                    new Violation("lat", Kind.INVALID, "lat is outside the city"))));

    var json = perform(form("/open311/v2/requests.json"));
    var xml = perform(form("/open311/v2/requests.xml"));

    assertThat(json.status()).isEqualTo(400);
    assertThat(assertJsonErrors(json.body(), 400))
        .containsExactly(
            "HOWMANYD required: Answer 'How many potholes?'",
            "description: At most 4000 characters",
            "lat is outside the city");
    assertThat(assertXmlErrors(xml.body(), 400)).hasSize(3);
  }

  @Test
  void an_unknown_category_found_by_the_requests_module_is_a_404() throws Exception {
    given(requests.submit(any()))
        .willThrow(new InvalidServiceRequest(new Violation("service_code", Kind.UNKNOWN_CATEGORY, "No such service")));

    var response = perform(form("/open311/v2/requests.json"));

    assertThat(response.status()).isEqualTo(404);
    assertJsonErrors(response.body(), 404);
  }

  @Test
  void a_batch_service_answers_with_a_token_and_no_id_like_bostons() throws Exception {
    given(requests.submit(any())).willReturn(new Submission(NUMBER, "503fc045901932078800163c", null, false));

    var bulky =
        perform(
            post("/open311/v2/requests.xml")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", KEY)
                .param("service_code", "BULKY")
                .param("address_string", "12 Main St"));

    assertThat(bulky.status()).isEqualTo(201);
    var request = children(xml(bulky.body()).getDocumentElement()).getFirst();
    var boston = children(xml(resource("boston_post_token.xml")).getDocumentElement()).getFirst();
    assertThat(childNames(request)).containsAll(childNames(boston)).doesNotContain("service_request_id");
    assertThat(text(request, "token")).isEqualTo("503fc045901932078800163c");
  }

  @Test
  void a_blackbox_service_answers_without_an_id() throws Exception {
    var response =
        perform(
            post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", KEY)
                .param("service_code", "TIP")
                .param("address_string", "12 Main St"));

    assertThat(response.status()).isEqualTo(201);
    var request = json(response.body()).get(0);
    assertThat(request.has("service_request_id")).isFalse();
    assertThat(request.has("token")).isFalse();
  }

  @Test
  void photos_uploaded_as_multipart_parts_are_stored_and_their_urls_come_first() throws Exception {
    given(photos.store(any(), anyString()))
        .willAnswer(call -> new StoredPhoto("p", "https://311.springfield.example.gov/photos/" + call.getArgument(1)));

    var response =
        perform(
            multipart("/open311/v2/requests.xml")
                .file(new MockMultipartFile("media", "a.jpg", "image/jpeg", new byte[] {1}))
                .file(new MockMultipartFile("photo2", "b.jpg", "image/jpeg", new byte[] {2}))
                .file(new MockMultipartFile("file_abc", "c.jpg", "image/jpeg", new byte[] {3}))
                .file(new MockMultipartFile("photo", "", "application/octet-stream", new byte[0]))
                .param("api_key", KEY)
                .param("service_code", "POTHOLE")
                .param("address_string", "12 Main St")
                .param("media_url", "https://img.example.org/x.jpg"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(submitted().mediaUrls())
        .hasSize(4)
        .contains(
            "https://311.springfield.example.gov/photos/a.jpg",
            "https://311.springfield.example.gov/photos/b.jpg",
            "https://311.springfield.example.gov/photos/c.jpg")
        .endsWith("https://img.example.org/x.jpg");
  }

  @Test
  void more_than_five_photos_or_an_unknown_file_part_is_a_400_and_nothing_is_stored() throws Exception {
    var builder = multipart("/open311/v2/requests.json");
    for (int i = 1; i <= 6; i++) builder.file(new MockMultipartFile("photo" + i, i + ".jpg", "image/jpeg", new byte[] {1}));
    builder.file(new MockMultipartFile("image", "x.jpg", "image/jpeg", new byte[] {1}));
    builder.param("api_key", KEY).param("service_code", "POTHOLE").param("address_string", "12 Main St");

    var response = perform(builder);

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertJsonErrors(response.body(), 400))
        .anySatisfy(d -> assertThat(d).contains("at most 5"))
        .anySatisfy(d -> assertThat(d).contains("image"));
    verifyNoInteractions(photos);
    verify(requests, never()).submit(any());
  }

  @Test
  void a_rejected_photo_is_a_400_naming_the_part() throws Exception {
    given(photos.store(any(), eq("evil.jpg"))).willThrow(new PhotoRejected("This is not a JPEG, PNG or WebP image"));

    var response =
        perform(
            multipart("/open311/v2/requests.xml")
                .file(new MockMultipartFile("photo1", "evil.jpg", "image/jpeg", "<html>".getBytes()))
                .param("api_key", KEY)
                .param("service_code", "POTHOLE")
                .param("address_string", "12 Main St"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertXmlErrors(response.body(), 400)).containsExactly("photo1: This is not a JPEG, PNG or WebP image");
    verify(requests, never()).submit(any());
  }

  @Test
  void a_json_body_is_a_415_error_list() throws Exception {
    var response =
        perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_JSON).content("{\"api_key\":\"x\"}"));

    assertThat(response.status()).isEqualTo(415);
    assertJsonErrors(response.body(), 415);
  }

  @Test
  void an_oversized_form_body_is_a_413_error_list() throws Exception {
    var response =
        perform(
            post("/open311/v2/requests.xml")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(new byte[3 * 1024 * 1024]));

    assertThat(response.status()).isEqualTo(413);
    assertXmlErrors(response.body(), 413);
  }

  @Test
  void a_post_to_a_single_request_is_a_405_allowing_get() throws Exception {
    var response = perform(form("/open311/v2/requests/2026-000001.json"));

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.allow()).isEqualTo("GET");
    assertJsonErrors(response.body(), 405);
  }

  @Test
  void a_bad_idempotency_key_is_a_400() throws Exception {
    var response = perform(form("/open311/v2/requests.json").header("Idempotency-Key", "x".repeat(300)));

    assertThat(response.status()).isEqualTo(400);
    assertJsonErrors(response.body(), 400);
  }

  private SubmitServiceRequest submitted() {
    var captor = ArgumentCaptor.forClass(SubmitServiceRequest.class);
    verify(requests).submit(captor.capture());
    return captor.getValue();
  }
}
