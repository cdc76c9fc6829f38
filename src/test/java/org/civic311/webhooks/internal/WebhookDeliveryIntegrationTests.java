package org.civic311.webhooks.internal;

import org.civic311.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civic311.requests.Actor;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.webhooks.InvalidWebhook;
import org.civic311.webhooks.RegisteredEndpoint;
import org.civic311.webhooks.WebhookDelivery;
import org.civic311.webhooks.Webhooks;
import org.civic311.requests.TestReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deliveries to a real HTTP receiver started by the test; time moves with a clock the test holds. */
@SpringBootTest(properties = "civic311.webhooks.sender-enabled=false")
@Import(MovableClock.AsApplicationClock.class)
class WebhookDeliveryIntegrationTests {

  record Received(Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  @Autowired Webhooks webhooks;
  @Autowired WebhookSender sender;
  @Autowired WebhookRecorder recorder;
  @Autowired ServiceRequests requests;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> answers = new ArrayDeque<>();
  private URI url;
  private final List<UUID> registered = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
      Integer status;
      synchronized (answers) {
        status = answers.isEmpty() ? 200 : answers.poll();
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    registered.forEach(webhooks::deactivate);
  }

  private RegisteredEndpoint register(String... types) {
    RegisteredEndpoint endpoint = webhooks.register(url, Set.of(types), "work orders");
    registered.add(endpoint.endpoint().id());
    return endpoint;
  }

  private RequestNumber submitPothole() {
    return submitPothole(new Reporter("Ana", "Lopez", "ana.lopez@example.org", "555-0100", null, null));
  }

  private RequestNumber submitPothole(Reporter reporter) {
    return requests.submit(TestReports.pothole(reporter)).number();
  }

  private List<WebhookDelivery> deliveriesFor(RegisteredEndpoint endpoint, int atLeast) {
    await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.deliveries(endpoint.endpoint().id(), 100).size() >= atLeast);
    return webhooks.deliveries(endpoint.endpoint().id(), 100);
  }

  private int outboxRows() {
    return jdbc.sql("SELECT count(*) FROM event_publication").query(Integer.class).single();
  }

  @Test
  void a_city_without_webhooks_stores_nothing_in_the_outbox_for_an_anonymous_report() {
    int before = outboxRows();
    submitPothole(Reporter.ANONYMOUS);
    submitPothole(new Reporter("Ana", "Lopez", null, null, null, null));
    assertThat(outboxRows()).as("no endpoint wants it and there is no one to write to: no publication").isEqualTo(before);
  }

  @Test
  void a_signed_document_with_public_facts_only_reaches_the_endpoint() {
    RegisteredEndpoint endpoint = register("request.submitted");
    RequestNumber number = submitPothole();
    WebhookDelivery pending = deliveriesFor(endpoint, 1).getFirst();
    assertThat(pending.status()).isEqualTo(WebhookDelivery.Status.PENDING);

    assertThat(sender.sendDue()).isEqualTo(1);

    assertThat(received).singleElement().satisfies(r -> {
      long timestamp = Long.parseLong(r.header("Civic311-Timestamp"));
      assertThat(WebhookSignature.verify(endpoint.secret(), timestamp, r.body(), r.header("Civic311-Signature")))
          .as("signature checks out with the secret shown at registration")
          .isTrue();
      assertThat(r.header("Civic311-Delivery")).isEqualTo(pending.id().toString());
      assertThat(r.header("Civic311-Event")).isEqualTo("request.submitted");
      JsonNode json = JsonMapper.builder().build().readTree(r.body());
      assertThat(json.get("id").asString()).isEqualTo(pending.id().toString());
      assertThat(json.get("type").asString()).isEqualTo("request.submitted");
      assertThat(json.get("request").get("service_request_id").asString()).isEqualTo(number.value());
      assertThat(json.get("request").get("service_code").asString()).isEqualTo("POTHOLE");
      assertThat(json.get("request").get("status").asString()).isEqualTo("open");
      assertThat(r.body()).doesNotContain("ana.lopez", "Lopez", "555-0100");
    });
    assertThat(webhooks.deliveries(endpoint.endpoint().id(), 10))
        .singleElement()
        .satisfies(d -> {
          assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
          assertThat(d.lastStatusCode()).isEqualTo(200);
        });
  }

