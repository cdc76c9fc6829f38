package org.civic311.console.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The city's ready-made public updates, per language, that staff pick on a request page and may edit
 * before posting. Defaults in English and Spanish come with the first start; admins edit the list.
 */
@Component
public class CannedResponses {

  private final JdbcClient jdbc;
  private final Clock clock;

  CannedResponses(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One ready-made update. */
  public record CannedResponse(long id, String language, String title, String body, int position) {}

  /** Every response, by language and position. */
  public List<CannedResponse> all() {
    return jdbc.sql("SELECT id, language, title, body, position FROM console.canned_response ORDER BY language, position, id")
        .query(this::map)
        .list();
  }

  /** The responses in one language; the English ones when there are none in it. */
  public List<CannedResponse> in(String language) {
    List<CannedResponse> found =
        jdbc.sql("SELECT id, language, title, body, position FROM console.canned_response WHERE language = ? ORDER BY position, id")
            .param(language)
            .query(this::map)
            .list();
    return found.isEmpty() && !language.equals("en") ? in("en") : found;
  }

  public Optional<CannedResponse> find(long id) {
    return jdbc.sql("SELECT id, language, title, body, position FROM console.canned_response WHERE id = ?")
        .param(id).query(this::map).optional();
  }

  public CannedResponse add(String language, String title, String body, int position) {
    return jdbc.sql(
            """
            INSERT INTO console.canned_response (language, title, body, position, updated_at)
            VALUES (?, ?, ?, ?, ?) RETURNING id, language, title, body, position
            """)
        .params(language, title, body, position, java.sql.Timestamp.from(clock.instant()))
        .query(this::map)
        .single();
  }

  public boolean update(long id, String language, String title, String body, int position) {
    return jdbc.sql("UPDATE console.canned_response SET language = ?, title = ?, body = ?, position = ?, updated_at = ? WHERE id = ?")
        .params(language, title, body, position, java.sql.Timestamp.from(clock.instant()), id)
        .update() > 0;
  }

  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM console.canned_response WHERE id = ?").param(id).update() > 0;
  }

  private CannedResponse map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new CannedResponse(rs.getLong("id"), rs.getString("language"), rs.getString("title"), rs.getString("body"), rs.getInt("position"));
  }
}
