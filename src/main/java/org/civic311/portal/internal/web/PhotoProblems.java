package org.civic311.portal.internal.web;

import java.util.Locale;
import org.civic311.media.PhotoRejected;

/**
 * Which kind of problem the media module found with a photo, so the resident reads it in the page's
 * language: the module's own sentences are English only.
 */
final class PhotoProblems {

  private PhotoProblems() {}

  /** A message key suffix: too-big, too-many-pixels, heic, damaged or not-a-photo. */
  static String kind(PhotoRejected rejected) {
    String message = rejected.getMessage() == null ? "" : rejected.getMessage().toLowerCase(Locale.ROOT);
    if (message.contains("too big")) return "too-big";
    if (message.contains("megapixels") || message.contains("pixels")) return "too-many-pixels";
    if (message.contains("heic")) return "heic";
    if (message.contains("damaged") || message.contains("could not be read")) return "damaged";
    return "not-a-photo";
  }
}
