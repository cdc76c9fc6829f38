package org.civic311.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.civic311.media.Photos;
import org.civic311.media.Photos.StoredPhoto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhotoControllerTests {

  @LocalServerPort int port;
  @Autowired Photos photos;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_stored_photo_is_served_with_its_type_and_cached_for_good() throws Exception {
    StoredPhoto stored = photos.store(TestImages.withExifGps(TestImages.jpeg(640, 480), 1), "bench.jpg");

    HttpResponse<byte[]> response = get("/media/" + stored.id() + ".jpg");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.body()).isEqualTo(photos.load(stored.id()).orElseThrow().bytes());
    assertThat(TestImages.appSegments(response.body())).noneMatch(s -> s.startsWith("APP1"));
  }

  @Test
  void a_thumbnail_is_served_as_jpeg() throws Exception {
    StoredPhoto stored = photos.store(TestImages.png(800, 400, true), "sign.png");

    HttpResponse<byte[]> response = get("/media/" + stored.id() + "/thumbnail.jpg");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(TestImages.read(response.body()).getWidth()).isEqualTo(320);
    assertThat(get("/media/" + stored.id() + ".png").statusCode()).isEqualTo(200);
    assertThat(get("/media/" + stored.id() + ".jpg").statusCode()).as("stored as PNG").isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/media/00000000-0000-0000-0000-000000000000.jpg",
        "/media/00000000-0000-0000-0000-000000000000/thumbnail.jpg",
        "/media/not-a-photo.jpg",
        "/media/00000000-0000-0000-0000-000000000000.gif",
        "/media/%2e%2e.jpg",
        "/media/----------------------------------...jpg",
        "/media/..-..-..-..-..-..-..-..-..-..-..-..-...jpg",
        "/media/%2e%2e/thumbnail.jpg"
      })
  void unknown_or_malformed_ids_are_not_found(String path) throws Exception {
    assertThat(get(path).statusCode()).isEqualTo(404);
  }

  /** Tomcat itself answers 400 to encoded slashes and backslashes, before any controller. */
  @ParameterizedTest
  @ValueSource(strings = {"/media/..%2F..%2Fpom.xml", "/media/..%5C..%5Cpom.xml"})
  void a_path_with_encoded_separators_is_refused_without_a_server_error(String path) throws Exception {
    assertThat(get(path).statusCode()).isBetween(400, 404);
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
