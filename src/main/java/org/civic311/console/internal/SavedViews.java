package org.civic311.console.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civic311.identity.StaffMemberId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each staff member's named queue filters ("My overdue potholes"), in the console schema. */
@Component
public class SavedViews {

  /** Most views one member keeps; the queue page lists them all. */
  public static final int MAX_PER_MEMBER = 30;

  private final JdbcClient jdbc;
  private final Clock clock;

  SavedViews(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A saved filter set: {@code query} is the queue URL's query string. */
  public record SavedView(long id, String name, String query) {}

  public List<SavedView> of(StaffMemberId member) {
    return jdbc.sql("SELECT id, name, query FROM console.saved_view WHERE staff_id = ? ORDER BY lower(name), id")
        .param(member.value())
        .query((rs, i) -> new SavedView(rs.getLong("id"), rs.getString("name"), rs.getString("query")))
        .list();
  }

  /**
   * Saves a view under a name, replacing the member's view of the same name.
   *
   * @return empty when the member already has {@link #MAX_PER_MEMBER} views
   */
  public Optional<SavedView> save(StaffMemberId member, String name, String query) {
    UUID id = member.value();
    int existing = jdbc.sql("SELECT count(*) FROM console.saved_view WHERE staff_id = ? AND name <> ?")
        .param(id).param(name).query(Integer.class).single();
    if (existing >= MAX_PER_MEMBER) return Optional.empty();
    try {
      return Optional.of(jdbc.sql(
              """
              INSERT INTO console.saved_view (staff_id, name, query, created_at) VALUES (:staff, :name, :query, :now)
              ON CONFLICT (staff_id, name) DO UPDATE SET query = excluded.query
              RETURNING id, name, query
              """)
          .param("staff", id)
          .param("name", name)
          .param("query", query)
          .param("now", java.sql.Timestamp.from(clock.instant()))
          .query((rs, i) -> new SavedView(rs.getLong("id"), rs.getString("name"), rs.getString("query")))
          .single());
    } catch (DuplicateKeyException raced) {
      return of(member).stream().filter(v -> v.name().equals(name)).findFirst();
    }
  }

  /** Deletes one of the member's own views; another member's id deletes nothing. */
  public boolean delete(StaffMemberId member, long viewId) {
    return jdbc.sql("DELETE FROM console.saved_view WHERE id = ? AND staff_id = ?")
        .param(viewId).param(member.value()).update() > 0;
  }
}
