package org.civic311.portal.internal.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.portal.internal.TrackProperties;
import org.civic311.requests.AfterCommit;
import org.civic311.requests.ChangesElsewhereResumed;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestChangedElsewhere;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The status pages open right now on this node, by request, so a public change reaches them as a
 * server-sent event the moment it commits. A change made on this node is pushed by the listener
 * below; one made on another node arrives as {@link ServiceRequestChangedElsewhere} (the requests module's
 * {@link org.civic311.requests.ChangesElsewhere}, PostgreSQL NOTIFY). This
 * is a plain listener, not an outbox one: a page that missed an event loses nothing, it re-reads the
 * timeline when it reconnects.
 */
@Component
class LiveUpdates {

  private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
  /** Beyond this many open pages on one node, new ones get no live updates (they still work). */
  private static final int MAX_CONNECTIONS = 2_000;

  private final long timeoutMillis;
  private final Map<RequestNumber, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

  LiveUpdates(TrackProperties properties) {
    this.timeoutMillis = properties.liveTimeoutOrDefault().toMillis();
  }

  /** A connection for one page of one request; it ends after the timeout and the browser reconnects. */
  SseEmitter watch(RequestNumber number) {
    return watch(number, new SseEmitter(timeoutMillis));
  }

  /** {@link #watch(RequestNumber)} with a given emitter (tests record what it is sent). */
  SseEmitter watch(RequestNumber number, SseEmitter emitter) {
    if (connections() >= MAX_CONNECTIONS) {
      emitter.complete();
      return emitter;
    }
    Set<SseEmitter> set = watchers.computeIfAbsent(number, n -> ConcurrentHashMap.newKeySet());
    set.add(emitter);
    Runnable forget = () -> forget(number, emitter);
    emitter.onCompletion(forget);
    emitter.onTimeout(() -> {
      forget.run();
      emitter.complete();
    });
    emitter.onError(error -> forget.run());
    try {
      // Tells the browser the connection is up and how soon to come back after it ends.
      emitter.send(SseEmitter.event().name("ready").reconnectTime(5_000).data("ready", MediaType.TEXT_PLAIN));
    } catch (IOException | IllegalStateException gone) {
      forget.run();
    }
    return emitter;
  }

  /** How many live pages this node holds. */
  int connections() {
    return watchers.values().stream().mapToInt(Set::size).sum();
  }

  /** How many live pages of one request this node holds. */
  int watching(RequestNumber number) {
    Set<SseEmitter> set = watchers.get(number);
    return set == null ? 0 : set.size();
  }

  /**
   * After the change committed (or at once when it ran outside a transaction), each open page of the
   * request hears that its timeline changed. Internal notes and re-routing are not told: the page
   * would show nothing new, and their timing is staff-only.
   */
  @EventListener
  void on(ServiceRequestChanged changed) {
    if (!changed.publicChange()) return;
    AfterCommit.run(() -> push(changed.number(), changed.historyEntryId(), changed.to().name()));
  }

  /** A change made on another node; internal ones never reach a resident's page. */
  @EventListener
  void on(ServiceRequestChangedElsewhere changed) {
    if (!changed.publicChange()) return;
    push(changed.number(), changed.historyEntryId(), changed.stage());
  }

  /** Notifications from other nodes may have been lost while this node was not listening. */
  @EventListener(ChangesElsewhereResumed.class)
  void onResumed() {
    pokeAll();
  }

  /** Tells this node's open pages of a request that it changed (the history entry and the new stage). */
  void push(RequestNumber number, long historyEntryId, String stage) {
    Set<SseEmitter> set = watchers.get(number);
    if (set == null) return;
    for (SseEmitter emitter : set) {
      try {
        emitter.send(SseEmitter.event()
            .name("changed")
            .id(Long.toString(historyEntryId))
            .data(stage, MediaType.TEXT_PLAIN));
      } catch (IOException | IllegalStateException gone) {
        log.debug("A status page of {} went away", number);
        forget(number, emitter);
      }
    }
  }

  /**
   * Tells every open page of this node to read its timeline again, without announcing a change: sent
   * when this node may have missed notifications from other nodes.
   */
  void pokeAll() {
    watchers.forEach((number, set) -> set.forEach(emitter -> {
      try {
        emitter.send(SseEmitter.event().name("resync").data("resync", MediaType.TEXT_PLAIN));
      } catch (IOException | IllegalStateException gone) {
        forget(number, emitter);
      }
    }));
  }

  /**
   * Ends every live connection when the app stops: a graceful shutdown waits for open requests, and
   * these would otherwise hold it for their whole timeout. Browsers reconnect to another node.
   */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    watchers.values().forEach(set -> set.forEach(emitter -> {
      try {
        emitter.complete();
      } catch (IllegalStateException alreadyDone) {
        // Nothing to end.
      }
    }));
    watchers.clear();
  }

  private void forget(RequestNumber number, SseEmitter emitter) {
    watchers.computeIfPresent(number, (n, set) -> {
      set.remove(emitter);
      return set.isEmpty() ? null : set;
    });
  }
}
