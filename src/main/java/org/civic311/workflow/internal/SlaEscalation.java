package org.civic311.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.SlaTarget;
import org.civic311.requests.Actor;
import org.civic311.requests.DueRequest;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.Status;
import org.civic311.workflow.SlaBreached;
import org.civic311.workflow.SlaWarningReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches due dates. Each run looks at the due dates that came into reach since the previous run: a
 * request whose due date passed is breached (priority one step up, {@link SlaBreached}), one whose
 * warning share of the target passed gets {@link SlaWarningReached}. Each happens once per request and
 * SLA clock, recorded in {@code workflow.sla_escalation} in the same transaction as the priority change
 * and the event.
 *
 * <p>Several nodes: a run claims the single {@code workflow.sla_scan} row with {@code FOR UPDATE SKIP
 * LOCKED}; a node that finds it locked skips the round. The claim is released by PostgreSQL when the
 * transaction ends, also when the node dies, so there is no lock timeout to tune.
 */
@Component
class SlaEscalation {

  static final Actor SLA = Actor.integration("sla");
  /** Each run looks this much further back than the previous one ended, for changes made during a run. */
  private static final Duration RESCAN = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(SlaEscalation.class);

  private final ServiceRequests requests;
  private final Catalog catalog;
  private final CityCalendar calendar;
  private final EscalationStore store;
  private final ApplicationEventPublisher events;
  private final WorkflowProperties.Escalation settings;
  private final Clock clock;
  private final TransactionTemplate run;
  private final TransactionTemplate perRequest;

