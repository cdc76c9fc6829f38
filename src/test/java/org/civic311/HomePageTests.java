package org.civic311;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomePageTests {

  @LocalServerPort int port;

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) request.headers(headers);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void the_root_address_is_the_residents_home_page_and_still_shows_where_the_open311_api_is() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(home.body())
        .contains("City of Springfield")
        .contains("href=\"/report\"")
        .contains("action=\"/track\"")
        .contains("/open311/discovery.json")
        .contains("/open311/v2/services.json");
  }

  @Test
  void the_error_path_asked_for_directly_is_a_404_not_a_500() throws Exception {
    assertThat(get("/error").statusCode()).isEqualTo(404);
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }
}
