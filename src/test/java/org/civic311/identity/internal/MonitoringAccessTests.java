package org.civic311.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.civic311.identity.ApiKeyScope;
import org.civic311.identity.ApiKeys;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator endpoints other than health on the main port, as a Prometheus scraper and a browser
 * reach them: a key of the metrics scope as a bearer token, or an admin or manager signed in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringAccessTests {

  private static final String PASSWORD = "a-monitoring-password-2026";

  @Autowired ApiKeys keys;
  @Autowired StaffAccounts staff;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) request.header("Authorization", authorization);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_scraper_with_a_metrics_key_reads_prometheus_and_without_one_gets_a_401() throws Exception {
    String metrics = keys.create("Prometheus", Set.of(ApiKeyScope.METRICS)).secret();
    String open311 = keys.create("A FixMyStreet app").secret();

    HttpResponse<String> scraped = get("/actuator/prometheus", "Bearer " + metrics);
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("civic311_notifications_waiting");
    assertThat(scraped.headers().firstValue("Set-Cookie")).as("no session per scrape").isEmpty();

    for (String refused : new String[] {null, "Bearer " + open311, "Bearer not-a-key", "Basic YWRtaW46YWRtaW4="}) {
      HttpResponse<String> response = get("/actuator/prometheus", refused);
      assertThat(response.statusCode()).as(String.valueOf(refused)).isEqualTo(401);
      assertThat(response.body()).doesNotContain("civic311_notifications_waiting");
    }
    assertThat(get("/actuator/info", "Bearer " + open311).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/health", null).statusCode()).as("health stays open for probes").isEqualTo(200);
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
  }

  @Test
  void a_signed_in_manager_reads_metrics_and_a_dispatcher_does_not() throws Exception {
    String manager = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";
    staff.create(new NewStaffMember(manager, "Manager", Set.of(StaffRole.MANAGER), Set.of(), null), PASSWORD);
    StaffBrowser managerBrowser = new StaffBrowser(port);
    assertThat(managerBrowser.signIn(manager, PASSWORD).statusCode()).isEqualTo(302);
    assertThat(managerBrowser.get("/actuator/prometheus").statusCode()).isEqualTo(200);

    String dispatcher = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";
    staff.create(new NewStaffMember(dispatcher, "Dispatcher", Set.of(StaffRole.DISPATCHER), Set.of("PW"), null), PASSWORD);
    StaffBrowser dispatcherBrowser = new StaffBrowser(port);
    assertThat(dispatcherBrowser.signIn(dispatcher, PASSWORD).statusCode()).isEqualTo(302);
    assertThat(dispatcherBrowser.get("/actuator/prometheus").statusCode()).isEqualTo(403);
  }
}
