package org.civic311.portal.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of the status pages and the public map (see the README's configuration table); they
 * share the {@code civic311.portal} prefix with {@link PortalProperties}.
 *
 * @param reopenDays how many days after closing a resident may still reopen a request
 * @param liveTimeout how long one live-update connection stays open before the browser reconnects
 */
@ConfigurationProperties("civic311.portal")
public record TrackProperties(int reopenDays, @Nullable Duration liveTimeout) {

  public TrackProperties {
    if (reopenDays <= 0) reopenDays = 30;
    if (liveTimeout == null || liveTimeout.isNegative() || liveTimeout.isZero()) liveTimeout = Duration.ofMinutes(15);
  }

  /** The live timeout, never null after binding. */
  public Duration liveTimeoutOrDefault() {
    return liveTimeout == null ? Duration.ofMinutes(15) : liveTimeout;
  }
}
