package org.civic311.requests.internal;

import java.util.Optional;
import org.civic311.requests.Actor;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.RequestHistory;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads single history entries, public or internal, for staff messages. */
@Component
class RequestHistoryQueries implements RequestHistory {

  private final JdbcClient jdbc;

  RequestHistoryQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<HistoryEntry> entry(RequestNumber number, long historyEntryId) {
    return jdbc.sql(
            """
            SELECT h.id, h.at, h.kind, h.status_after, h.public_entry, h.text, h.actor_kind, h.actor_name
            FROM requests.history_entry h JOIN requests.service_request r ON r.id = h.request_id
            WHERE h.id = ? AND r.number = ?
            """)
        .params(historyEntryId, number.value())
        .query((rs, i) -> new HistoryEntry(
            rs.getLong(1),
            rs.getTimestamp(2).toInstant(),
            HistoryEntry.Kind.valueOf(rs.getString(3)),
            Status.valueOf(rs.getString(4)),
            rs.getBoolean(5),
            rs.getString(6),
            new Actor(Actor.Kind.valueOf(rs.getString(7)), rs.getString(8))))
        .optional();
  }
}
