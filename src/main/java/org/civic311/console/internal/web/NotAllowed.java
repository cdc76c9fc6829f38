package org.civic311.console.internal.web;

/**
 * A signed-in member asked for a page or an action their roles or departments do not allow; answered
 * with a 403 page in the city's words, never with the data.
 */
public class NotAllowed extends RuntimeException {

  public NotAllowed(String what) {
    super(what);
  }
}
