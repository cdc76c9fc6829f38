package org.civic311.console.internal.web.queue;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic311.requests.AfterCommit;
import org.civic311.requests.ChangesElsewhere;
import org.civic311.requests.ChangesElsewhereResumed;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestChangedElsewhere;
import org.civic311.requests.ServiceRequestSubmitted;
import org.civic311.requests.ServiceRequestSubmittedElsewhere;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console pages open on this node: queues (by the departments they show) and request pages (by
 * number). A change to a request, internal ones included, reaches them after it commits as a
 * server-sent event naming the request; the page then reloads its list or its facts. Changes made on
 * other nodes arrive through the requests module's {@link ChangesElsewhere}; while at least one queue
 * is open here, this node asks the other nodes to announce new requests too. Like the portal's live
 * updates, a missed event loses nothing: the page is right again at its next load.
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

    boolean isQueue() {
      return number == null;
    }
  }

  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger queues = new AtomicInteger();
  private final ChangesElsewhere elsewhere;

  ConsoleLiveUpdates(ChangesElsewhere elsewhere) {
    this.elsewhere = elsewhere;
  }

  SseEmitter watch(@Nullable RequestNumber number, @Nullable Set<String> departments) {
    var emitter = new SseEmitter(TIMEOUT_MILLIS);
    return watch(number, departments, emitter);
  }

  /** {@link #watch(RequestNumber, Set)} with a given emitter (tests record what it is sent). */
  SseEmitter watch(@Nullable RequestNumber number, @Nullable Set<String> departments, SseEmitter emitter) {
    if (watchers.size() >= MAX_CONNECTIONS) {
      emitter.complete();
      return emitter;
    }
    var watcher = new Watcher(emitter, number, departments == null ? null : Set.copyOf(departments));
    watchers.add(watcher);
    if (watcher.isQueue() && queues.incrementAndGet() == 1) elsewhere.wantSubmissions(true);
    emitter.onCompletion(() -> forget(watcher));
    emitter.onTimeout(() -> {
      forget(watcher);
      emitter.complete();
    });
    emitter.onError(e -> forget(watcher));
    try {
      emitter.send(SseEmitter.event().name("ready").reconnectTime(5_000).data("ready", MediaType.TEXT_PLAIN));
    } catch (IOException | IllegalStateException gone) {
      forget(watcher);
    }
    return emitter;
  }

  int connections() {
    return watchers.size();
  }

  @EventListener
  void on(ServiceRequestChanged changed) {
    AfterCommit.run(() -> tell(changed.number(), changed.departmentCode()));
  }

  @EventListener
  void on(ServiceRequestSubmitted submitted) {
    AfterCommit.run(() -> tell(submitted.number(), submitted.departmentCode()));
  }

  /** Another node committed a change: internal ones matter here too. */
  @EventListener
  void on(ServiceRequestChangedElsewhere changed) {
    tell(changed.number(), changed.departmentCode());
  }

  @EventListener
  void on(ServiceRequestSubmittedElsewhere submitted) {
    tell(submitted.number(), submitted.departmentCode());
  }

  /** Other nodes' changes may have been missed: every page reads its data again. */
  @EventListener(ChangesElsewhereResumed.class)
  void onResumed() {
    for (Watcher watcher : watchers) send(watcher, "");
  }

  private void tell(RequestNumber number, @Nullable String department) {
    for (Watcher watcher : watchers) {
      if (watcher.wants(number, department)) send(watcher, number.value());
    }
  }

  private void send(Watcher watcher, String data) {
    try {
      watcher.emitter().send(SseEmitter.event().name("changed").data(data, MediaType.TEXT_PLAIN));
    } catch (IOException | IllegalStateException gone) {
      forget(watcher);
    }
  }

  /** Called once or more per page (completion, error, timeout); counts the page out once. */
  private void forget(Watcher watcher) {
    if (watchers.remove(watcher) && watcher.isQueue() && queues.decrementAndGet() == 0) elsewhere.wantSubmissions(false);
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
    queues.set(0);
  }
}