  SlaEscalation(
      ServiceRequests requests,
      Catalog catalog,
      CityCalendar calendar,
      EscalationStore store,
      ApplicationEventPublisher events,
      WorkflowProperties properties,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.requests = requests;
    this.catalog = catalog;
    this.calendar = calendar;
    this.store = store;
    this.events = events;
    this.settings = properties.escalation();
    this.clock = clock;
    this.run = new TransactionTemplate(transactions);
    this.perRequest = new TransactionTemplate(transactions);
    this.perRequest.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One round: returns the warnings and breaches made, or -1 when another node is running one. */
  int run() {
    Integer made =
        run.execute(
            status -> {
              Optional<EscalationStore.Scan> scan = store.claimScan();
              if (scan.isEmpty()) return -1;
              Instant now = clock.instant();
              Instant earliest = now.minus(settings.catchUp());
              Instant from = scan.get().lastRunAt().map(last -> last.minus(RESCAN)).filter(earliest::isBefore).orElse(earliest);
              int count = retries(now) + breaches(from, now) + warnings(from, now);
              store.finishScan(now);
              return count;
            });
    return made == null ? 0 : made;
  }

  /**
   * Escalations that failed in earlier runs and whose wait is over. The window above forgets a due date
   * after a few minutes, so a failure is kept ({@link EscalationStore#failed}) and tried again, each
   * time after a longer wait ({@link EscalationBackoff}), until it is made or the request no longer
   * qualifies (closed, held, due date moved, a warning overtaken by its due date). The scans below
   * leave a waiting failure alone ({@link EscalationStore#alreadyHandled}).
   */
  private int retries(Instant now) {
    int count = 0;
    for (EscalationStore.Retry retry : store.retriesDue(now, settings.batchSize())) {
      if (escalate(retry.kind(), retry.number(), retry.dueAt(), now, retry.attempts()) == Outcome.MADE) count++;
    }
    return count;
  }

  /** Requests whose due date is in (from, now]. */
  private int breaches(Instant from, Instant now) {
    int count = 0;
    for (List<DueRequest> page : pages(from, now, Set.of())) {
      Set<RequestNumber> handled = store.alreadyHandled(EscalationStore.Kind.BREACH, page);
      for (DueRequest r : page) {
        if (!handled.contains(r.number())
            && escalate(EscalationStore.Kind.BREACH, r.number(), r.dueAt(), now, 0) == Outcome.MADE) count++;
      }
    }
    return count;
  }

  /**
   * Requests whose warning instant is in (from, now]. The warning comes when the time left to the due
   * date is the rest of the target after the warning share ("lead"), so these are the requests due in
   * (from + lead, now + lead], lead counted like the target (working time for business days). Each
   * target has its own lead, hence one scan per distinct target.
   */
  private int warnings(Instant from, Instant now) {
    Map<SlaTarget, Set<String>> categoriesByTarget = new LinkedHashMap<>();
    for (ServiceCategory c : catalog.categories()) {
      if (c.sla() != null) categoriesByTarget.computeIfAbsent(c.sla(), t -> new HashSet<>()).add(c.code());
    }
    int count = 0;
    for (var group : categoriesByTarget.entrySet()) {
      SlaTarget target = group.getKey();
      for (List<DueRequest> page : pages(leadAfter(target, from), leadAfter(target, now), group.getValue())) {
        List<DueRequest> notYetDue = page.stream().filter(r -> r.dueAt().isAfter(now)).toList();
        Set<RequestNumber> handled = store.alreadyHandled(EscalationStore.Kind.WARNING, notYetDue);
        for (DueRequest r : notYetDue) {
          if (!handled.contains(r.number())
              && escalate(EscalationStore.Kind.WARNING, r.number(), r.dueAt(), now, 0) == Outcome.MADE) count++;
        }
      }
    }
    return count;
  }

  /** The due date of a request whose warning comes at {@code t}. */
  private Instant leadAfter(SlaTarget target, Instant t) {
    double rest = 1 - settings.warnAt();
    return switch (target.unit()) {
      case HOURS -> t.plus(Duration.ofSeconds(Math.round(target.amount() * 3600 * rest)));
      case BUSINESS_DAYS ->
          calendar.addWorkingTime(t, Duration.ofSeconds(Math.round(calendar.businessDay().toSeconds() * target.amount() * rest)));
    };
  }

  private Iterable<List<DueRequest>> pages(Instant after, Instant upTo, Set<String> categories) {
    return () ->
        new java.util.Iterator<>() {
          private List<DueRequest> next = requests.openRequestsDue(after, null, upTo, categories, settings.batchSize());

          @Override
          public boolean hasNext() {
            return !next.isEmpty();
          }

          @Override
          public List<DueRequest> next() {
            List<DueRequest> page = next;
            DueRequest last = page.getLast();
            next =
                page.size() < settings.batchSize()
                    ? List.of()
                    : requests.openRequestsDue(last.dueAt(), last.number(), upTo, categories, settings.batchSize());
            return page;
          }
        };
  }

  private enum Outcome {
    MADE,
    NOT_NEEDED,
    FAILED
  }

  private void breach(Instant dueAt, ServiceRequestDetails current) {
    Priority raised = raise(current.priority());
    if (raised != current.priority()) {
      requests.change(current.number(), new RequestChange.ChangePriority(raised), SLA);
    }
    events.publishEvent(
        new SlaBreached(current.number(), current.categoryCode(), current.departmentCode(), dueAt, raised));
  }

  private void warn(Instant dueAt, ServiceRequestDetails current) {
    events.publishEvent(new SlaWarningReached(current.number(), current.categoryCode(), current.departmentCode(), dueAt));
  }

  /**
   * Records and acts in one transaction of its own, after reading the request again: it may have been
   * resolved, put on hold or given a later due date since the scan read it or the escalation failed. A
   * failure is kept for a later run; a success or a request that no longer qualifies ends any retry.
   *
   * @param dueAt the due date the escalation is about
   * @param failedBefore how many times this escalation failed in earlier runs (0: first try)
   */
  private Outcome escalate(EscalationStore.Kind kind, RequestNumber number, Instant dueAt, Instant now, int failedBefore) {
    try {
      Outcome outcome =
          perRequest.execute(
              status -> {
                ServiceRequestDetails current = requests.find(number).orElse(null);
                boolean qualifies =
                    current != null
                        && current.status().isOpen()
                        && current.status() != Status.ON_HOLD
                        && dueAt.equals(current.expectedAt())
                        // A warning not made before the due date is overtaken by the breach.
                        && (kind == EscalationStore.Kind.BREACH || dueAt.isAfter(now));
                Outcome result = Outcome.NOT_NEEDED;
                if (qualifies && store.record(kind, current, dueAt, now)) {
                  switch (kind) {
                    case BREACH -> breach(dueAt, current);
                    case WARNING -> warn(dueAt, current);
                  }
                  result = Outcome.MADE;
                }
                if (failedBefore > 0) store.noRetry(kind, number);
                return result;
              });
      return outcome == null ? Outcome.NOT_NEEDED : outcome;
    } catch (RuntimeException e) {
      // One request that cannot be escalated now (e.g. changed at the same moment) must not stop the
      // others. It is kept in the run's own transaction and tried again after a wait.
      int attempts = failedBefore + 1;
      Instant next = now.plus(EscalationBackoff.waitAfter(attempts));
      store.failed(kind, number, dueAt, attempts, next, now);
      if (attempts == 1) {
        log.warn("SLA {} of request {} failed; tried again from {}", kind, number.value(), next, e);
      } else if (EscalationBackoff.logged(attempts)) {
        log.warn("SLA {} of request {} failed again ({} attempts); tried again from {}: {}", kind, number.value(), attempts, next, e.toString());
      }
      return Outcome.FAILED;
    }
  }

  static Priority raise(Priority priority) {
    return switch (priority) {
      case LOW -> Priority.NORMAL;
      case NORMAL -> Priority.HIGH;
      case HIGH, URGENT -> Priority.URGENT;
    };
  }
}
