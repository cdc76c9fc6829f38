package org.civic311.requests.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.civic311.requests.ChangesElsewhere;
import org.civic311.requests.ChangesElsewhereResumed;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestChangedElsewhere;
import org.civic311.requests.ServiceRequestSubmitted;
import org.civic311.requests.ServiceRequestSubmittedElsewhere;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Request changes across app nodes through PostgreSQL LISTEN/NOTIFY, for every module's live pages. A
 * change sends {@code NOTIFY civic311_request_changed} inside its own transaction, so PostgreSQL
 * delivers it when (and only if) the change commits; every node LISTENs on one dedicated connection
 * and publishes what it hears as local events ({@link ServiceRequestChangedElsewhere}). The node that
 * made a change already told its own pages after the commit, so it skips its own notifications.
 *
 * <p>A submission is the hot path (Open311 and web POSTs), so it notifies only while another node has
 * a page that wants new requests: nodes announce that wish on the same channel ({@code W 1} / {@code
 * W 0}), and a node that (re)starts listening asks the others to repeat theirs ({@code H}). A node that
 * dies with a wish still standing costs the others a needless notification per report until they
 * reconnect, never a missed one.
 *
 * <p>The listening connection comes from the pool and is kept for the node's life. When it breaks
 * (database restart, failover, a terminated backend), the node connects again after a growing pause
 * (1 s up to 30 s) and, since notifications sent meanwhile are lost, publishes {@link
 * ChangesElsewhereResumed} so pages re-read. Notifications carry the public number, the history entry
 * id, the stage, whether the change is public and the department code: never personal data.
 */
@Component
class ClusterChangeFeed implements ChangesElsewhere, SmartLifecycle {

  static final String CHANNEL = "civic311_request_changed";
  private static final Logger log = LoggerFactory.getLogger(ClusterChangeFeed.class);
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final boolean enabled;
  private final String node;
  private final AtomicInteger connections = new AtomicInteger();
  /** Other nodes that said they have pages wanting new requests. */
  private final Set<String> nodesWantingSubmissions = ConcurrentHashMap.newKeySet();
  private volatile boolean wantSubmissions;
  private volatile boolean running;
  private volatile boolean listening;
  /** Whether the listening connection got past notifications older than its LISTEN (listener thread only). */
  private boolean caughtUp;
  private volatile int backendPid;
  private volatile @Nullable Thread thread;

  @Autowired
  ClusterChangeFeed(
      DataSource dataSource,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      @Value("${civic311.requests.live-notify:true}") boolean enabled) {
    this(dataSource, jdbc, events, enabled, UUID.randomUUID().toString());
  }

