package org.civic311;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Refusals and unknown pages answer in the city's words, in the visitor's language, not Boot's bare page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

  @LocalServerPort int port;

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  @Test
  void a_staff_form_sent_without_its_token_gets_a_page_that_says_what_to_do() throws Exception {
    HttpResponse<String> refused =
        send(at("/staff/password-reset").header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("email=someone%40example.gov")));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("<h1>Not allowed</h1>").contains("reload the page").doesNotContain("Whitelabel");
  }

  @Test
  void an_unknown_page_is_a_404_page_with_a_way_home_in_english_or_spanish() throws Exception {
    HttpResponse<String> english = send(at("/no-such-page"));
    assertThat(english.statusCode()).isEqualTo(404);
    assertThat(english.body()).contains("Page not found").contains("href=\"/\"");

    HttpResponse<String> spanish = send(at("/no-such-page").header("Accept-Language", "es"));
    assertThat(spanish.statusCode()).isEqualTo(404);
    assertThat(spanish.body()).contains("Página no encontrada").contains("lang=\"es\"");
  }

  @Test
  void open311_clients_still_get_an_open311_error_list_not_a_page() throws Exception {
    HttpResponse<String> missing = send(at("/open311/v2/requests/2026-999999.json"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"description\"").doesNotContain("<html");
  }
}
