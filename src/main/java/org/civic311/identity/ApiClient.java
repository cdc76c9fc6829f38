package org.civic311.identity;

/** A client authenticated by an API key: the key id and the name it was issued to. */
public record ApiClient(String keyId, String name) {}
