package org.civic311.portal.internal.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChanged;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Live updates across app nodes through PostgreSQL LISTEN/NOTIFY. A public change sends
 * {@code NOTIFY civic311_request_changed} inside the change's own transaction, so PostgreSQL delivers
 * it when (and only if) the change commits; every node LISTENs on one dedicated connection and tells
 * its own open status pages ({@link LiveUpdates#push}). The node that made the change already told
 * its pages after the commit, so it skips its own notifications.
 *
 * <p>The listening connection comes from the pool and is kept for the node's life. When it breaks
 * (database restart, failover, a terminated backend), the node connects again after a growing pause
 * (1 s up to 30 s) and, since notifications sent meanwhile are lost, tells every open page to re-read
 * its timeline. The notification carries only the public number, history entry id and stage.
 */
@Component
@ConditionalOnProperty(name = "civic311.portal.live-notify", havingValue = "true", matchIfMissing = true)
class ClusterLiveFeed implements SmartLifecycle {

  static final String CHANNEL = "civic311_request_changed";
  private static final Logger log = LoggerFactory.getLogger(ClusterLiveFeed.class);
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final LiveUpdates live;
  private final String node = UUID.randomUUID().toString();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean running;
  private volatile boolean listening;
  private volatile int backendPid;
  private volatile Thread thread;

  ClusterLiveFeed(DataSource dataSource, JdbcClient jdbc, LiveUpdates live) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.live = live;
  }

  /**
   * In the change's transaction: PostgreSQL holds the notification until commit and drops it on
   * rollback, so no other node hears of a change that did not happen.
   */
  @EventListener
  void on(ServiceRequestChanged changed) {
    if (!changed.publicChange()) return;
    String payload = node + " " + changed.number().value() + " " + changed.historyEntryId() + " " + changed.to().name();
    jdbc.sql("SELECT pg_notify(?, ?)").param(CHANNEL).param(payload).query((rs, i) -> 1).list();
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("live-notify-listener").start(this::listen);
  }

  @Override
  public void stop() {
    running = false;
    Thread listener = thread;
    if (listener != null) {
      listener.interrupt();
      try {
        listener.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Whether the node LISTENs right now. */
  boolean listening() {
    return listening;
  }

  /** How many times the node connected to LISTEN (1 until a reconnection). */
  int connections() {
    return connections.get();
  }

  /** The listening connection's server process, to break it in tests. */
  int backendPid() {
    return backendPid;
  }

  private void listen() {
    Duration pause = FIRST_PAUSE;
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        backendPid = postgres.getBackendPID();
        listening = true;
        if (connections.incrementAndGet() > 1) {
          log.info("Listening for live updates again");
          live.pokeAll();
        }
        pause = FIRST_PAUSE;
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(1_000);
          if (notifications == null) continue;
          for (PGNotification notification : notifications) deliver(notification.getParameter());
        }
      } catch (SQLException | RuntimeException broken) {
        if (!running) break;
        log.warn("Live updates from other nodes stopped ({}); connecting again in {} s", broken.getMessage(),
            pause.toSeconds());
      } finally {
        listening = false;
      }
      if (!running) break;
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        break;
      }
      pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
    }
  }

  private void deliver(String payload) {
    String[] parts = payload.split(" ");
    if (parts.length != 4 || parts[0].equals(node) || !RequestNumber.isWellFormed(parts[1])) return;
    try {
      live.push(new RequestNumber(parts[1]), Long.parseLong(parts[2]), parts[3]);
    } catch (NumberFormatException malformed) {
      log.debug("Ignored a malformed live-update notification");
    }
  }
}
