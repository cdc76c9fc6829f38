package org.civic311.requests.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.ServiceType;
import org.civic311.requests.Actor;
import org.civic311.requests.BusinessCalendar;
import org.civic311.requests.DailyTotals;
import org.civic311.requests.DueRequest;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.InvalidServiceRequest.Kind;
import org.civic311.requests.InvalidServiceRequest.Violation;
import org.civic311.requests.NearbyRequest;
import org.civic311.requests.PublicUpdate;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.Refusal;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.RequestPage;
import org.civic311.requests.RequestQuery;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequestSubmitted;
import org.civic311.requests.ServiceRequestsMerged;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.Status;
import org.civic311.requests.SubmitServiceRequest;
import org.civic311.requests.Submission;
import org.civic311.routing.Routing;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests facade: every write goes through the aggregate in one transaction together with its
 * history entries and its events in the outbox.
 */
@Service
class DefaultServiceRequests implements ServiceRequests {

  private static final int MAX_IDEMPOTENCY_KEY = 200;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Catalog catalog;
  private final Routing routing;
  private final ServiceRequestRepository repository;
  private final RequestNumberBlocks numbers;
  private final ServiceRequestQueries queries;
  private final IdempotencyKeys idempotencyKeys;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final NearbyRequestQueries nearby;
  private final BusinessCalendar calendar;
  private final OpenRequestsDue due;

  DefaultServiceRequests(
      Catalog catalog,
      Routing routing,
      ServiceRequestRepository repository,
      RequestNumberBlocks numbers,
      ServiceRequestQueries queries,
      IdempotencyKeys idempotencyKeys,
      ApplicationEventPublisher events,
      Clock clock,
      NearbyRequestQueries nearby,
      ObjectProvider<BusinessCalendar> calendars,
      OpenRequestsDue due) {
    this.catalog = catalog;
    this.routing = routing;
    this.repository = repository;
    this.numbers = numbers;
    this.queries = queries;
    this.idempotencyKeys = idempotencyKeys;
    this.events = events;
    this.clock = clock;
    this.nearby = nearby;
    // The city's calendar comes from the workflow module when it is there; requests never depend on it.
    this.calendar = calendars.getIfAvailable(() -> new WeekdaysAroundTheClock(() -> catalog.jurisdiction().timeZone()));
    this.due = due;
  }

  @Override
  @Transactional
  public Submission submit(SubmitServiceRequest command) {
    return submit(command, command.channel() == org.civic311.requests.Channel.OPEN311 ? Actor.integration("open311") : Actor.resident());
  }

  @Override
  @Transactional
  public Submission submit(SubmitServiceRequest command, Actor actor) {
    Optional<ServiceCategory> category =
        command.categoryCode() == null ? Optional.empty() : catalog.category(command.categoryCode().strip());
    ValidSubmission valid = SubmissionPolicy.check(command, category, catalog.jurisdiction());
    Instant now = clock.instant();

    String key = command.idempotencyKey() == null ? null : command.idempotencyKey().strip();
    String scope = command.idempotencyScope() == null ? "" : command.idempotencyScope();
    if (key != null && !key.isEmpty()) {
      if (key.length() > MAX_IDEMPOTENCY_KEY || key.indexOf('\0') >= 0) {
        throw new InvalidServiceRequest(
            new Violation("Idempotency-Key", Kind.INVALID, Refusal.IDEMPOTENCY_KEY_TOO_LONG));
      }
      String fingerprint = fingerprint(valid);
      if (!idempotencyKeys.claim(scope, key, fingerprint, now)) {
        return replay(scope, key, fingerprint, valid.category());
      }
    }

    RequestNumber number =
        RequestNumber.of(now.atZone(catalog.jurisdiction().timeZone()).getYear(), numbers.next());
    Double lat = valid.location().latitude();
    Double lon = valid.location().longitude();
    String department = routing.departmentFor(valid.categoryCode(), lat, lon);
    String token = valid.category().type() == ServiceType.BATCH ? newToken() : null;
    Instant expected = DueDatePolicy.expected(valid.category().sla(), now, calendar);

    ServiceRequest request =
        ServiceRequest.submit(UUID.randomUUID(), number, valid, department, token, now, expected, actor);
    repository.insert(request);
    if (key != null && !key.isEmpty()) idempotencyKeys.attach(scope, key, request.id());
    events.publishEvent(
        new ServiceRequestSubmitted(
            number, valid.categoryCode(), department, valid.channel(), valid.reporter().email() != null || valid.reporter().phone() != null, now));
    return new Submission(number, token, valid.category().serviceNotice(), false);
  }

