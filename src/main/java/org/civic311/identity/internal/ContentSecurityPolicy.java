package org.civic311.identity.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Content-Security-Policy every page gets: only our own scripts, styles and connections, images
 * from us and from the map tile server, no framing. The tile host follows the portal's tile URL
 * template ({@code https://{s}.tile.openstreetmap.org/...} allows {@code https://*.tile.openstreetmap.org}).
 */
final class ContentSecurityPolicy {

  static final String DEFAULT_TILE_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png";
  private static final Pattern ORIGIN = Pattern.compile("^(https?)://([^/?#]+)", Pattern.CASE_INSENSITIVE);

  private ContentSecurityPolicy() {}

  /** The policy to send: the override when one is set, otherwise the built-in one for this tile URL. */
  static String of(@Nullable String override, @Nullable String tileUrlTemplate) {
    if (override != null && !override.isBlank()) return override.strip();
    String tiles = tileSource(tileUrlTemplate == null || tileUrlTemplate.isBlank() ? DEFAULT_TILE_URL : tileUrlTemplate);
    return "default-src 'self'; img-src 'self' data: blob:"
        + (tiles == null ? "" : " " + tiles)
        + "; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
  }

  /**
   * The CSP source of a tile URL template: scheme and host, a {@code {placeholder}} in the host's
   * first label becoming {@code *}; null for a relative template (tiles served by us: 'self').
   */
  static @Nullable String tileSource(String template) {
    Matcher origin = ORIGIN.matcher(template.strip());
    if (!origin.find()) return null;
    String host = origin.group(2).replaceAll("\\{[^}]*}", "*");
    if (host.indexOf('*') > 0 || host.indexOf('*') != host.lastIndexOf('*')) {
      // CSP allows a wildcard only as the whole first label; any other placeholder widens to the parent domain.
      host = "*" + host.substring(host.lastIndexOf('*') + 1).replaceFirst("^[^.]*", "");
    }
    if (host.matches(".*[\\s;,'].*")) return null;
    return origin.group(1).toLowerCase(java.util.Locale.ROOT) + "://" + host;
  }
}
