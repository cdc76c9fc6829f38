package org.civic311.open311.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The two Open311 response formats, chosen by the resource's extension. */
enum Format {
  XML("xml", "text/xml; charset=utf-8", "text/xml"),
  JSON("json", "application/json; charset=utf-8", "application/json");

  static final String BAD_EXTENSION = "Bad extension. We support .xml and .json";

  private final String extension;
  private final MediaType apiContentType;
  private final MediaType discoveryContentType;

  Format(String extension, String apiContentType, String discoveryContentType) {
    this.extension = extension;
    this.apiContentType = MediaType.parseMediaType(apiContentType);
    this.discoveryContentType = MediaType.parseMediaType(discoveryContentType);
  }

  /** The content type of API responses, with the charset the spec asks for. */
  MediaType contentType() {
    return apiContentType;
  }

  /**
   * The content type of discovery documents: without a charset, because the SeeClickFix validator
   * compares it as a plain string.
   */
  MediaType discoveryContentType() {
    return discoveryContentType;
  }

  /** The format an extension names, or a 404 with the message mySociety's servers use. */
  static Format of(String extension) {
    return parse(extension).orElseThrow(() -> Open311Exception.notFound(BAD_EXTENSION));
  }

  static Optional<Format> parse(String extension) {
    return switch (extension.toLowerCase(Locale.ROOT)) {
      case "xml" -> Optional.of(XML);
      case "json" -> Optional.of(JSON);
      default -> Optional.empty();
    };
  }

  /** Splits {@code 2026-000123.json} into the name and its format; the name may itself contain dots. */
  static Named split(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot <= 0) throw Open311Exception.notFound(BAD_EXTENSION);
    return new Named(fileName.substring(0, dot), of(fileName.substring(dot + 1)));
  }

  /** The format a failed request asked for, guessed from its path; XML (which the spec requires) otherwise. */
  static Format guessFromPath(String path) {
    return path.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : XML;
  }

  record Named(String name, Format format) {}
}