  /** A feed with a given node id (tests run a second node in the same process). */
  ClusterChangeFeed(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events, boolean enabled, String node) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.events = events;
    this.enabled = enabled;
    this.node = node;
  }

  /**
   * In the change's transaction: PostgreSQL holds the notification until commit and drops it on
   * rollback, so no other node hears of a change that did not happen. Internal changes too: other
   * nodes' staff pages need them; their resident pages ignore them.
   */
  @EventListener
  void on(ServiceRequestChanged changed) {
    if (!enabled) return;
    notify("C " + changed.number().value() + " " + changed.historyEntryId() + " " + changed.to().name() + " "
        + (changed.publicChange() ? "1" : "0") + " " + department(changed.departmentCode()));
  }

  /** A new request costs one notification, and only while a page on another node wants to hear of it. */
  @EventListener
  void on(ServiceRequestSubmitted submitted) {
    if (!enabled || nodesWantingSubmissions.isEmpty()) return;
    notify("S " + submitted.number().value() + " 0 " + Status.NEW.name() + " 1 " + department(submitted.departmentCode()));
  }

  @Override
  public void wantSubmissions(boolean wanted) {
    if (wantSubmissions == wanted) return;
    wantSubmissions = wanted;
    if (!enabled || !listening) return; // announced when the node (re)connects
    try {
      announceWish();
    } catch (RuntimeException databaseGone) {
      log.debug("Could not announce the wish for new requests: {}", databaseGone.getMessage());
    }
  }

  @Override
  public boolean listening() {
    return listening;
  }

  @Override
  public void start() {
    running = true;
    if (enabled) thread = Thread.ofPlatform().daemon().name("live-notify-listener").start(this::listen);
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
    // Others stop sending this node new requests; a node that dies instead just costs them a notification per report.
    if (enabled && wantSubmissions) {
      try {
        notify("W 0");
      } catch (RuntimeException databaseGone) {
        log.debug("Could not withdraw the wish for new requests: {}", databaseGone.getMessage());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** How many times the node connected to LISTEN (1 until a reconnection). */
  int connections() {
    return connections.get();
  }

  /** The listening connection's server process, to break it in tests. */
  int backendPid() {
    return backendPid;
  }

  /** Whether some other node said it wants new requests. */
  boolean othersWantSubmissions() {
    return !nodesWantingSubmissions.isEmpty();
  }

  private void listen() {
    Duration pause = FIRST_PAUSE;
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        PGConnection postgres = connection.unwrap(PGConnection.class);
        // A pooled connection may have listened before (a feed stopped in the same process): start clean.
        try (Statement statement = connection.createStatement()) {
          statement.execute("UNLISTEN *");
        }
        postgres.getNotifications();
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        backendPid = postgres.getBackendPID();
        // Wishes announced while this node was not listening were missed: ask everyone again. A new
        // listener may also be handed notifications that committed before it listened (PostgreSQL starts
        // it at the queue's tail), so everything before this node's own question comes back is skipped;
        // what committed in that gap is covered by the pages' re-read below (or, at start, by their load).
        nodesWantingSubmissions.clear();
        caughtUp = false;
        notify("H");
        listening = true;
        if (wantSubmissions) announceWish();
        if (connections.incrementAndGet() > 1) {
          log.info("Listening for live updates again");
          events.publishEvent(new ChangesElsewhereResumed());
        }
        pause = FIRST_PAUSE;
        try {
          while (running) {
            PGNotification[] notifications = postgres.getNotifications(1_000);
            if (notifications == null) continue;
            for (PGNotification notification : notifications) heard(notification.getParameter());
          }
        } finally {
          unlisten(connection);
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

  /** Payloads: {@code node C|S number entry stage public department}, {@code node W 0|1}, {@code node H}. */
  void heard(String payload) {
    if (!caughtUp) {
      caughtUp = payload.equals(node + " H");
      return;
    }
    String[] parts = payload.split(" ", 7);
    if (parts.length < 2 || parts[0].equals(node)) return;
    try {
      switch (parts[1]) {
        case "H" -> {
          if (wantSubmissions) announceWish();
        }
        case "W" -> {
          if (parts.length == 3 && parts[2].equals("1")) nodesWantingSubmissions.add(parts[0]);
          else nodesWantingSubmissions.remove(parts[0]);
        }
        case "C", "S" -> {
          if (parts.length != 7 || !RequestNumber.isWellFormed(parts[2])) return;
          RequestNumber number = new RequestNumber(parts[2]);
          String department = parts[6].isEmpty() ? null : parts[6];
          if (parts[1].equals("S")) {
            events.publishEvent(new ServiceRequestSubmittedElsewhere(number, department));
          } else {
            events.publishEvent(
                new ServiceRequestChangedElsewhere(number, department, Long.parseLong(parts[3]), parts[4], parts[5].equals("1")));
          }
        }
        default -> log.debug("Ignored an unknown live-update notification");
      }
    } catch (NumberFormatException malformed) {
      log.debug("Ignored a malformed live-update notification");
    } catch (RuntimeException listenerFailed) {
      // A page's listener must not end the node's listening.
      log.warn("A live-update listener failed: {}", listenerFailed.toString());
    }
  }

  /** The connection goes back to the pool: it must not keep collecting notifications there. */
  private static void unlisten(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("UNLISTEN *");
    } catch (SQLException | RuntimeException broken) {
      // A broken connection is not returned to the pool anyway.
    }
  }

  private void announceWish() {
    notify("W " + (wantSubmissions ? "1" : "0"));
  }

  private void notify(String message) {
    jdbc.sql("SELECT pg_notify(?, ?)").param(CHANNEL).param(node + " " + message).query((rs, i) -> 1).list();
  }

  private static String department(@Nullable String code) {
    return code == null ? "" : code;
  }
}
