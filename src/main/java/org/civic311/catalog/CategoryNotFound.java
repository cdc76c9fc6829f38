package org.civic311.catalog;

/** No category has the given code (a 404 for web callers). */
public class CategoryNotFound extends RuntimeException {

  public CategoryNotFound(String code) {
    super("No category " + code);
  }
}
