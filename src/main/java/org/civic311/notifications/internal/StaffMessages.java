package org.civic311.notifications.internal;

import java.time.Clock;
import java.util.List;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.RequestHistory;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.workflow.SlaBreached;
import org.civic311.workflow.SlaWarningReached;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns escalation events and changes of watched requests into emails to staff, through the same
 * delivery table as residents' messages (same worker, retries and admin view). Each runs from the
 * outbox after the event's commit; the delivery keys (the request, the SLA clock's due date or the
 * history entry, and the member) make a redelivered event harmless, so each message is made once per
 * request and clock.
 */
@Component
class StaffMessages {

  private final ServiceRequests requests;
  private final RequestHistory history;
  private final StaffAccounts staff;
  private final StaffWatcherStore watchers;
  private final DeliveryStore store;
  private final LinkSigner signer;
  private final Clock clock;

  StaffMessages(
      ServiceRequests requests, RequestHistory history, StaffAccounts staff, StaffWatcherStore watchers, DeliveryStore store, LinkSigner signer, Clock clock) {
    this.requests = requests;
    this.history = history;
    this.staff = staff;
    this.watchers = watchers;
    this.store = store;
    this.signer = signer;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(SlaWarningReached event) {
    toDepartment(event.number(), event.departmentCode(), StaffRole.DISPATCHER, NotificationEvent.SLA_WARNING,
        "sla-warning:" + event.number().value() + ":" + event.dueAt().toEpochMilli());
  }

  @ApplicationModuleListener
  void on(SlaBreached event) {
    toDepartment(event.number(), event.departmentCode(), StaffRole.SUPERVISOR, NotificationEvent.SLA_BREACHED,
        "sla-breach:" + event.number().value() + ":" + event.dueAt().toEpochMilli());
  }

  // Only requests someone watches put a row in the outbox: one indexed look-up on the request's path.
  @ApplicationModuleListener(condition = "@staffWatcherStore.anyWatching(#event.number())")
  void on(ServiceRequestChanged event) {
    if (event.kind() == HistoryEntry.Kind.FOLLOWED) return;
    ServiceRequestDetails request = requests.find(event.number()).orElse(null);
    if (request == null) return;
    HistoryEntry entry = history.entry(event.number(), event.historyEntryId()).orElse(null);
    List<DeliveryStore.StaffRecipient> recipients = watchers.watching(event.number()).stream()
        .map(id -> staff.find(id).orElse(null))
        .filter(m -> m != null && m.enabled() && StaffAudience.mayWatch(m, request.departmentCode()))
        .filter(m -> entry == null || !StaffAudience.madeIt(m, entry.actor()))
        .map(m -> StaffAudience.recipient(signer, event.number(), m))
        .toList();
    store.enqueueStaff("watch:" + event.historyEntryId(), event.number(), NotificationEvent.WATCHED_CHANGE, recipients,
        event.historyEntryId(), event.to(), clock.instant());
  }

  private void toDepartment(
      RequestNumber number, @Nullable String departmentInEvent, StaffRole role, NotificationEvent message, String eventKey) {
    String department = departmentInEvent != null ? departmentInEvent
        : requests.find(number).map(ServiceRequestDetails::departmentCode).orElse(null);
    List<StaffMember> audience = StaffAudience.ofDepartment(staff.list(), role, department);
    store.enqueueStaff(eventKey, number, message,
        audience.stream().map(m -> StaffAudience.recipient(signer, number, m)).toList(), null, null, clock.instant());
  }
}