  @Override
  public void check(SubmitServiceRequest command) {
    Optional<ServiceCategory> category =
        command.categoryCode() == null ? Optional.empty() : catalog.category(command.categoryCode().strip());
    SubmissionPolicy.check(command, category, catalog.jurisdiction());
  }

  private Submission replay(String scope, String key, String fingerprint, ServiceCategory category) {
    IdempotencyKeys.Earlier earlier =
        idempotencyKeys
            .earlier(scope, key)
            .orElseThrow(() -> new IllegalStateException("Idempotency key claimed without a request"));
    if (!earlier.fingerprint().equals(fingerprint)) {
      throw new InvalidServiceRequest(
          new Violation("Idempotency-Key", Kind.INVALID, Refusal.IDEMPOTENCY_KEY_REUSED));
    }
    return new Submission(new RequestNumber(earlier.number()), earlier.token(), category.serviceNotice(), true);
  }

  // Reads run without a transaction: each is one statement, or (search) a page and its history, where
  // a change in between is harmless; pgjdbc would spend two extra round trips on a read-only one.
  @Override
  public Optional<ServiceRequestDetails> find(RequestNumber number) {
    return queries.find(number);
  }

  @Override
  public List<ServiceRequestDetails> findAll(Collection<RequestNumber> numbers) {
    return queries.findAll(numbers);
  }

  @Override
  public RequestPage search(RequestQuery query) {
    return queries.search(query);
  }

  @Override
  public List<NearbyRequest> openNear(String categoryCode, double latitude, double longitude, int radiusMeters, int limit) {
    return nearby.openNear(categoryCode, latitude, longitude, radiusMeters, limit);
  }

  @Override
  public Optional<RequestNumber> numberForToken(String token) {
    return repository.numberForToken(token);
  }

  @Override
  @Transactional
  public ServiceRequestDetails change(RequestNumber number, RequestChange change, Actor actor) {
    lockParentFirstWhenMerging(number, change);
    applyChange(lock(number), change, actor, null);
    return queries.find(number).orElseThrow(() -> new RequestNotFound(number.value()));
  }

  @Override
  @Transactional
  public long changeFromExternalSystem(
      RequestNumber number, String externalUpdateId, RequestChange change, Actor actor) {
    // Lock first: a retry of the same update racing the first one waits here and then finds it applied.
    lockParentFirstWhenMerging(number, change);
    ServiceRequest request = lock(number);
    Optional<Long> earlier = repository.entryForExternalUpdate(request.id(), externalUpdateId);
    if (earlier.isPresent()) return earlier.get();
    List<HistoryEntry> stored = applyChange(request, change, actor, externalUpdateId);
    return stored.getFirst().id();
  }

  /**
   * A merge locks two requests. Taking the locks in number order means two merges of the same pair in
   * opposite directions queue up instead of deadlocking, and the second then sees the first's result
   * (and is refused, as it would make a loop).
   */
  private void lockParentFirstWhenMerging(RequestNumber number, RequestChange change) {
    if (change instanceof RequestChange.MarkDuplicate(RequestNumber parent)
        && parent.value().compareTo(number.value()) < 0) {
      repository.lockByNumber(parent);
    }
  }

  private ServiceRequest lock(RequestNumber number) {
    return repository.lockByNumber(number).orElseThrow(() -> new RequestNotFound(number.value()));
  }

