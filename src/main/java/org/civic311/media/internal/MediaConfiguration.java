package org.civic311.media.internal;

import java.nio.file.Path;
import org.civic311.media.PhotoStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the local-disk photo store unless a deployment provides another {@link PhotoStore}. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

  /** Read by name (not through the database module's types): media only shares the data folder. */
  @Bean
  @ConditionalOnMissingBean(PhotoStore.class)
  LocalDiskPhotoStore localDiskPhotoStore(@Value("${civic311.database.data-dir:./data}") Path dataDir) {
    return new LocalDiskPhotoStore(dataDir.resolve("media"));
  }
}
