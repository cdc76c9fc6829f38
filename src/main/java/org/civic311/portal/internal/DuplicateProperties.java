package org.civic311.portal.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far around a new report's place the portal looks for open requests of the same category to
 * offer as "Is it one of these?" (see the README's configuration table). Shares the
 * {@code civic311.portal} prefix with {@link PortalProperties}.
 *
 * @param duplicateRadiusMeters 1 to 5,000 meters; 50 when not set
 */
@ConfigurationProperties("civic311.portal")
public record DuplicateProperties(int duplicateRadiusMeters) {

  public DuplicateProperties {
    if (duplicateRadiusMeters == 0) duplicateRadiusMeters = 50;
    if (duplicateRadiusMeters < 1 || duplicateRadiusMeters > 5_000) {
      throw new IllegalArgumentException(
          "civic311.portal.duplicate-radius-meters must be from 1 to 5000, not " + duplicateRadiusMeters);
    }
  }
}
