package org.civic311.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.civic311.identity.ApiKeyScope;
import org.civic311.identity.ApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator on its own port ({@code MANAGEMENT_SERVER_PORT}), as the README advises for keeping it
 * off the public port: there it answers with the same rules as on the main port, and the main port no
 * longer serves it. A separate port runs in a child context, so the rules could silently not apply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class MonitoringOnManagementPortTests {

  @Autowired ApiKeys keys;
  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int onPort, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path));
    if (authorization != null) request.header("Authorization", authorization);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metrics_on_the_management_port_need_a_metrics_key_and_the_main_port_no_longer_serves_them() throws Exception {
    assertThat(managementPort).isNotEqualTo(port);
    String metrics = keys.create("Prometheus", Set.of(ApiKeyScope.METRICS)).secret();
    String open311 = keys.create("A FixMyStreet app").secret();

    HttpResponse<String> scraped = get(managementPort, "/actuator/prometheus", "Bearer " + metrics);
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("civic311_notifications_waiting");

    for (String refused : new String[] {null, "Bearer " + open311, "Bearer not-a-key"}) {
      HttpResponse<String> response = get(managementPort, "/actuator/prometheus", refused);
      assertThat(response.statusCode()).as(String.valueOf(refused)).isEqualTo(401);
      assertThat(response.body()).doesNotContain("civic311_notifications_waiting");
    }
    assertThat(get(managementPort, "/actuator/info", null).statusCode()).isEqualTo(401);
    assertThat(get(managementPort, "/actuator/health", null).statusCode()).as("probes need no key").isEqualTo(200);

    HttpResponse<String> onMainPort = get(port, "/actuator/prometheus", "Bearer " + metrics);
    assertThat(onMainPort.statusCode()).isIn(401, 404);
    assertThat(onMainPort.body()).doesNotContain("civic311_notifications_waiting");
  }
}
