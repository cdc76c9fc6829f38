package org.civic311.identity;

/** A new key with its secret, shown to the admin exactly once. */
public record IssuedApiKey(String keyId, String clientName, String secret) {
  @Override
  public String toString() {
    return "IssuedApiKey[keyId=" + keyId + ", clientName=" + clientName + ", secret=…]";
  }
}
