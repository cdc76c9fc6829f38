package org.civic311.notifications;

import java.util.Locale;
import java.util.Optional;
import org.civic311.requests.RequestNumber;

/** Residents following a request they did not report, and anyone leaving a request's emails. */
public interface Subscriptions {

  /**
   * Asks {@code email} to confirm it wants updates about {@code number}: sends a message with a
   * confirmation link. Asking again for an address that already follows changes nothing; an address
   * waiting for confirmation gets the link again, a few times at most. A request merged into another
   * one gets no more updates, so following it follows the request it was merged into (through every
   * later merge).
   *
   * @param language the language of the messages; unsupported languages get the city's default
   * @return the request followed: {@code number}, or the one it was merged into
   * @throws org.civic311.requests.RequestNotFound when there is no such request
   * @throws InvalidSubscription when the address is not a usable email address
   */
  RequestNumber subscribe(RequestNumber number, String email, Locale language);

  /**
   * Confirms a follower from the token in a confirmation link; from then on they get the request's
   * public updates.
   *
   * @return the request followed; empty when the token is not valid
   */
  Optional<RequestNumber> confirm(String token);

  /**
   * Stops every email about one request to one address (reporter or follower), from the token in an
   * unsubscribe link; needs no sign-in and may be repeated. For a request merged into another, it
   * also stops the other request's emails that the merge started for that address.
   *
   * @return the request; empty when the token is not valid
   */
  Optional<RequestNumber> unsubscribe(String token);
}
