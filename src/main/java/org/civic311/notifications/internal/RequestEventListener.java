package org.civic311.notifications.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestSubmitted;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.ServiceRequestsMerged;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns request events into deliveries. It runs after the request's transaction committed, from the
 * outbox, in its own transaction: a few statements (the reporters' addresses, then one insert for
 * every recipient) and nothing at all for changes residents do not see. Sending is the worker's job,
 * so a slow or absent mail server never holds up a request. The outbox may deliver an event again
 * after a crash; the delivery keys make that harmless.
 */
@Component
class RequestEventListener {

  private static final Logger log = LoggerFactory.getLogger(RequestEventListener.class);

  private final ServiceRequests requests;
  private final DeliveryStore store;
  private final StoredSubscriptions subscriptions;
  private final LinkSigner signer;
  private final Texts texts;
  private final Clock clock;
  private final NotificationProperties.Sms sms;
  private final boolean overdueToResidents;

  RequestEventListener(
      ServiceRequests requests,
      DeliveryStore store,
      StoredSubscriptions subscriptions,
      LinkSigner signer,
      Texts texts,
      Clock clock,
      NotificationProperties properties) {
    this.sms = properties.sms();
    this.overdueToResidents = properties.overdueToResidents();
    this.requests = requests;
    this.store = store;
    this.subscriptions = subscriptions;
    this.signer = signer;
    this.texts = texts;
    this.clock = clock;
  }

  // The conditions run before Spring Modulith stores the event: an anonymous report, or a change residents
  // cannot see, puts no row in the outbox at all (an outbox round costs more than the report itself).
  @ApplicationModuleListener(condition = "#event.reporterCanBeContacted()")
  void on(ServiceRequestSubmitted event) {
    if (!event.reporterCanBeContacted()) return;
    DeliveryStore.Reporter reporter = reporterContact(event.number(), event.number(), true);
    if (reporter == null) return;
    store.enqueue(
        "submitted:" + event.number().value(), event.number(), NotificationEvent.RECEIVED, List.of(reporter), false, null,
        Status.NEW, clock.instant());
  }

  // A merge is told by ServiceRequestsMerged, which also moves the followers; its change event would
  // only tell the same people a second time.
  @ApplicationModuleListener(condition = "#event.publicChange() and #event.kind().name() != 'MARKED_DUPLICATE'")
  void on(ServiceRequestChanged event) {
    if (event.kind() == HistoryEntry.Kind.REOPENED) subscriptions.forgetMerge(event.number());
    Optional<NotificationEvent> notification = residentsHear(event);
    if (notification.isEmpty()) return;
    store.enqueue(
        "change:" + event.historyEntryId(), event.number(), notification.get(), reporterContacts(event.number()), true,
        event.historyEntryId(), event.to(), clock.instant());
  }

