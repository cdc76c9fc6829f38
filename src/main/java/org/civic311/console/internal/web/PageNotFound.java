package org.civic311.console.internal.web;

/**
 * A console page for something that does not exist (a category, an account, a crew): answered with a
 * 404 page in the city's words, never a 500.
 */
public class PageNotFound extends RuntimeException {

  public PageNotFound(String what) {
    super(what);
  }
}
