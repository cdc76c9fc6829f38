package org.civic311.console.internal.web.crew;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.civic311.console.internal.web.ConsoleHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The jobs page's service worker over HTTP: a crew member gets a script scoped to the jobs page with
 * the version of the files it keeps; nobody else gets it; the page says where the worker is.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.application.name=civic311-console-intake-tests", "civic311.demo.staff-accounts=true"})
class JobsServiceWorkerTests {

  @LocalServerPort int port;
  @Autowired JobsServiceWorker worker;

  @Test
  void a_crew_member_gets_a_worker_scoped_to_the_jobs_page_with_the_version_of_its_files() throws Exception {
    ConsoleHttp crew = ConsoleHttp.signedIn(port, "crew@springfield.example.gov", "demo-crew-2026");

    HttpResponse<String> script = crew.get("/staff/jobs/sw.js");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
    assertThat(script.headers().firstValue("Service-Worker-Allowed")).contains("/staff/jobs");
    assertThat(script.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
    assertThat(script.body())
        .contains("var VERSION = '" + worker.version() + "'")
        .contains("'/console/jobs.js'")
        .doesNotContain("__VERSION__")
        .doesNotContain("__ASSETS__");

    HttpResponse<String> page = crew.get("/staff/jobs");
    assertThat(page.body()).contains("data-served=\"network\"").contains("data-sw=\"/staff/jobs/sw.js\"").contains("data-as-of=\"");
  }

  @Test
  void staff_outside_a_crew_get_no_worker_and_visitors_are_sent_to_sign_in() throws Exception {
    ConsoleHttp dispatcher = ConsoleHttp.signedIn(port, "dispatcher@springfield.example.gov", "demo-dispatcher-2026");
    assertThat(dispatcher.get("/staff/jobs/sw.js").statusCode()).isEqualTo(403);

    HttpResponse<String> visitor = new ConsoleHttp(port).get("/staff/jobs/sw.js");
    assertThat(visitor.statusCode()).isEqualTo(302);
    assertThat(visitor.headers().firstValue("Location").orElse("")).contains("/staff/login");
  }

  @Test
  void every_crew_offline_text_exists_in_english_and_spanish() throws Exception {
    assertThat(load("i18n/console-crew_es.properties").stringPropertyNames())
        .isEqualTo(load("i18n/console-crew.properties").stringPropertyNames());
  }

  private static Properties load(String path) throws Exception {
    var properties = new Properties();
    try (Reader reader = new InputStreamReader(JobsServiceWorkerTests.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
