package org.civic311.media.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Photos uploaded for a report that was not sent yet ({@code media.unclaimed_photo}). */
@Repository
class UnclaimedPhotos {

  private final JdbcClient jdbc;
  private final Clock clock;

  UnclaimedPhotos(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(String photoId) {
    jdbc.sql("INSERT INTO media.unclaimed_photo (photo_id, stored_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .param(UUID.fromString(photoId))
        .param(Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * Removes the rows of these photos and says which ones had a row. A row the cleanup holds is waited
   * for: when the cleanup commits, the photo is gone and not in the answer.
   */
  Set<String> claim(List<String> photoIds) {
    return new HashSet<>(jdbc.sql("DELETE FROM media.unclaimed_photo WHERE photo_id = ANY(?) RETURNING photo_id")
        .param(photoIds.stream().map(UUID::fromString).toArray(UUID[]::new))
        .query((rs, i) -> rs.getString(1))
        .list());
  }

  void forget(String photoId) {
    jdbc.sql("DELETE FROM media.unclaimed_photo WHERE photo_id = ?").param(UUID.fromString(photoId)).update();
  }

  /**
   * Locks up to {@code limit} photos stored before {@code cutoff} for the caller's transaction. Rows
   * another node holds are skipped, so nodes running the cleanup at once share the work.
   */
  List<String> lockAbandoned(Instant cutoff, int limit) {
    return jdbc.sql("""
            SELECT photo_id FROM media.unclaimed_photo
             WHERE stored_at < ?
             ORDER BY stored_at
             LIMIT ?
               FOR UPDATE SKIP LOCKED""")
        .param(Timestamp.from(cutoff))
        .param(limit)
        .query((rs, i) -> rs.getString(1))
        .list();
  }

  void delete(List<String> photoIds) {
    jdbc.sql("DELETE FROM media.unclaimed_photo WHERE photo_id = ANY(?)")
        .param(photoIds.stream().map(UUID::fromString).toArray(UUID[]::new))
        .update();
  }

  int count() {
    return jdbc.sql("SELECT count(*) FROM media.unclaimed_photo").query(Integer.class).single();
  }
}
