package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civic311.identity.ApiKeys;
import org.civic311.requests.RequestQuery;
import org.civic311.requests.ServiceRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated POST Service Request inputs over real HTTP against the real modules: never a 5xx, every
 * 4xx an error list, and a 4xx never leaves a request behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedPostEndToEndTests {

  private static final long SEED = 311_2026L;

  @LocalServerPort int port;
  @Autowired ApiKeys apiKeys;
  @Autowired ServiceRequests requests;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  Open311Http http;

  @BeforeEach
  void client() {
    apiKeys.ensureExists(Open311EndToEndTests.KEY, "end-to-end client");
    http = new Open311Http(port);
  }

  @RepeatedTest(value = 200, name = "generated POST {currentRepetition} over HTTP is answered with 2xx or a 4xx error list")
  void a_generated_post_never_fails_with_5xx_and_a_4xx_stores_nothing(RepetitionInfo repetition) throws Exception {
    long seed = SEED + repetition.getCurrentRepetition();
    var post =
        new GeneratedPosts(
                seed,
                Open311EndToEndTests.KEY,
                new GeneratedPosts.Valid("POTHOLE", Map.of("SIZE", "small", "POSITION", "traffic_lane")))
            .next();
    long before = stored();

    var response = http.postForm("/open311/v2/requests." + post.extension(), post.parameters());

    String why = "seed " + seed + ": " + post.description();
    assertThat(response.statusCode()).as(why).isBetween(200, 499);
    if (response.statusCode() >= 400) {
      if (post.extension().equals("xml")) Open311Bodies.assertXmlErrors(response.body(), response.statusCode());
      else Open311Bodies.assertJsonErrors(response.body(), response.statusCode());
      assertThat(stored()).as(why).isEqualTo(before);
    } else {
      assertThat(stored()).as(why).isEqualTo(before + 1);
    }
  }

  private long stored() {
    return jdbc.sql("SELECT count(*) FROM requests.service_request").query(Long.class).single();
  }
}
