package org.civic311.notifications.internal;

import java.time.Clock;
import java.util.Optional;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestSubmitted;
import org.civic311.requests.ServiceRequests;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns request events into deliveries. It runs after the request's transaction committed, from the
 * outbox, in its own transaction: at most two statements (the reporter's address, then one insert for
 * every recipient) and nothing at all for changes residents do not see. Sending is the worker's job,
 * so a slow or absent mail server never holds up a request. The outbox may deliver an event again
 * after a crash; the delivery keys make that harmless.
 */
@Component
class RequestEventListener {

  private final ServiceRequests requests;
  private final DeliveryStore store;
  private final LinkSigner signer;
  private final Texts texts;
  private final Clock clock;
  private final NotificationProperties.Sms sms;
  private final boolean overdueToResidents;

  RequestEventListener(
      ServiceRequests requests, DeliveryStore store, LinkSigner signer, Texts texts, Clock clock, NotificationProperties properties) {
    this.sms = properties.sms();
    this.overdueToResidents = properties.overdueToResidents();
    this.requests = requests;
    this.store = store;
    this.signer = signer;
    this.texts = texts;
    this.clock = clock;
  }

  // The conditions run before Spring Modulith stores the event: an anonymous report, or a change residents
  // cannot see, puts no row in the outbox at all (an outbox round costs more than the report itself).
  @ApplicationModuleListener(condition = "#event.reporterCanBeContacted()")
  void on(ServiceRequestSubmitted event) {
    if (!event.reporterCanBeContacted()) return;
    DeliveryStore.Reporter reporter = reporterContact(event.number());
    if (reporter == null) return;
    store.enqueue(
        "submitted:" + event.number().value(), event.number(), NotificationEvent.RECEIVED, reporter, false, null,
        org.civic311.requests.Status.NEW, clock.instant());
  }

  @ApplicationModuleListener(condition = "#event.publicChange()")
  void on(ServiceRequestChanged event) {
    Optional<NotificationEvent> notification = residentsHear(event);
    if (notification.isEmpty()) return;
    store.enqueue(
        "change:" + event.historyEntryId(), event.number(), notification.get(), reporterContact(event.number()), true,
        event.historyEntryId(), event.to(), clock.instant());
  }

  /**
   * A request passed its due date: its reporter and followers hear that it takes longer than
   * expected, when the city wants them to. Once per request and SLA clock (its due date is in the key).
   */
  @ApplicationModuleListener
  void on(org.civic311.workflow.SlaBreached event) {
    if (!overdueToResidents) return;
    store.enqueue(
        "overdue:" + event.number().value() + ":" + event.dueAt().toEpochMilli(), event.number(), NotificationEvent.OVERDUE,
        reporterContact(event.number()), true, null, null, clock.instant());
  }

  /**
   * What residents are told about a change, if anything: stage changes they can see and public
   * messages; never internal notes, re-routing, priority, holds or follower counts.
   */
  static Optional<NotificationEvent> residentsHear(ServiceRequestChanged event) {
    if (!event.publicChange()) return Optional.empty();
    return Optional.ofNullable(forKind(event.kind()));
  }

  private static @Nullable NotificationEvent forKind(HistoryEntry.Kind kind) {
    return switch (kind) {
      case ACKNOWLEDGED -> NotificationEvent.ACKNOWLEDGED;
      case ASSIGNED -> NotificationEvent.ASSIGNED;
      case WORK_STARTED -> NotificationEvent.WORK_STARTED;
      case PUBLIC_UPDATE -> NotificationEvent.PUBLIC_UPDATE;
      case RESOLVED -> NotificationEvent.RESOLVED;
      case CLOSED -> NotificationEvent.CLOSED;
      case REOPENED -> NotificationEvent.REOPENED;
      case MARKED_DUPLICATE -> NotificationEvent.MERGED;
      case SUBMITTED, PUT_ON_HOLD, RESUMED, PRIORITY_CHANGED, REROUTED, INTERNAL_NOTE, FOLLOWED -> null;
    };
  }

  /**
   * How the reporter hears back: by email when they gave an address; by SMS when they gave a phone
   * number that can be texted, agreed to SMS, and the city sends SMS. Null when neither.
   */
  private DeliveryStore.@Nullable Reporter reporterContact(RequestNumber number) {
    Reporter reporter = requests.reporterOf(number).orElse(null);
    if (reporter == null) return null;
    String email = reporter.email() == null || reporter.email().isBlank() ? null : reporter.email().trim();
    String phone = null;
    if (sms.enabled() && reporter.smsConsent() && reporter.phone() != null) {
      phone = PhoneNumbers.toE164(reporter.phone(), sms.defaultCountryCode()).orElse(null);
    }
    if (email == null && phone == null) return null;
    return new DeliveryStore.Reporter(
        email,
        email == null ? null : signer.recipientKey(number, email),
        phone,
        phone == null ? null : signer.recipientKey(number, phone),
        texts.language(reporter.language()));
  }
}
