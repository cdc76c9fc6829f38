package org.civic311.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTests {

  @ParameterizedTest
  @CsvSource({
    "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png, https://*.tile.openstreetmap.org",
    "https://tiles.springfield.example.gov/{z}/{x}/{y}.png, https://tiles.springfield.example.gov",
    "https://tile.example.com:8443/{z}/{x}/{y}.png, https://tile.example.com:8443",
    "HTTPS://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png, https://*.basemaps.cartocdn.com",
    "https://maps.{s}.example.com/{z}/{x}/{y}.png, https://*.example.com"
  })
  void the_tile_host_follows_the_tile_url_template(String template, String source) {
    assertThat(ContentSecurityPolicy.tileSource(template)).isEqualTo(source);
  }

  @Test
  void tiles_served_by_civic311_itself_need_no_extra_source() {
    assertThat(ContentSecurityPolicy.tileSource("/tiles/{z}/{x}/{y}.png")).isNull();
    assertThat(ContentSecurityPolicy.of(null, "/tiles/{z}/{x}/{y}.png")).startsWith("default-src 'self'; img-src 'self' data: blob:; script-src 'self'");
  }

  @Test
  void a_configured_policy_replaces_the_built_in_one() {
    assertThat(ContentSecurityPolicy.of("default-src 'none'", null)).isEqualTo("default-src 'none'");
    assertThat(ContentSecurityPolicy.of("  ", null)).contains("https://*.tile.openstreetmap.org");
  }
}
