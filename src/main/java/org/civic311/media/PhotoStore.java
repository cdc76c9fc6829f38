package org.civic311.media;

import java.util.Optional;

/** Where cleaned photos are kept: a local folder by default, an S3-compatible store for several nodes. */
public interface PhotoStore {
  void put(String key, byte[] bytes);

  Optional<byte[]> get(String key);

  /** Removes a stored file; nothing happens when there is none. */
  void delete(String key);
}
