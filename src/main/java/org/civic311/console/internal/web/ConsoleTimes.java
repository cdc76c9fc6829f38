package org.civic311.console.internal.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.civic311.catalog.Catalog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Shows an instant in the city's time zone, whatever the server's zone: pages write
 * {@code ${@consoleTimes.format(entry.at())}}.
 */
@Component("consoleTimes")
public class ConsoleTimes {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz");

  private final Catalog catalog;

  ConsoleTimes(Catalog catalog) {
    this.catalog = catalog;
  }

  /** e.g. {@code 2026-12-05 10:04:22 PST}; empty for none. */
  public String format(@Nullable Instant instant) {
    return instant == null ? "" : FORMAT.format(instant.atZone(catalog.jurisdiction().timeZone()));
  }

  /** The machine-readable form for a {@code <time datetime>} attribute. */
  public String iso(@Nullable Instant instant) {
    return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(catalog.jurisdiction().timeZone()));
  }
}
