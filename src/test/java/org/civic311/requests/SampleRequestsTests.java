package org.civic311.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class SampleRequestsTests {

  @Autowired SampleRequests samples;
  @Autowired ServiceRequests requests;
  @Autowired JdbcClient jdbc;

  @Test
  void generated_requests_are_real_requests_with_unique_numbers_inside_the_city() {
    int before = jdbc.sql("SELECT count(*) FROM requests.service_request").query(Integer.class).single();
    List<Integer> progress = new ArrayList<>();
    assertThat(samples.generate(1_500, progress::add)).isEqualTo(1_500);
    assertThat(progress).last().isEqualTo(1_500);

    assertThat(jdbc.sql("SELECT count(*) FROM requests.service_request").query(Integer.class).single())
        .isEqualTo(before + 1_500);
    assertThat(jdbc.sql("SELECT count(DISTINCT number) = count(*) FROM requests.service_request").query(Boolean.class).single())
        .isTrue();
    RequestPage page =
        requests.search(new RequestQuery(List.of(), List.of(), Set.of(), null, null, null, null, null, null, 1, 1000, true));
    assertThat(page.requests()).hasSize(1000);
    assertThat(page.hasMore()).isTrue();
    assertThat(page.requests()).allSatisfy(r -> assertThat(r.history()).isNotEmpty());
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM requests.service_request r JOIN requests.history_entry h ON h.request_id = r.id
                    WHERE h.actor_name = 'sample-data' AND r.latitude BETWEEN 33.70 AND 34.34
                      AND r.longitude BETWEEN -118.67 AND -118.15
                    """)
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(1_500);
  }

  @Test
  void numbers_keep_growing_past_a_million_without_colliding() {
    long next = jdbc.sql("SELECT last_value FROM requests.request_number_seq").query(Long.class).single();
    if (next < 999_995) jdbc.sql("SELECT setval('requests.request_number_seq', 999995)").query(Long.class).single();
    samples.generate(10, done -> {});
    assertThat(jdbc.sql("SELECT count(*) FROM requests.service_request WHERE length(number) = 12").query(Integer.class).single())
        .as("numbers like 2026-1000001")
        .isPositive();
    assertThat(jdbc.sql("SELECT count(DISTINCT number) = count(*) FROM requests.service_request").query(Boolean.class).single())
        .isTrue();
  }
}
