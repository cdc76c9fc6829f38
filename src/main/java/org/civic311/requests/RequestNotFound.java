package org.civic311.requests;

/** No request has this number (a 404, never a 500). */
public class RequestNotFound extends RuntimeException {
  public RequestNotFound(String number) {
    super("No service request " + number);
  }
}