  /**
   * A request was merged into another: whoever hears about the duplicate (its reporter, the reporters
   * of requests merged into it before, its followers) is told once, and from then on hears about the
   * parent instead. In this order, so that the followers are still the duplicate's when told. No
   * condition: there may be someone to tell in every merge, and merges are rare next to reports.
   */
  @ApplicationModuleListener
  void on(ServiceRequestsMerged event) {
    RequestNumber duplicate = event.duplicate();
    store.enqueue(
        "merged:" + duplicate.value() + ":" + event.parent().value(), duplicate, NotificationEvent.MERGED,
        reporterContacts(duplicate), true, null, Status.CLOSED, clock.instant());
    int moved = subscriptions.moveFollowers(duplicate, event.parent());
    subscriptions.recordMerge(duplicate, event.parent(), event.at());
    log.info("Request {} merged into {}: {} follower subscription(s) moved", duplicate.value(), event.parent().value(), moved);
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
        reporterContacts(event.number()), true, null, null, clock.instant());
  }

  /**
   * What residents are told about a change, if anything: stage changes they can see and public
   * messages; never internal notes, re-routing, priority, holds or follower counts. A merge is told
   * by its own event ({@link ServiceRequestsMerged}).
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
      case MARKED_DUPLICATE, SUBMITTED, PUT_ON_HOLD, RESUMED, PRIORITY_CHANGED, REROUTED, INTERNAL_NOTE, FOLLOWED -> null;
    };
  }

  /**
   * Every reporter who hears about {@code number}: its own, and the reporters of the requests merged
   * into it (directly or through a request merged into it later) who did not unsubscribe from their
   * report or from a request on the way.
   */
  private List<DeliveryStore.Reporter> reporterContacts(RequestNumber number) {
    List<DeliveryStore.Reporter> contacts = new ArrayList<>();
    DeliveryStore.Reporter own = reporterContact(number, number, true);
    if (own != null) contacts.add(own);
    List<StoredSubscriptions.MergedDuplicate> merged = subscriptions.mergedInto(number);
    if (merged.isEmpty()) return contacts;
    record Moved(DeliveryStore.Reporter contact, List<LinkSigner.Recipient> emailOn, List<LinkSigner.Recipient> phoneOn) {}
    List<Moved> moved = new ArrayList<>();
    List<LinkSigner.Recipient> asked = new ArrayList<>();
    for (StoredSubscriptions.MergedDuplicate duplicate : merged) {
      DeliveryStore.Reporter contact = reporterContact(duplicate.duplicate(), number, false);
      if (contact == null) continue;
      List<LinkSigner.Recipient> emailOn = new ArrayList<>();
      List<LinkSigner.Recipient> phoneOn = new ArrayList<>();
      for (RequestNumber on : duplicate.path()) {
        if (contact.email() != null) emailOn.add(new LinkSigner.Recipient(on, signer.recipientKey(on, contact.email())));
        if (contact.phone() != null) phoneOn.add(new LinkSigner.Recipient(on, signer.recipientKey(on, contact.phone())));
      }
      asked.addAll(emailOn);
      asked.addAll(phoneOn);
      moved.add(new Moved(contact, emailOn, phoneOn));
    }
    Set<LinkSigner.Recipient> optedOut = subscriptions.optedOut(asked);
    for (Moved m : moved) {
      DeliveryStore.Reporter c = m.contact();
      boolean email = c.email() != null && m.emailOn().stream().noneMatch(optedOut::contains);
      boolean phone = c.phone() != null && m.phoneOn().stream().noneMatch(optedOut::contains);
      if (!email && !phone) continue;
      contacts.add(new DeliveryStore.Reporter(
          email ? c.email() : null, email ? c.recipientKey() : null, phone ? c.phone() : null, phone ? c.phoneKey() : null,
          c.language(), false));
    }
    return contacts;
  }

  /**
   * How the reporter of {@code reported} hears about {@code about}: by email when they gave an
   * address; by SMS when they gave a phone number that can be texted, agreed to SMS, and the city sends
   * SMS. Null when neither. The keys are those of {@code about}, whose unsubscribe links they get.
   */
  private DeliveryStore.@Nullable Reporter reporterContact(RequestNumber reported, RequestNumber about, boolean own) {
    Reporter reporter = requests.reporterOf(reported).orElse(null);
    if (reporter == null) return null;
    String email = reporter.email() == null || reporter.email().isBlank() ? null : reporter.email().trim();
    String phone = null;
    if (sms.enabled() && reporter.smsConsent() && reporter.phone() != null) {
      phone = PhoneNumbers.toE164(reporter.phone(), sms.defaultCountryCode()).orElse(null);
    }
    if (email == null && phone == null) return null;
    return new DeliveryStore.Reporter(
        email,
        email == null ? null : signer.recipientKey(about, email),
        phone,
        phone == null ? null : signer.recipientKey(about, phone),
        texts.language(reporter.language()),
        own);
  }
}
