package org.civic311.identity.internal;

import org.civic311.identity.ApiClient;
import org.civic311.identity.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure the key given in {@code CIVIC311_BOOTSTRAP_API_KEY} exists, so an automated deployment
 * (or a test environment) has a working key without running the CLI. The secret is never logged.
 */
@Component
class BootstrapApiKey implements ApplicationRunner {

  static final int MIN_LENGTH = 16;
  static final String CLIENT_NAME = "bootstrap";
  private static final Logger log = LoggerFactory.getLogger(BootstrapApiKey.class);

  private final ApiKeys apiKeys;
  private final String secret;

  BootstrapApiKey(ApiKeys apiKeys, @Value("${civic311.bootstrap-api-key:}") String secret) {
    this.apiKeys = apiKeys;
    // Checked while the context starts, so a weak key stops the start-up before anything is served.
    this.secret = secret.strip();
    if (!this.secret.isEmpty() && this.secret.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "CIVIC311_BOOTSTRAP_API_KEY (civic311.bootstrap-api-key) is "
              + this.secret.length()
              + " characters long; it must have at least "
              + MIN_LENGTH
              + " random characters (e.g. from `openssl rand -base64 32`), or be left empty.");
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    if (secret.isEmpty()) return;
    ApiClient client = apiKeys.ensureExists(secret, CLIENT_NAME);
    if (apiKeys instanceof StoredApiKeys stored && stored.isRevoked(client.keyId())) {
      log.warn(
          "The bootstrap API key {} was revoked and stays revoked; remove CIVIC311_BOOTSTRAP_API_KEY or set a new one",
          client.keyId());
    } else {
      log.info("Bootstrap API key {} ({}) is active", client.keyId(), client.name());
    }
  }
}
