package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civic311.open311.internal.Open311Document.Items;
import org.civic311.open311.internal.Open311Document.Obj;
import org.civic311.requests.Actor;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * mySociety's service request updates extension, as FixMyStreet and open311-adapter use it: a feed of
 * public changes, and city systems posting status changes with their own update ids.
 */
@RestController
class UpdatesController {

  private static final int MAX_UPDATES = 1000;

  private final ServiceRequests requests;
  private final Open311Access access;
  private final Open311Representations representations;

  UpdatesController(ServiceRequests requests, Open311Access access, Open311Representations representations) {
    this.requests = requests;
    this.access = access;
    this.representations = representations;
  }

  /** Public updates in a window: start_date and end_date, by default the last 24 hours, at most 90 days. */
  @GetMapping("/open311/v2/servicerequestupdates.{extension}")
  ResponseEntity<byte[]> updates(@PathVariable String extension, HttpServletRequest request) {
    Format format = Format.of(extension);
    var parameters = Open311Parameters.of(request);
    access.checkJurisdiction(parameters);
    var problems = new Open311Exception.Problems();
    Instant start = date(parameters, "start_date", problems);
    Instant end = date(parameters, "end_date", problems);
    problems.throwIfAny();
    if (end == null) end = start == null ? access.now() : min(start.plus(RequestSearch.MAX_WINDOW), access.now());
    if (start == null) start = end.minus(Duration.ofDays(1));
    if (start.isAfter(end)) throw Open311Exception.badRequest("start_date must not be after end_date");
    if (Duration.between(start, end).compareTo(RequestSearch.MAX_WINDOW) > 0) {
      throw Open311Exception.badRequest("start_date and end_date may not span more than 90 days");
    }
    return Open311Responses.ok(representations.updates(requests.publicUpdates(start, end, MAX_UPDATES)), format);
  }

  @PostMapping("/open311/v2/servicerequestupdates.{extension}")
  ResponseEntity<byte[]> post(@PathVariable String extension, HttpServletRequest request) {
    Format format = Format.of(extension);
    access.checkBody(request);
    var parameters = Open311Parameters.of(request);
    var client = access.authenticate(parameters, "update_request");
    access.checkJurisdiction(parameters);

    var problems = new Open311Exception.Problems();
    for (String name : parameters.withForbiddenCharacters()) {
      problems.add(name + " contains control characters, which are not allowed");
    }
    var id = parameters.one("service_request_id");
    if (id.isEmpty()) problems.add("service_request_id missing");
    var updateId = parameters.one("update_id");
    if (updateId.isEmpty()) problems.add("update_id missing");
    updateId.filter(u -> u.length() > 100).ifPresent(u -> problems.add("update_id is too long: at most 100 characters"));
    var status = parameters.one("status");
    if (status.isEmpty()) problems.add("status missing: one of " + ExtendedStatus.allowed());
    var extendedStatus = status.flatMap(ExtendedStatus::parse);
    if (status.isPresent() && extendedStatus.isEmpty()) {
      problems.add("status is not one of " + ExtendedStatus.allowed());
    }
    date(parameters, "updated_datetime", problems);
    String description = parameters.text("description").orElse(null);
    if (description != null && description.length() > 4_000) {
      problems.add("description is too long: at most 4000 characters");
    }
    parameters.repeated("media_url").stream()
        .filter(url -> !SubmissionForm.isWebUrl(url))
        .findFirst()
        .ifPresent(url -> problems.add("media_url must be an absolute http or https URL"));
    problems.throwIfAny();

    var details =
        id.filter(RequestNumber::isWellFormed)
            .flatMap(n -> requests.find(new RequestNumber(n)))
            .orElseThrow(() -> Open311Exception.notFound("Resource not found: no service request with that id"));
    var change = extendedStatus.orElseThrow().toChange(details.status(), description);
    long entry =
        requests.changeFromExternalSystem(
            details.number(), updateId.orElseThrow(), change, Actor.integration(client.name()));
    var item = Obj.builder().text("update_id", Long.toString(entry)).build();
    return Open311Responses.ok(
        new Open311Document("service_request_updates", new Items("request_update", List.of(item))), format);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static @org.jspecify.annotations.Nullable Instant date(
      Open311Parameters parameters, String name, Open311Exception.Problems problems) {
    try {
      return parameters.datetime(name).orElse(null);
    } catch (Open311Exception e) {
      e.descriptions().forEach(problems::add);
      return null;
    }
  }
}