  @Test
  void an_endpoint_gets_only_the_event_types_it_asked_for() {
    RegisteredEndpoint endpoint = register("request.resolved");
    RequestNumber number = submitPothole();
    requests.change(number, new RequestChange.AddInternalNote("crew says tomorrow"), Actor.staff("dispatcher"));
    requests.change(number, new RequestChange.Resolve("Filled the pothole"), Actor.staff("crew"));
    assertThat(deliveriesFor(endpoint, 1)).singleElement().satisfies(d -> assertThat(d.eventType()).isEqualTo("request.resolved"));
    sender.sendDue();
    assertThat(received).singleElement().satisfies(r -> assertThat(r.body())
        .contains("\"stage\":\"RESOLVED\"", "\"previous_stage\":\"NEW\"")
        .doesNotContain("Filled the pothole", "crew says tomorrow"));
  }

  @Test
  void a_receiver_that_fails_gets_the_same_delivery_again_later_with_the_same_id() {
    RegisteredEndpoint endpoint = register("*");
    submitPothole();
    WebhookDelivery delivery = deliveriesFor(endpoint, 1).getFirst();
    answers.add(500);

    sender.sendDue();
    WebhookDelivery afterFailure = webhooks.deliveries(endpoint.endpoint().id(), 10).getFirst();
    assertThat(afterFailure.status()).isEqualTo(WebhookDelivery.Status.PENDING);
    assertThat(afterFailure.attempts()).isEqualTo(1);
    assertThat(afterFailure.lastStatusCode()).isEqualTo(500);
    assertThat(afterFailure.lastError()).contains("HTTP 500");
    assertThat(sender.sendDue()).as("not due before its backoff").isZero();

    clock.advance(Duration.ofSeconds(13));
    sender.sendDue();
    assertThat(received).hasSize(2).extracting(r -> r.header("Civic311-Delivery")).containsOnly(delivery.id().toString());
    assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
    assertThat(webhooks.deliveries(endpoint.endpoint().id(), 10).getFirst().status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
  }

  @Test
  void after_24_hours_of_refusals_a_delivery_is_failed_and_an_admin_can_send_it_again() {
    RegisteredEndpoint endpoint = register("request.submitted");
    submitPothole();
    WebhookDelivery delivery = deliveriesFor(endpoint, 1).getFirst();
    for (int i = 0; i < 60; i++) answers.add(503);

    for (int i = 0; i < 60 && webhooks.failedDeliveries(100).stream().noneMatch(d -> d.id().equals(delivery.id())); i++) {
      sender.sendDue();
      clock.advance(Duration.ofMinutes(75));
    }
    WebhookDelivery failed =
        webhooks.failedDeliveries(100).stream().filter(d -> d.id().equals(delivery.id())).findFirst().orElseThrow();
    assertThat(failed.lastError()).contains("HTTP 503");
    assertThat(failed.attempts()).isBetween(10, 40);
    int attempts = received.size();

    synchronized (answers) {
      answers.clear();
    }
    assertThat(webhooks.retry(delivery.id())).isTrue();
    sender.sendDue();
    assertThat(received).hasSize(attempts + 1);
    assertThat(received.getLast().header("Civic311-Delivery")).isEqualTo(delivery.id().toString());
    assertThat(webhooks.retry(delivery.id())).as("only failed deliveries are retried").isFalse();
  }

  @Test
  void removing_an_endpoint_cancels_what_waited_for_it_keeps_its_history_and_never_sends_it() {
    RegisteredEndpoint endpoint = register("*");
    submitPothole();
    WebhookDelivery waiting = deliveriesFor(endpoint, 1).getFirst();
    answers.add(503);
    sender.sendDue();

    assertThat(webhooks.deactivate(endpoint.endpoint().id())).isTrue();
    assertThat(webhooks.deliveries(endpoint.endpoint().id(), 10)).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(waiting.id());
      assertThat(d.status()).isEqualTo(WebhookDelivery.Status.CANCELLED);
      assertThat(d.attempts()).as("its attempt is kept").isEqualTo(1);
      assertThat(d.lastStatusCode()).isEqualTo(503);
    });
    assertThat(webhooks.failedDeliveries(1000)).filteredOn(d -> d.id().equals(waiting.id()))
        .singleElement().extracting(WebhookDelivery::status).isEqualTo(WebhookDelivery.Status.CANCELLED);
    assertThat(webhooks.retry(waiting.id())).isFalse();

