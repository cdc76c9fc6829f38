package org.civic311.portal.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's settings (see the README's configuration table).
 *
 * @param mapTileUrl the Leaflet tile URL template of the location map
 * @param mapAttribution the credit the tile provider asks for, shown on the map
 * @param maxReportsPerHour how many reports one client address may submit per hour before a 429
 */
@ConfigurationProperties("civic311.portal")
public record PortalProperties(String mapTileUrl, String mapAttribution, int maxReportsPerHour) {

  public PortalProperties {
    if (mapTileUrl == null || mapTileUrl.isBlank()) mapTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    if (mapAttribution == null || mapAttribution.isBlank()) mapAttribution = "© OpenStreetMap contributors";
    if (maxReportsPerHour <= 0) maxReportsPerHour = 20;
  }
}
