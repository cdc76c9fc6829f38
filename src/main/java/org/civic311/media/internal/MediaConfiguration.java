package org.civic311.media.internal;

import java.nio.file.Path;
import org.civic311.media.PhotoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Wires the local-disk photo store unless a deployment provides another {@link PhotoStore}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MediaConfiguration {

  /** Read by name (not through the database module's types): media only shares the data folder. */
  @Bean
  @ConditionalOnMissingBean(PhotoStore.class)
  LocalDiskPhotoStore localDiskPhotoStore(@Value("${civic311.database.data-dir:./data}") Path dataDir) {
    return new LocalDiskPhotoStore(dataDir.resolve("media"));
  }

  /** Runs the cleanup of abandoned photos; off where it should not run (tests run it by hand). */
  @Component
  @ConditionalOnProperty(name = "civic311.media.abandoned-photo-cleanup", havingValue = "true", matchIfMissing = true)
  static class CleanupSchedule {

    private static final Logger log = LoggerFactory.getLogger(CleanupSchedule.class);
    private final AbandonedPhotoCleanup cleanup;

    CleanupSchedule(AbandonedPhotoCleanup cleanup) {
      this.cleanup = cleanup;
    }

    @Scheduled(
        fixedDelayString = "${civic311.media.abandoned-photo-interval:15m}",
        initialDelayString = "${civic311.media.abandoned-photo-interval:15m}")
    void run() {
      try {
        cleanup.run();
      } catch (RuntimeException e) {
        log.warn("Cleanup of abandoned photos failed this round; the next round tries again", e);
      }
    }
  }
}
