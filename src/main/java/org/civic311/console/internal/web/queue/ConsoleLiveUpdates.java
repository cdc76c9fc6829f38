package org.civic311.console.internal.web.queue;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestSubmitted;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console pages open on this node: queues (by the departments they show) and request pages (by
 * number). A change to a request, internal ones included, reaches them after it commits as a
 * server-sent event naming the request; the page then reloads its list or its facts. Like the portal's
 * live updates, a missed event loses nothing: the page is right again at its next load.
 */
@Component
class ConsoleLiveUpdates {

  private static final int MAX_CONNECTIONS = 2_000;
  private static final long TIMEOUT_MILLIS = 15 * 60 * 1000L;

  /** One open page: a request page when {@code number} is set, else a queue over {@code departments} (null: all). */
  private record Watcher(SseEmitter emitter, @Nullable RequestNumber number, @Nullable Set<String> departments) {
    boolean wants(RequestNumber changed, @Nullable String department) {
      if (number != null) return number.equals(changed);
      return departments == null || (department != null && departments.contains(department));
    }
  }

  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

  SseEmitter watch(@Nullable RequestNumber number, @Nullable Set<String> departments) {
    var emitter = new SseEmitter(TIMEOUT_MILLIS);
    if (watchers.size() >= MAX_CONNECTIONS) {
      emitter.complete();
      return emitter;
    }
    var watcher = new Watcher(emitter, number, departments == null ? null : Set.copyOf(departments));
    watchers.add(watcher);
    emitter.onCompletion(() -> watchers.remove(watcher));
    emitter.onTimeout(() -> {
      watchers.remove(watcher);
      emitter.complete();
    });
    emitter.onError(e -> watchers.remove(watcher));
    try {
      emitter.send(SseEmitter.event().name("ready").reconnectTime(5_000).data("ready", MediaType.TEXT_PLAIN));
    } catch (IOException | IllegalStateException gone) {
      watchers.remove(watcher);
    }
    return emitter;
  }

  int connections() {
    return watchers.size();
  }

  @EventListener
  void on(ServiceRequestChanged changed) {
    afterCommit(() -> tell(changed.number(), changed.departmentCode()));
  }

  @EventListener
  void on(ServiceRequestSubmitted submitted) {
    afterCommit(() -> tell(submitted.number(), submitted.departmentCode()));
  }

  private void tell(RequestNumber number, @Nullable String department) {
    for (Watcher watcher : watchers) {
      if (!watcher.wants(number, department)) continue;
      try {
        watcher.emitter().send(SseEmitter.event().name("changed").data(number.value(), MediaType.TEXT_PLAIN));
      } catch (IOException | IllegalStateException gone) {
        watchers.remove(watcher);
      }
    }
  }

  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    watchers.forEach(w -> {
      try {
        w.emitter().complete();
      } catch (IllegalStateException alreadyDone) {
        // Nothing to end.
      }
    });
    watchers.clear();
  }

  /**
   * Runs after the surrounding transaction commits, or at once outside one. Not a
   * {@code @TransactionalEventListener}: Spring Modulith records every such listener's events in its
   * outbox, which cost each change an extra row and, for 64 reports at once, starved the connection
   * pool (the outbox bookkeeping asks for a second connection while the first is still held). A live
   * page that misses a push is right again at its next load, so it needs no outbox.
   */
  private static void afterCommit(Runnable push) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              push.run();
            }
          });
    } else {
      push.run();
    }
  }
}
