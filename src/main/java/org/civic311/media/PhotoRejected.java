package org.civic311.media;

/** An upload that is not an accepted image, with a message the resident can act on. */
public class PhotoRejected extends RuntimeException {
  public PhotoRejected(String message) {
    super(message);
  }
}
