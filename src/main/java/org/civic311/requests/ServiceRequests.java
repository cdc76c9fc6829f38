package org.civic311.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The service requests of the city: submit, find, search and change them. */
public interface ServiceRequests {

  /**
   * Validates and stores a new request, routes it to a department and records it in the outbox.
   *
   * @throws InvalidServiceRequest naming every problem
   */
  Submission submit(SubmitServiceRequest command);

  /**
   * Checks a report by the same rules as {@link #submit} without storing anything, so a form can show
   * every problem before its review step.
   *
   * @throws InvalidServiceRequest naming every problem
   */
  void check(SubmitServiceRequest command);

  /** A request as the public may see it, with its public history. */
  Optional<ServiceRequestDetails> find(RequestNumber number);

  /** Several requests as {@link #find} gives each, in one read; numbers without a request are left out. */
  List<ServiceRequestDetails> findAll(Collection<RequestNumber> numbers);

  RequestPage search(RequestQuery query);

  /** The number behind a token returned for a batch category. */
  Optional<RequestNumber> numberForToken(String token);

  /**
   * Applies a change through the aggregate.
   *
   * @throws RequestNotFound when there is no such request
   * @throws TransitionNotAllowed when the stage does not allow it
   */
  ServiceRequestDetails change(RequestNumber number, RequestChange change, Actor actor);

  /**
   * Applies a change sent by a city system with its own update id; sending the same id again changes
   * nothing and returns the first result.
   *
   * @return the history entry id of the update
   */
  long changeFromExternalSystem(
      RequestNumber number, String externalUpdateId, RequestChange change, Actor actor);

  /** Public changes to any request in a time window, oldest first. */
  List<PublicUpdate> publicUpdates(Instant from, Instant to, int limit);

  /**
   * Open requests (not resolved or closed) of one category within {@code radiusMeters} of a point,
   * nearest first, with public data only: a resident about to report can follow one instead.
   *
   * @param radiusMeters 1 to 5,000
   * @param limit 1 to 100
   * @throws IllegalArgumentException for a point outside the world's coordinates, or a radius or limit
   *     out of range
   */
  List<NearbyRequest> openNear(String categoryCode, double latitude, double longitude, int radiusMeters, int limit);

  /**
   * Open requests that are not on hold and have a due date in {@code (after, upTo]}, earliest due
   * first, for SLA escalation and "overdue" queues. Pages by the last row seen: pass its due date as
   * {@code after} and its number as {@code afterNumber}.
   *
   * @param categoryCodes only these categories; empty for all
   */
  List<DueRequest> openRequestsDue(
      Instant after, @Nullable RequestNumber afterNumber, Instant upTo, Set<String> categoryCodes, int limit);

  /**
   * Requests received and closed per UTC day and category, between two days inclusive, counted from
   * the requests themselves (so nothing is written for it when a request arrives); by day, then
   * category. A day and category with neither is left out.
   */
  List<DailyTotals> dailyTotals(LocalDate from, LocalDate to);

  /** The reporter's contact details: staff only; callers must check and audit access. */
  Optional<Reporter> reporterOf(RequestNumber number);

  /**
   * Like {@link #submit(SubmitServiceRequest)}, with the person who entered it recorded as the actor of
   * the first history entry: a call-taker taking a report by phone.
   *
   * @throws InvalidServiceRequest naming every problem
   */
  Submission submit(SubmitServiceRequest command, Actor actor);
}
