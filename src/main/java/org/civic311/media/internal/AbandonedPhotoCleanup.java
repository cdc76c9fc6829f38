package org.civic311.media.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the photos of reports that were never sent, {@code civic311.media.abandoned-photo-age}
 * after their upload: a resident who gives up halfway leaves nothing behind.
 *
 * <p>Each batch is one transaction that locks its rows {@code FOR UPDATE SKIP LOCKED}, deletes the
 * files, then the rows. Two nodes running at once take different photos; a node that dies mid-batch
 * releases its rows with its connection and the next run deletes them again (deleting a missing file
 * is harmless). A report sent at that very moment waits for the batch and is then told its photo is
 * gone ({@link ReencodingPhotos#claim}).
 */
@Component
class AbandonedPhotoCleanup {

  private static final Logger log = LoggerFactory.getLogger(AbandonedPhotoCleanup.class);
  static final int BATCH = 200;

  private final UnclaimedPhotos unclaimed;
  private final ReencodingPhotos photos;
  private final Clock clock;
  private final Duration age;
  private final TransactionTemplate transaction;

  AbandonedPhotoCleanup(
      UnclaimedPhotos unclaimed,
      ReencodingPhotos photos,
      Clock clock,
      @Value("${civic311.media.abandoned-photo-age:24h}") Duration age,
      PlatformTransactionManager transactions) {
    if (age.isNegative() || age.isZero()) throw new IllegalArgumentException("civic311.media.abandoned-photo-age must be positive");
    this.unclaimed = unclaimed;
    this.photos = photos;
    this.clock = clock;
    this.age = age;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Deletes every abandoned photo older than the age at this moment of the clock; returns how many. */
  int run() {
    var cutoff = clock.instant().minus(age);
    int deleted = 0;
    while (true) {
      Integer batch = transaction.execute(status -> {
        List<String> ids = unclaimed.lockAbandoned(cutoff, BATCH);
        ids.forEach(photos::deleteFiles);
        if (!ids.isEmpty()) unclaimed.delete(ids);
        return ids.size();
      });
      deleted += batch == null ? 0 : batch;
      if (batch == null || batch < BATCH) break;
    }
    if (deleted > 0) log.info("Deleted {} photos of reports that were never sent", deleted);
    return deleted;
  }
}
