package org.civic311.identity;

import java.util.List;
import java.util.Optional;

/** API keys that Open311 clients and city systems send with their POSTs. */
public interface ApiKeys {

  /** Creates a key; the returned secret is shown once and never stored in clear. */
  IssuedApiKey create(String clientName);

  /** The client a key belongs to, when the key is valid and not revoked. */
  Optional<ApiClient> authenticate(String secret);

  List<ApiKeySummary> list();

  /** Revokes a key by its id; false when there is no such active key. */
  boolean revoke(String keyId);

  /**
   * Makes sure a key with this exact secret exists (for automated deployments and tests); creates it
   * under {@code clientName} when missing.
   */
  ApiClient ensureExists(String secret, String clientName);
}
