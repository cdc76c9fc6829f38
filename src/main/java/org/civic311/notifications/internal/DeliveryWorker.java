package org.civic311.notifications.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.civic311.notifications.InvalidTemplate;
import org.civic311.notifications.MessageTemplate;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.RenderedMessage;
import org.civic311.notifications.internal.DeliveryStore.ClaimedDelivery;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries over SMTP, and text messages through the {@link SmsGateway}, on its own
 * schedule, never on a request's thread. Each round claims
 * small batches (rows other nodes hold are skipped; a claimed row carries a lease, so rows of a node
 * killed mid-send are sent again after the lease, with the same Message-ID), sends a batch over one
 * SMTP connection, then records what was sent and what failed. A failure waits with exponential
 * backoff and jitter; after the last attempt the delivery is FAILED and waits for an admin.
 * Logs name deliveries by id, never by address.
 */
@Component
class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"',;:()]+@[^\\s<>\"',;:()]+");
  private static final Pattern PHONE = Pattern.compile("\\+\\d{7,15}");

  private final DeliveryStore store;
  private final TemplateStore templates;
  private final MessageRenderer renderer;
  private final MessageValues values;
  private final EmailComposer composer;
  private final LinkSigner signer;
  private final ServiceRequests requests;
  private final JavaMailSender mail;
  private final SmsGateway sms;
  private final SmsOptOuts smsOptOuts;
  private final NotificationProperties properties;
  private final Clock clock;
  private final Counter sentCounter;
  private final Counter failedCounter;
  private final Counter gaveUpCounter;

  DeliveryWorker(
      DeliveryStore store,
      TemplateStore templates,
      MessageRenderer renderer,
      MessageValues values,
      EmailComposer composer,
      LinkSigner signer,
      ServiceRequests requests,
      JavaMailSender mail,
      SmsGateway sms,
      SmsOptOuts smsOptOuts,
      NotificationProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.templates = templates;
    this.renderer = renderer;
    this.values = values;
    this.composer = composer;
    this.signer = signer;
    this.requests = requests;
    this.mail = mail;
    this.sms = sms;
    this.smsOptOuts = smsOptOuts;
    this.properties = properties;
    this.clock = clock;
    this.sentCounter = Counter.builder("civic311.notifications.sent")
        .description("Messages the SMTP server or the SMS provider accepted").register(meters);
    this.failedCounter = Counter.builder("civic311.notifications.failed.attempts")
        .description("Attempts that failed (each is retried until the last)").register(meters);
    this.gaveUpCounter = Counter.builder("civic311.notifications.gave.up")
        .description("Deliveries that became FAILED and wait for an admin").register(meters);
    Gauge.builder("civic311.notifications.waiting", store, DeliveryStore::countWaiting)
        .description("Deliveries waiting to be sent or being sent").register(meters);
    Gauge.builder("civic311.notifications.failed", store, DeliveryStore::countFailed)
        .description("Deliveries that gave up and wait for an admin").register(meters);
  }

  @Scheduled(
      initialDelayString = "${civic311.notifications.delivery.poll-interval:1s}",
      fixedDelayString = "${civic311.notifications.delivery.poll-interval:1s}")
  void poll() {
    if (!properties.delivery().enabled()) return;
    try {
      deliverDue();
    } catch (RuntimeException e) {
      log.warn("Delivery round stopped: {}", withoutAddresses(e));
    }
  }

  /** Sends everything due now; returns how many deliveries were attempted. */
  int deliverDue() {
    int attempted = 0;
    int batchSize = Math.max(1, properties.delivery().batchSize());
    while (true) {
      Instant now = clock.instant();
      List<ClaimedDelivery> batch = store.claim(batchSize, now, now.plus(properties.delivery().lease()));
      if (batch.isEmpty()) return attempted;
      send(batch, now.plus(properties.delivery().lease().dividedBy(2)));
      attempted += batch.size();
      if (batch.size() < batchSize) return attempted;
    }
  }

  /**
   * @param stopTextsAt when texts still unsent go back to wait instead: they go one at a time, and a
   *     batch that outlived its lease would be taken and sent by another node as well
   */
  private void send(List<ClaimedDelivery> batch, Instant stopTextsAt) {
    Map<TemplateStore.Key, MessageTemplate> templatesNow = templates.snapshot();
    // One read for the whole batch: a round of a storm sends hundreds of messages about as many requests.
    Map<RequestNumber, ServiceRequestDetails> requestsNow = new HashMap<>();
    for (ServiceRequestDetails r : requests.findAll(batch.stream().map(ClaimedDelivery::number).distinct().toList())) {
      requestsNow.put(r.number(), r);
    }
    Map<MimeMessage, ClaimedDelivery> messages = new IdentityHashMap<>();
    List<MimeMessage> ordered = new ArrayList<>();
    List<ClaimedDelivery> texts = batch.stream().filter(d -> d.channel() == NotificationChannel.SMS).toList();
    if (!texts.isEmpty()) sendTexts(texts, templatesNow, requestsNow, stopTextsAt);
    for (ClaimedDelivery d : batch) {
      if (d.channel() != NotificationChannel.EMAIL) continue;
      try {
        ServiceRequestDetails request = Optional.ofNullable(requestsNow.get(d.number()))
            .orElseThrow(() -> new IllegalStateException("the request no longer exists"));
        String confirmLink = d.subscription() == null ? null : values.confirmLink(signer.confirmToken(d.subscription()), d.language());
        MessageTemplate template = templatesNow.get(new TemplateStore.Key(d.event(), NotificationChannel.EMAIL, d.language()));
        // Staff messages have no unsubscribe link: a watcher stops watching in the console, and SLA
        // messages follow the member's role.
        String unsubscribe = d.event().forStaff() ? null
            : values.unsubscribeLink(signer.unsubscribeToken(d.number().value(), d.recipientKey()), d.language());
        RenderedMessage rendered = renderer.render(template, valuesOf(d, request, confirmLink), unsubscribe);
        MimeMessage message = composer.compose(d.id(), d.recipient(), d.language(), rendered, unsubscribe);
        messages.put(message, d);
        ordered.add(message);
      } catch (MessagingException | InvalidTemplate | IllegalStateException e) {
        // Cannot be built (a broken address or template): retrying the same thing cannot help.
        fail(d, "Cannot build the message: " + withoutAddresses(e), true);
      }
    }
    if (ordered.isEmpty()) return;
    Map<Object, Exception> failures = sendOverConnections(ordered);
    List<Long> sent = new ArrayList<>();
    for (MimeMessage message : ordered) {
      ClaimedDelivery d = messages.get(message);
      Exception failure = failures.get(message);
      if (failure == null) sent.add(d.id());
      else fail(d, withoutAddresses(failure), false);
    }
    store.markSent(sent, clock.instant());
    sentCounter.increment(sent.size());
    if (!failures.isEmpty()) {
      log.warn("{} of {} deliveries failed (first id {}): {}", failures.size(), ordered.size(),
          messages.get(ordered.getFirst()).id(), withoutAddresses(failures.values().iterator().next()));
    }
  }

  /**
   * Sends text messages one after the other through the SMS gateway. A number that replied STOP
   * gets nothing: its deliveries are cancelled. An answer that retrying cannot change (an invalid
   * number) fails the delivery at once; the rest wait with the usual backoff.
   */
  private void sendTexts(
      List<ClaimedDelivery> texts,
      Map<TemplateStore.Key, MessageTemplate> templatesNow,
      Map<RequestNumber, ServiceRequestDetails> requestsNow,
      Instant stopAt) {
    java.util.Set<String> stopped = smsOptOuts.optedOut(texts.stream().map(ClaimedDelivery::recipient).distinct().toList());
    for (ClaimedDelivery d : texts) {
      if (!clock.instant().isBefore(stopAt)) {
        store.release(d.id(), clock.instant());
        continue;
      }
      if (stopped.contains(d.recipient())) {
        store.markCancelled(d.id(), "The number replied STOP");
        continue;
      }
      String body;
      try {
        ServiceRequestDetails request = Optional.ofNullable(requestsNow.get(d.number()))
            .orElseThrow(() -> new IllegalStateException("the request no longer exists"));
        MessageTemplate template = templatesNow.get(new TemplateStore.Key(d.event(), NotificationChannel.SMS, d.language()));
        if (template == null) throw new IllegalStateException("there is no SMS template for " + d.event());
        body = SmsRenderer.render(template, valuesOf(d, request, null));
      } catch (InvalidTemplate | IllegalStateException e) {
        fail(d, "Cannot build the message: " + withoutAddresses(e), true);
        continue;
      }
      switch (sms.send(d.recipient(), body)) {
        case SmsGateway.Sent sent -> {
          store.markSmsSent(d.id(), sent.providerMessageId(), clock.instant());
          sentCounter.increment();
        }
        case SmsGateway.Failed failed -> {
          fail(d, failed.error(), !failed.retry());
          if (failed.retry()) log.warn("SMS delivery {} failed: {}", d.id(), failed.error());
        }
      }
    }
  }

  /**
   * The values of a delivery's message; the reporter's messages about a finished request ask for a
   * survey, and a merge is told to the reporter as "your report" and to followers as "the request".
   */
  private Map<String, String> valuesOf(ClaimedDelivery d, ServiceRequestDetails request, @Nullable String confirmLink) {
    Map<String, String> v = values.of(d.event(), request, d.language(), d.statusAfter(), d.historyEntryId(), confirmLink);
    if (d.toReporter() && d.event() == org.civic311.notifications.NotificationEvent.MERGED) v.put("yourReport", "yes");
    if (d.toReporter() && (d.event() == org.civic311.notifications.NotificationEvent.RESOLVED
        || d.event() == org.civic311.notifications.NotificationEvent.CLOSED)) {
      v.put("surveyLink", values.surveyLink(signer.surveyToken(d.number())));
    }
    return v;
  }

  /**
   * Sends the messages over a few SMTP connections at once (each connection carries its share one
   * after the other): a mail server answers every message with several round trips, so one
   * connection leaves both ends waiting most of the time.
   *
   * @return the messages that failed, with why
   */
  private Map<Object, Exception> sendOverConnections(List<MimeMessage> messages) {
    int connections = Math.clamp(properties.delivery().connections(), 1, messages.size());
    int share = (messages.size() + connections - 1) / connections;
    List<List<MimeMessage>> parts = new ArrayList<>();
    for (int i = 0; i < messages.size(); i += share) parts.add(messages.subList(i, Math.min(messages.size(), i + share)));
    if (parts.size() == 1) return sendOverOneConnection(parts.getFirst());
    Map<Object, Exception> failures = new IdentityHashMap<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Map<Object, Exception>>> results = new ArrayList<>();
      for (List<MimeMessage> part : parts) results.add(executor.submit(() -> sendOverOneConnection(part)));
      for (int i = 0; i < results.size(); i++) {
        try {
          failures.putAll(results.get(i).get());
        } catch (ExecutionException e) {
          failures.putAll(everyOne(parts.get(i), e.getCause() instanceof Exception c ? c : e));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failures.putAll(everyOne(parts.get(i), e));
        }
      }
    }
    return failures;
  }

  private Map<Object, Exception> sendOverOneConnection(List<MimeMessage> messages) {
    try {
      mail.send(messages.toArray(MimeMessage[]::new));
      return Map.of();
    } catch (MailSendException e) {
      return e.getFailedMessages().isEmpty() ? everyOne(messages, e) : e.getFailedMessages();
    } catch (MailException e) {
      return everyOne(messages, e);
    }
  }

  private static Map<Object, Exception> everyOne(List<MimeMessage> messages, Exception e) {
    Map<Object, Exception> all = new IdentityHashMap<>();
    messages.forEach(m -> all.put(m, e));
    return all;
  }

  private void fail(ClaimedDelivery d, String error, boolean permanent) {
    boolean giveUp = permanent || d.attempts() >= properties.delivery().maxAttempts();
    Instant next = clock.instant().plus(
        backoff(d.attempts(), properties.delivery().backoffBase(), properties.delivery().backoffMax(), ThreadLocalRandom.current()));
    store.markFailed(d.id(), error, next, giveUp);
    failedCounter.increment();
    if (giveUp) gaveUpCounter.increment();
    if (giveUp) log.warn("Delivery {} failed after {} attempt(s): {}", d.id(), d.attempts(), error);
  }

  /**
   * The wait after failed attempt number {@code attempt}: {@code base x 2^(attempt-1)}, at most
   * {@code max}, of which the upper half is drawn at random so that deliveries that failed together
   * (the mail server was down) do not all come back at the same instant.
   */
  static Duration backoff(int attempt, Duration baseWait, Duration maxWait, RandomGenerator random) {
    long base = Math.max(1, baseWait.toMillis());
    long max = Math.max(base, maxWait.toMillis());
    long exponential = attempt >= 40 ? max : Math.min(max, base << Math.max(0, attempt - 1));
    long half = exponential / 2;
    return Duration.ofMillis(exponential - half + random.nextLong(half + 1));
  }

  /** An error for the log and the admin pages: the message chain, with any address replaced. */
  static String withoutAddresses(@Nullable Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
      if (!text.isEmpty()) text.append(" <- ");
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) text.append(": ").append(t.getMessage().strip());
    }
    String clean = PHONE.matcher(EMAIL.matcher(text).replaceAll("<address>")).replaceAll("<number>");
    return clean.length() > 1000 ? clean.substring(0, 1000) : clean;
  }
}
