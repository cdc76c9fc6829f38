package org.civic311.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans of the identity module that command mode needs as well as the web server. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

  /**
   * Spring Security's delegating encoder: new hashes are bcrypt (strength 10, {@code {bcrypt}}
   * prefix), and a hash stored with another algorithm id still verifies and is upgraded at the next
   * sign-in, so the default can change later without a migration.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
