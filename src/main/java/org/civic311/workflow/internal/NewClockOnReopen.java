package org.civic311.workflow.internal;

import org.civic311.requests.HistoryEntry;
import org.civic311.requests.ServiceRequestChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A reopened request gets a new due date and so a new SLA clock: its earlier warning and breach are
 * forgotten so that the new clock can warn and breach again. Reopening is rare, so this runs inside the
 * reopening's transaction (one statement, no outbox), and only for reopenings.
 */
@Component
class NewClockOnReopen {

  private final EscalationStore store;

  NewClockOnReopen(EscalationStore store) {
    this.store = store;
  }

  @EventListener(condition = "#event.kind() == T(org.civic311.requests.HistoryEntry$Kind).REOPENED")
  void on(ServiceRequestChanged event) {
    if (event.kind() == HistoryEntry.Kind.REOPENED) store.forget(event.number());
  }
}
