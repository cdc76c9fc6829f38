package org.civic311.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.civic311.audit.AuditEntry;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditRecord;
import org.civic311.audit.AuditSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log in its own schema; one insert per entry, in the caller's transaction if there is one. */
@Repository
class JdbcAuditLog implements AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcAuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void record(AuditRecord record) {
    jdbc.sql("insert into audit.entry (at, actor, action, target, detail, origin) values (?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(clock.instant()), record.actor(), record.action(), record.target(), record.detail(), record.from())
        .update();
  }

  @Override
  public List<AuditEntry> search(AuditSearch search) {
    StringBuilder sql = new StringBuilder("select id, at, actor, action, target, detail, origin from audit.entry where true");
    List<Object> params = new ArrayList<>();
    if (search.actor() != null && !search.actor().isBlank()) {
      sql.append(" and lower(actor) = lower(?)");
      params.add(search.actor().strip());
    }
    if (search.action() != null && !search.action().isBlank()) {
      sql.append(" and action ilike ? escape '\\'");
      params.add("%" + likeEscaped(search.action().strip()) + "%");
    }
    if (search.target() != null && !search.target().isBlank()) {
      sql.append(" and target = ?");
      params.add(search.target().strip());
    }
    if (search.from() != null) {
      sql.append(" and at >= ?");
      params.add(Timestamp.from(search.from()));
    }
    if (search.to() != null) {
      sql.append(" and at < ?");
      params.add(Timestamp.from(search.to()));
    }
    if (search.beforeId() != null) {
      sql.append(" and id < ?");
      params.add(search.beforeId());
    }
    sql.append(" order by id desc limit ?");
    params.add(search.limit());
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, row) ->
                new AuditEntry(
                    rs.getLong("id"),
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("target"),
                    rs.getString("detail"),
                    rs.getString("origin")))
        .list();
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
