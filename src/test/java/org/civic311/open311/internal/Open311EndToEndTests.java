package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.open311.internal.Open311Bodies.assertJsonErrors;
import static org.civic311.open311.internal.Open311Bodies.assertXmlErrors;
import static org.civic311.open311.internal.Open311Bodies.children;
import static org.civic311.open311.internal.Open311Bodies.json;
import static org.civic311.open311.internal.Open311Bodies.text;
import static org.civic311.open311.internal.Open311Bodies.xml;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.civic311.identity.ApiKeys;
import org.civic311.requests.RequestQuery;
import org.civic311.requests.ServiceRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Open311 server over real HTTP, on the embedded PostgreSQL, with the sample city loaded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class Open311EndToEndTests {

  static final String KEY = "open311-end-to-end-key-0123456789";

  @LocalServerPort int port;
  @Autowired ApiKeys apiKeys;
  @Autowired ServiceRequests requests;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  Open311Http http;

  @BeforeEach
  void client() {
    apiKeys.ensureExists(KEY, "end-to-end client");
    http = new Open311Http(port);
  }

  /** Answers for every required question of a category, read from our own service definition. */
  Map<String, String> requiredAnswers(String serviceCode) throws Exception {
    var definition = json(http.get("/open311/v2/services/" + serviceCode + ".json").body());
    var answers = new LinkedHashMap<String, String>();
    for (var attribute : definition.get("attributes")) {
      if (!attribute.get("required").asBoolean() || !attribute.get("variable").asBoolean()) continue;
      String value =
          switch (attribute.get("datatype").asString()) {
            case "singlevaluelist", "multivaluelist" -> attribute.get("values").get(0).get("key").asString();
            case "number" -> "1";
            case "datetime" -> "2026-11-20T10:00:00Z";
            default -> "answer";
          };
      answers.put(attribute.get("code").asString(), value);
    }
    return answers;
  }

  List<Map.Entry<String, String>> validPost(String serviceCode) throws Exception {
    var parameters = new ArrayList<Map.Entry<String, String>>();
    parameters.add(Map.entry("api_key", KEY));
    parameters.add(Map.entry("service_code", serviceCode));
    parameters.add(Map.entry("lat", "34.0522"));
    parameters.add(Map.entry("long", "-118.2437"));
    parameters.add(Map.entry("address_string", "200 N Spring St"));
    parameters.add(Map.entry("description", "Deep hole in the right lane"));
    requiredAnswers(serviceCode).forEach((code, value) -> parameters.add(Map.entry("attribute[" + code + "]", value)));
    return parameters;
  }

  long stored() {
    return jdbc.sql("SELECT count(*) FROM requests.service_request").query(Long.class).single();
  }

  static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Test
  void a_request_posted_in_xml_can_be_read_back_in_both_formats_alone_and_in_the_list() throws Exception {
    var posted = http.postForm("/open311/v2/requests.xml", validPost("POTHOLE"));

    assertThat(posted.statusCode()).isEqualTo(201);
    assertThat(header(posted, "Content-Type")).isEqualTo("text/xml;charset=utf-8");
    String id = text(children(xml(posted.body()).getDocumentElement()).getFirst(), "service_request_id");

    var one = http.get("/open311/v2/requests/" + id + ".xml");
    assertThat(one.statusCode()).isEqualTo(200);
    var request = children(xml(one.body()).getDocumentElement()).getFirst();
    assertThat(text(request, "service_code")).isEqualTo("POTHOLE");
    assertThat(text(request, "status")).isEqualTo("open");
    assertThat(text(request, "agency_responsible")).isEqualTo("Public Works");
    assertThat(text(request, "requested_datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
    var oneJson = json(http.get("/open311/v2/requests/" + id + ".json?extensions=true").body()).get(0);
    assertThat(oneJson.get("lat").asDouble()).isEqualTo(34.0522);
    assertThat(oneJson.get("extended_attributes").get("channel").asString()).isEqualTo("open311");
    var list = json(http.get("/open311/v2/requests.json?service_code=POTHOLE&status=open").body());
    assertThat(list.valueStream().map(r -> r.get("service_request_id").asString())).contains(id);
    var byId = json(http.get("/open311/v2/requests.json?service_request_id=" + id).body());
    assertThat(byId.size()).isEqualTo(1);
  }

  @Test
  void a_batch_category_answers_with_a_token_that_leads_to_the_request() throws Exception {
    var posted = http.postForm("/open311/v2/requests.json", validPost("SIDEWALK_DAMAGE"));

    assertThat(posted.statusCode()).isEqualTo(201);
    var result = json(posted.body()).get(0);
    assertThat(result.has("service_request_id")).isFalse();
    String token = result.get("token").asString();
    var byToken = json(http.get("/open311/v2/tokens/" + token + ".json").body()).get(0);
    assertThat(byToken.get("token").asString()).isEqualTo(token);
    String id = byToken.get("service_request_id").asString();
    assertThat(http.get("/open311/v2/requests/" + id + ".json").statusCode()).isEqualTo(200);
  }

  @Test
  void a_retried_post_with_the_same_idempotency_key_stores_one_request() throws Exception {
    String key = UUID.randomUUID().toString();
    long before = stored();

    var first = http.postForm("/open311/v2/requests.json", validPost("POTHOLE"), "Idempotency-Key", key);
    var retry = http.postForm("/open311/v2/requests.json", validPost("POTHOLE"), "Idempotency-Key", key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(json(retry.body()).get(0).get("service_request_id").asString())
        .isEqualTo(json(first.body()).get(0).get("service_request_id").asString());
    assertThat(stored()).isEqualTo(before + 1);
  }

  @Test
  void a_missing_answer_is_a_400_naming_the_attribute_code_and_stores_nothing() throws Exception {
    long before = stored();
    var parameters = validPost("POTHOLE");
    parameters.removeIf(e -> e.getKey().equals("attribute[SIZE]"));

    var response = http.postForm("/open311/v2/requests.json", parameters);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(assertJsonErrors(response.body(), 400)).anySatisfy(d -> assertThat(d).contains("SIZE required"));
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void photos_uploaded_as_multipart_become_media_urls() throws Exception {
    var parameters = validPost("POTHOLE");
    var response =
        http.postMultipart(
            "/open311/v2/requests.json",
            parameters,
            List.of(new Open311Http.Part("photo1", "hole.jpg", "image/jpeg", jpeg()), new Open311Http.Part("media", "hole2.jpg", "image/jpeg", jpeg())));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String id = json(response.body()).get(0).get("service_request_id").asString();
    var request = json(http.get("/open311/v2/requests/" + id + ".json?extensions=true").body()).get(0);
    assertThat(request.get("media_url").asString()).startsWith("http");
    assertThat(request.get("media_urls").size()).isEqualTo(2);
  }

  @org.springframework.beans.factory.annotation.Value("${civic311.database.data-dir}")
  java.nio.file.Path dataDir;

  private long photoFiles() throws Exception {
    java.nio.file.Path media = dataDir.resolve("media");
    if (!java.nio.file.Files.isDirectory(media)) return 0;
    try (var files = java.nio.file.Files.walk(media)) {
      return files.filter(java.nio.file.Files::isRegularFile).count();
    }
  }

  @Test
  void the_photos_of_a_refused_request_are_not_kept() throws Exception {
    long before = photoFiles();
    var withoutAnswers = validPost("POTHOLE");
    withoutAnswers.removeIf(p -> p.getKey().startsWith("attribute["));

    var response =
        http.postMultipart(
            "/open311/v2/requests.json",
            withoutAnswers,
            List.of(new Open311Http.Part("photo1", "hole.jpg", "image/jpeg", jpeg())));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(photoFiles()).isEqualTo(before);
  }

  @Test
  void a_photo_sent_beside_a_file_that_is_not_an_image_is_not_kept() throws Exception {
    long before = photoFiles();

    var response =
        http.postMultipart(
            "/open311/v2/requests.json",
            validPost("POTHOLE"),
            List.of(
                new Open311Http.Part("photo1", "hole.jpg", "image/jpeg", jpeg()),
                new Open311Http.Part("photo2", "evil.jpg", "image/jpeg", "<html>hi</html>".getBytes(StandardCharsets.UTF_8))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(photoFiles()).isEqualTo(before);
  }

  @Test
  void a_retried_post_with_photos_keeps_only_the_first_attempts_photos() throws Exception {
    String key = java.util.UUID.randomUUID().toString();
    var parameters = validPost("POTHOLE");
    var photo = List.of(new Open311Http.Part("photo1", "hole.jpg", "image/jpeg", jpeg()));

    var first = http.postMultipart("/open311/v2/requests.json", parameters, photo, "Idempotency-Key", key);
    long afterFirst = photoFiles();
    var retry = http.postMultipart("/open311/v2/requests.json", parameters, photo, "Idempotency-Key", key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(photoFiles()).isEqualTo(afterFirst);
  }

  @Test
  void a_file_that_is_not_an_image_is_a_400_and_stores_nothing() throws Exception {
    long before = stored();

    var response =
        http.postMultipart(
            "/open311/v2/requests.xml",
            validPost("POTHOLE"),
            List.of(new Open311Http.Part("photo1", "evil.jpg", "image/jpeg", "<html>hi</html>".getBytes(StandardCharsets.UTF_8))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(assertXmlErrors(response.body(), 400)).singleElement().asString().startsWith("photo1");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void a_broken_multipart_body_is_a_400_error_list() throws Exception {
    var response =
        http.postRaw("/open311/v2/requests.json", "multipart/form-data; boundary=abc", "--abc\r\nnonsense".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertJsonErrors(response.body(), 400);
  }

  @Test
  void a_photo_over_the_upload_limit_is_a_413_error_list() throws Exception {
    var response =
        http.postMultipart(
            "/open311/v2/requests.xml",
            validPost("POTHOLE"),
            List.of(new Open311Http.Part("photo1", "big.jpg", "image/jpeg", new byte[11 * 1024 * 1024])));

    assertThat(response.statusCode()).isEqualTo(413);
    assertXmlErrors(response.body(), 413);
  }

  @Test
  void an_oversized_or_badly_encoded_form_is_a_4xx_error_list() throws Exception {
    var tooBig = http.postRaw("/open311/v2/requests.json", "application/x-www-form-urlencoded", new byte[3 * 1024 * 1024]);
    var badlyEncoded =
        http.postRaw("/open311/v2/requests.xml", "application/x-www-form-urlencoded", "api_key=%ZZ&service_code=%".getBytes(StandardCharsets.UTF_8));

    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertJsonErrors(tooBig.body(), 413);
    assertThat(badlyEncoded.statusCode()).isBetween(400, 403);
    assertXmlErrors(badlyEncoded.body(), badlyEncoded.statusCode());
  }

  @Test
  void discovery_is_served_with_exactly_the_content_types_validators_compare() throws Exception {
    var xmlResponse = http.get("/open311/discovery.xml");
    var jsonResponse = http.get("/open311/discovery.json");

    assertThat(xmlResponse.statusCode()).isEqualTo(200);
    assertThat(header(xmlResponse, "Content-Type")).isEqualTo("text/xml");
    assertThat(header(jsonResponse, "Content-Type")).isEqualTo("application/json");
    assertThat(json(jsonResponse.body()).get("endpoints").get(0).get("url").asString()).endsWith("/open311/v2");
  }

  @Test
  void wrong_methods_unknown_paths_and_bad_extensions_get_error_lists_over_http() throws Exception {
    var put =
        http.postRaw("/open311/v2/services.json", "application/x-www-form-urlencoded", new byte[0]);
    var missing = http.get("/open311/v2/nothing.xml");
    var badExtension = http.get("/open311/v2/services.php");

    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(header(put, "Allow")).isEqualTo("GET");
    assertJsonErrors(put.body(), 405);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertXmlErrors(missing.body(), 404);
    assertThat(badExtension.statusCode()).isEqualTo(404);
    assertThat(assertXmlErrors(badExtension.body(), 404)).containsExactly("Bad extension. We support .xml and .json");
  }

  @Test
  void a_city_system_posts_updates_that_apply_once_and_show_in_the_feed() throws Exception {
    String id = json(http.postForm("/open311/v2/requests.json", validPost("POTHOLE")).body()).get(0).get("service_request_id").asString();
    String updateId = "ext-" + UUID.randomUUID();
    var update =
        List.of(
            Map.entry("api_key", KEY),
            Map.entry("service_request_id", id),
            Map.entry("update_id", updateId),
            Map.entry("status", "FIXED"),
            Map.entry("updated_datetime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()),
            Map.entry("description", "Filled with asphalt"));

    var first = http.postForm("/open311/v2/servicerequestupdates.xml", update);
    var again = http.postForm("/open311/v2/servicerequestupdates.xml", update);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String ours = text(children(xml(first.body()).getDocumentElement()).getFirst(), "update_id");
    assertThat(text(children(xml(again.body()).getDocumentElement()).getFirst(), "update_id")).isEqualTo(ours);
    var request = json(http.get("/open311/v2/requests/" + id + ".json").body()).get(0);
    assertThat(request.get("status").asString()).isEqualTo("closed");
    String window =
        "?start_date=" + enc(Instant.now().minus(1, ChronoUnit.HOURS)) + "&end_date=" + enc(Instant.now().plus(1, ChronoUnit.HOURS));
    var feed = json(http.get("/open311/v2/servicerequestupdates.json" + window).body());
    assertThat(feed.valueStream().filter(u -> u.get("service_request_id").asString().equals(id)))
        .anySatisfy(u -> assertThat(u.get("status").asString()).isEqualTo("fixed"));

    var close =
        http.postForm(
            "/open311/v2/servicerequestupdates.json",
            List.of(
                Map.entry("api_key", KEY),
                Map.entry("service_request_id", id),
                Map.entry("update_id", updateId + "-2"),
                Map.entry("status", "CLOSED")));
    var startWork =
        http.postForm(
            "/open311/v2/servicerequestupdates.json",
            List.of(
                Map.entry("api_key", KEY),
                Map.entry("service_request_id", id),
                Map.entry("update_id", updateId + "-3"),
                Map.entry("status", "IN_PROGRESS")));
    assertThat(close.statusCode()).as(close.body()).isBetween(200, 400);
    assertThat(startWork.statusCode()).as(startWork.body()).isEqualTo(400);
    assertJsonErrors(startWork.body(), 400);
  }

  @Test
  void reporter_contact_data_never_appears_in_get_output_or_logs(CapturedOutput output) throws Exception {
    var secrets = List.of("Zebulon", "Quaxwright", "zeb.quax@example.org", "+1 555 0199 777", "device-ZQ-4242", "acct-ZQ-9191");
    var contact =
        List.of(
            Map.entry("first_name", secrets.get(0)),
            Map.entry("last_name", secrets.get(1)),
            Map.entry("email", secrets.get(2)),
            Map.entry("phone", secrets.get(3)),
            Map.entry("device_id", secrets.get(4)),
            Map.entry("account_id", secrets.get(5)));
    var realtime = validPost("POTHOLE");
    realtime.addAll(contact);
    var batch = validPost("SIDEWALK_DAMAGE");
    batch.addAll(contact);
    var posted = http.postForm("/open311/v2/requests.json", realtime);
    var postedBatch = http.postForm("/open311/v2/requests.xml", batch);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(postedBatch.statusCode()).as(postedBatch.body()).isEqualTo(201);
    String id = json(posted.body()).get(0).get("service_request_id").asString();
    String token = text(children(xml(postedBatch.body()).getDocumentElement()).getFirst(), "token");

    var bodies = new ArrayList<String>(List.of(posted.body(), postedBatch.body()));
    for (String path :
        List.of(
            "/open311/v2/services.xml",
            "/open311/v2/services/POTHOLE.json",
            "/open311/v2/requests.xml?extensions=true",
            "/open311/v2/requests.json?extensions=true",
            "/open311/v2/requests.json?q=Zebulon",
            "/open311/v2/requests/" + id + ".xml?extensions=true",
            "/open311/v2/requests/" + id + ".json?extensions=true",
            "/open311/v2/tokens/" + token + ".xml",
            "/open311/v2/servicerequestupdates.xml",
            "/open311/v2/servicerequestupdates.json",
            "/open311/discovery.json")) {
      var response = http.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      bodies.add(response.body());
    }

    for (String secret : secrets) {
      assertThat(bodies).as("GET output").noneMatch(body -> body.contains(secret));
      assertThat(output.getAll()).as("log output").doesNotContain(secret);
    }
  }

  private static String enc(Instant instant) {
    return URLEncoder.encode(instant.truncatedTo(ChronoUnit.SECONDS).toString(), StandardCharsets.UTF_8);
  }

  private static byte[] jpeg() throws Exception {
    var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) for (int y = 0; y < 48; y++) image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8);
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
