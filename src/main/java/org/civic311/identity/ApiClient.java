package org.civic311.identity;

import java.util.Set;

/** A client authenticated by an API key: the key id, the name it was issued to and what it may do. */
public record ApiClient(String keyId, String name, Set<ApiKeyScope> scopes) {

  public ApiClient {
    scopes = Set.copyOf(scopes);
  }

  /** A client with the {@linkplain ApiKeyScope#DEFAULT default scopes}. */
  public ApiClient(String keyId, String name) {
    this(keyId, name, ApiKeyScope.DEFAULT);
  }

  /** Whether the key may be used for this. */
  public boolean may(ApiKeyScope scope) {
    return scopes.contains(scope);
  }
}
