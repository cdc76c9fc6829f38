package org.civic311.media;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
   * Stores a photo like {@link #store} for a report that is not sent yet (the portal's wizard): unless
   * {@link #claim}ed, it is deleted after {@code civic311.media.abandoned-photo-age} (24 h).
   */
  default StoredPhoto storeUnclaimed(byte[] content, String fileName) {
    return store(content, fileName);
  }

  /**
   * Keeps photos from {@link #storeUnclaimed} for good, because a request now points to them. Run it in
   * the transaction that stores the request, so both happen or neither.
   *
   * @param photoUrls URLs as {@link StoredPhoto#url()} gave them; others are ignored
   * @throws PhotoRejected when one of them was already deleted as abandoned
   */
  default void claim(List<String> photoUrls) {}

  /**
   * Removes a photo and its thumbnail that no request will point to (its request was refused), so a
   * rejected report leaves nothing of the resident's behind.
   */
  void discard(String photoId);

  /** The stored, cleaned image for serving. */
  Optional<PhotoContent> load(String photoId);

  /**
   * A photo as stored: its id, the absolute URL clients use (Open311 media_url) and where the upload's
   * EXIF GPS data said it was taken. The stored file no longer carries that position; only the
   * resident who uploaded it is offered it, and nothing keeps it.
   */
  record StoredPhoto(String id, String url, @Nullable PhotoPosition takenAt) {
    public StoredPhoto(String id, String url) {
      this(id, url, null);
    }
  }

  /** A point in WGS 84 degrees. */
  record PhotoPosition(double latitude, double longitude) {}

  /** Image bytes and their content type. */
  record PhotoContent(byte[] bytes, String contentType) {}
}