  private List<HistoryEntry> applyChange(
      ServiceRequest request, RequestChange change, Actor actor, @Nullable String externalUpdateId) {
    checkReferences(request, change);
    Instant now = clock.instant();
    Status before = request.status();
    request.apply(change, actor, now, slaClock(request.categoryCode()));
    List<HistoryEntry> stored = repository.update(request, externalUpdateId);
    publish(request, before, stored);
    if (change instanceof RequestChange.MarkDuplicate(RequestNumber parentNumber)) {
      ServiceRequest parent =
          repository.lockByNumber(parentNumber).orElseThrow(() -> new RequestNotFound(parentNumber.value()));
      Status parentBefore = parent.status();
      // The duplicate's reporter and followers now want to hear about the parent.
      parent.addFollowers(request.followers() + 1, actor, now);
      publish(parent, parentBefore, repository.update(parent, null));
      events.publishEvent(new ServiceRequestsMerged(request.number(), parentNumber, request.followers() + 1, now));
    }
    return stored;
  }

  private DueDatePolicy.SlaClock slaClock(String categoryCode) {
    return new DueDatePolicy.SlaClock(
        catalog.categoryIncludingInactive(categoryCode).map(ServiceCategory::sla).orElse(null), calendar);
  }

  private void checkReferences(ServiceRequest request, RequestChange change) {
    List<Violation> problems = new ArrayList<>();
    switch (change) {
      case RequestChange.MarkDuplicate(RequestNumber parent) -> {
        if (!parent.equals(request.number())) {
          var found = queries.find(parent);
          if (found.isEmpty()) {
            problems.add(new Violation("parent", Kind.INVALID, Refusal.PARENT_NOT_FOUND, parent.value()));
          } else if (found.get().duplicateOf() != null) {
            problems.add(
                new Violation(
                    "parent", Kind.INVALID, Refusal.PARENT_IS_DUPLICATE, parent.value(), found.get().duplicateOf().value()));
          }
        }
      }
      case RequestChange.Reroute(String department, String reason) -> {
        if (catalog.department(department).isEmpty()) {
          problems.add(new Violation("department", Kind.INVALID, Refusal.DEPARTMENT_NOT_FOUND, department));
        }
      }
      default -> {}
    }
    if (!problems.isEmpty()) throw new InvalidServiceRequest(problems);
  }

  private void publish(ServiceRequest request, Status before, List<HistoryEntry> stored) {
    Status from = before;
    for (HistoryEntry entry : stored) {
      events.publishEvent(
          new ServiceRequestChanged(
              request.number(),
              request.categoryCode(),
              request.departmentCode(),
              entry.kind(),
              from,
              entry.status(),
              entry.publicEntry(),
              entry.id(),
              entry.at()));
      from = entry.status();
    }
  }

  @Override
  public List<PublicUpdate> publicUpdates(Instant from, Instant to, int limit) {
    return queries.publicUpdates(from, to, limit);
  }

  @Override
  public List<DueRequest> openRequestsDue(
      Instant after, @Nullable RequestNumber afterNumber, Instant upTo, Set<String> categoryCodes, int limit) {
    return due.openRequestsDue(after, afterNumber, upTo, categoryCodes, limit);
  }

  @Override
  public List<DailyTotals> dailyTotals(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) throw new IllegalArgumentException("The last day " + to + " is before the first day " + from);
    return queries.dailyTotals(from, to);
  }

  @Override
  public Optional<Reporter> reporterOf(RequestNumber number) {
    return repository.reporterOf(number);
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * What makes two submissions "the same request" for an idempotent retry. Media URLs are left out:
   * photos uploaded with a retried POST are stored again under new URLs, yet it is the same report.
   */
  private static String fingerprint(ValidSubmission s) {
    String canonical =
        String.join(
            "\u001f",
            s.categoryCode(),
            String.valueOf(new TreeMap<>(s.answers())),
            String.valueOf(s.location()),
            String.valueOf(s.description()),
            s.channel().name());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