    clock.advance(Duration.ofHours(1));
    assertThat(sender.sendDue()).isZero();
    assertThat(received).as("only the attempt before the removal").hasSize(1);
  }

  @Test
  void a_merge_reaches_the_endpoint_once_with_the_duplicate_and_the_parent() {
    RegisteredEndpoint endpoint = register("request.merged");
    RequestNumber duplicate = submitPothole();
    RequestNumber parent = submitPothole();
    requests.change(duplicate, new RequestChange.MarkDuplicate(parent), Actor.staff("dispatcher"));
    assertThat(deliveriesFor(endpoint, 1)).singleElement().satisfies(d -> assertThat(d.eventType()).isEqualTo("request.merged"));
    // The bean itself, not its asynchronous proxy: the repeat is done when the sender runs.
    WebhookRecorder direct = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(recorder);
    direct.on(new org.civic311.requests.ServiceRequestsMerged(duplicate, parent, 1, clock.instant()));

    sender.sendDue();
    assertThat(received).singleElement().satisfies(r -> {
      assertThat(r.header("Civic311-Event")).isEqualTo("request.merged");
      JsonNode json = JsonMapper.builder().build().readTree(r.body());
      assertThat(json.get("type").asString()).isEqualTo("request.merged");
      assertThat(json.get("request").get("service_request_id").asString()).isEqualTo(duplicate.value());
      assertThat(json.get("request").get("status").asString()).isEqualTo("closed");
      assertThat(json.get("merge").get("duplicate").asString()).isEqualTo(duplicate.value());
      assertThat(json.get("merge").get("parent").asString()).isEqualTo(parent.value());
      assertThat(json.get("merge").get("followers_moved").asInt()).isEqualTo(1);
      assertThat(r.body()).doesNotContain("ana.lopez", "Lopez", "555-0100");
    });
    assertThat(webhooks.deliveries(endpoint.endpoint().id(), 10)).as("the outbox delivering it again adds nothing").hasSize(1);
  }

  @Test
  void an_event_the_outbox_delivers_twice_makes_one_delivery() {
    RegisteredEndpoint endpoint = register("request.put_on_hold");
    RequestNumber number = submitPothole();
    requests.change(number, new RequestChange.PutOnHold("waiting for the gas company"), Actor.staff("dispatcher"));
    deliveriesFor(endpoint, 1);
    var event = jdbc.sql("SELECT max(id) FROM requests.history_entry").query(Long.class).single();
    var again =
        new org.civic311.requests.ServiceRequestChanged(
            number, "POTHOLE", "PW", org.civic311.requests.HistoryEntry.Kind.PUT_ON_HOLD,
            org.civic311.requests.Status.NEW, org.civic311.requests.Status.ON_HOLD, true, event, clock.instant());
    recorder.on(again);
    recorder.on(again);
    assertThat(webhooks.deliveries(endpoint.endpoint().id(), 10)).hasSize(1);
  }

  @Test
  void a_node_that_died_mid_send_leaves_its_deliveries_to_another_after_the_lease() {
    RegisteredEndpoint endpoint = register("request.submitted");
    submitPothole();
    WebhookDelivery delivery = deliveriesFor(endpoint, 1).getFirst();
    var store = new WebhookStore(jdbc);
    Instant now = clock.instant();
    assertThat(store.claimDue(now, now.plus(Duration.ofSeconds(60)), 50)).extracting(WebhookStore.Claimed::id).contains(delivery.id());
    assertThat(sender.sendDue()).as("held by the node that died").isZero();

    clock.advance(Duration.ofSeconds(61));
    sender.sendDue();
    assertThat(received).extracting(r -> r.header("Civic311-Delivery")).containsExactly(delivery.id().toString());
  }

  @Test
  void an_endpoint_must_be_an_http_address_asking_for_known_events() {
    assertThatThrownBy(() -> webhooks.register(URI.create("ftp://files.example.gov/x"), Set.of("*"), ""))
        .isInstanceOf(InvalidWebhook.class)
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> webhooks.register(url, Set.of("request.exploded"), ""))
        .isInstanceOf(InvalidWebhook.class)
        .hasMessageContaining("Unknown event type 'request.exploded'")
        .hasMessageContaining("request.resolved");
    assertThatThrownBy(() -> webhooks.register(URI.create("https://user:pw@example.gov/x"), Set.of("*"), ""))
        .isInstanceOf(InvalidWebhook.class)
        .hasMessageContaining("signed instead");
  }
}
