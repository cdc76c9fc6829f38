package org.civic311.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API keys that Open311 clients and city systems send with their POSTs. */
public interface ApiKeys {

  /**
   * Creates a key with the {@linkplain ApiKeyScope#DEFAULT default scopes}; the returned secret is
   * shown once and never stored in clear.
   */
  IssuedApiKey create(String clientName);

  /** Creates a key that may do only what its scopes (at least one) allow. */
  IssuedApiKey create(String clientName, Set<ApiKeyScope> scopes);

  /** The client a key belongs to, when the key is valid and not revoked. */
  Optional<ApiClient> authenticate(String secret);

  /** Every key, revoked ones included, oldest first. */
  List<ApiKeySummary> list();

  /** Revokes a key by its id; false when there is no such active key. */
  boolean revoke(String keyId);

  /**
   * Makes sure a key with this exact secret exists (for automated deployments and tests); creates it
   * under {@code clientName} when missing.
   */
  ApiClient ensureExists(String secret, String clientName);
}
