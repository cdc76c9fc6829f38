package org.civic311.catalog.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Brings an admin's catalog edit made on another node to this one: every
 * {@code civic311.catalog.refresh-interval} (2 s) one primary-key read of the catalog version, and a
 * reload when it moved. Cheaper and simpler than LISTEN/NOTIFY, which needs a dedicated connection per
 * node, and a missed notification can never leave a node stale.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CatalogRefresh {

  private static final Logger log = LoggerFactory.getLogger(CatalogRefresh.class);

  private final JdbcCatalog catalog;

  CatalogRefresh(JdbcCatalog catalog) {
    this.catalog = catalog;
  }

  @Scheduled(
      fixedDelayString = "${civic311.catalog.refresh-interval:2s}",
      initialDelayString = "${civic311.catalog.refresh-interval:2s}")
  void poll() {
    try {
      catalog.reloadIfChanged();
    } catch (RuntimeException e) {
      // A database hiccup must not stop the polling; the node keeps serving its last catalog.
      log.warn("Catalog: could not check for changes: {}", e.getMessage());
    }
  }
}
