package org.civic311.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.civic311.requests.QueuePage;
import org.civic311.requests.QueueQuery;
import org.civic311.requests.QueueRow;
import org.civic311.requests.RequestNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue's "by number" sort is numeric: a busy year's seven-digit numbers come after its six-digit
 * ones, and keyset pages across the boundary lose and repeat nothing. Rows are written directly, as a
 * year of reports would take too long to submit.
 */
@SpringBootTest
class StaffQueueNumberOrderTests {

  @Autowired JdbcClient jdbc;
  @Autowired StaffQueueQueries queue;

  private void insert(String number, String department) {
    jdbc.sql(
            """
            INSERT INTO requests.service_request (id, number, category_code, department_code, status, priority, channel,
              description, address, submitted_at, updated_at, version)
            VALUES (gen_random_uuid(), :number, 'POTHOLE', :department, 'NEW', 'NORMAL', 'WEB', 'number order',
              '1 Order St', now(), now(), 0)
            """)
        .param("number", number)
        .param("department", department)
        .update();
  }

  private QueueQuery byNumber(String department, String after, int limit) {
    return new QueueQuery(Set.of(department), Set.of(), Set.of(), Set.of(), false, null, null, null, null, null, null, null,
        QueueQuery.Sort.NUMBER, java.time.Instant.now(), after, limit);
  }

  @Test
  void numbers_past_999999_sort_after_six_digit_ones_and_pages_across_them_lose_and_repeat_nothing() {
    // A year and a department of this run only, so other tests' rows never mix in.
    int year = 3000 + ThreadLocalRandom.current().nextInt(6000);
    String department = "NUM" + year;
    List<String> inserted = List.of(
        year + "-999998", year + "-1000000", (year - 1) + "-1000002", year + "-999999", year + "-1000001", year + "-000007");
    inserted.forEach(n -> insert(n, department));
    List<String> expected = List.of(
        year + "-1000001", year + "-1000000", year + "-999999", year + "-999998", year + "-000007", (year - 1) + "-1000002");

    assertThat(queue.queue(byNumber(department, null, 50)).rows()).extracting(r -> r.number().value())
        .containsExactlyElementsOf(expected);

    for (int size = 1; size <= 4; size++) {
      List<String> seen = new ArrayList<>();
      String after = null;
      int pages = 0;
      do {
        QueuePage page = queue.queue(byNumber(department, after, size));
        page.rows().stream().map(QueueRow::number).map(RequestNumber::value).forEach(seen::add);
        after = page.nextCursor();
      } while (after != null && ++pages < 20);
      assertThat(seen).as("pages of %d", size).containsExactlyElementsOf(expected);
    }
  }
}
