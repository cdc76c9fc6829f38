package org.civic311.catalog;

/**
 * A city file or an Open311 services file that cannot be read or is not valid; the message names the
 * file, the line when known, and every problem found, so a city can fix it without reading code.
 */
public class CatalogFileException extends RuntimeException {

  public CatalogFileException(String message) {
    super(message);
  }

  public CatalogFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
