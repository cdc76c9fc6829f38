package org.civic311.media;

import java.util.Optional;

/** Accepts residents' photos and serves them back. */
public interface Photos {

  /**
   * Checks, cleans and stores a photo.
   *
   * @param content the uploaded bytes
   * @param fileName the name the client gave, for messages only (the type comes from the content)
   * @throws PhotoRejected with a message for the resident when it is not an accepted image
   */
  StoredPhoto store(byte[] content, String fileName);

  /**
   * Removes a photo and its thumbnail that no request will point to (its request was refused), so a
   * rejected report leaves nothing of the resident's behind.
   */
  void discard(String photoId);

  /** The stored, cleaned image for serving. */
  Optional<PhotoContent> load(String photoId);

  /** A photo as stored: its id and the absolute URL clients use (Open311 media_url). */
  record StoredPhoto(String id, String url) {}

  /** Image bytes and their content type. */
  record PhotoContent(byte[] bytes, String contentType) {}
}
