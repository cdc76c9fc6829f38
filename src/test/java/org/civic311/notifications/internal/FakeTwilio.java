package org.civic311.notifications.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server with the shape of Twilio's Messages resource: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json}, HTTP basic auth with the account SID and auth
 * token, form fields {@code To}, {@code From} and {@code Body}; it answers 201 with a JSON message
 * resource (its {@code sid}), or what a test told it to answer for one number (500, 429, 400 with
 * Twilio's error document).
 */
final class FakeTwilio {

  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
  static final String FROM = "+12135550100";

  /** One request the server took, and what it answered. */
  record Call(String to, String from, String body, int status, String sid) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Runnable> whileAnswering = new ConcurrentHashMap<>();

  FakeTwilio() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next answers for messages to {@code to}, in order; after them, 201. */
  void answer(String to, Integer... statuses) {
    scripted.computeIfAbsent(to, k -> new ArrayDeque<>()).addAll(List.of(statuses));
  }

  /** Runs before each answer to {@code to}: a slow Twilio, seen through the test's clock. */
  void whileAnswering(String to, Runnable action) {
    whileAnswering.put(to, action);
  }

  /** How many messages Twilio took (answered 201) for any of these numbers. */
  long deliveredCount(java.util.Set<String> to) {
    return calls.stream().filter(c -> c.status() == 201 && to.contains(c.to())).count();
  }

  List<Call> callsTo(String to) {
    return calls.stream().filter(c -> c.to().equals(to)).toList();
  }

  /** The messages Twilio took for {@code to} (answered 201). */
  List<String> delivered(String to) {
    return callsTo(to).stream().filter(c -> c.status() == 201).map(Call::body).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("POST") || !path.equals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")) {
        respond(exchange, 404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
        return;
      }
      String expectedAuth = "Basic " + Base64.getEncoder()
          .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
      if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
        return;
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")
          || !form.containsKey("To") || !form.containsKey("Body") || !FROM.equals(form.get("From"))) {
        respond(exchange, 400, "{\"code\":21604,\"message\":\"A 'To', 'From' and 'Body' are required.\",\"status\":400}");
        return;
      }
      String to = form.get("To");
      Runnable slow = whileAnswering.get(to);
      if (slow != null) slow.run();
      Deque<Integer> script = scripted.get(to);
      Integer status = script == null ? null : script.poll();
      int answer = status == null ? 201 : status;
      String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
      calls.add(new Call(to, form.get("From"), form.get("Body"), answer, sid));
      switch (answer) {
        case 201 -> respond(exchange, 201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT_SID
            + "\",\"status\":\"queued\",\"num_segments\":\"1\",\"error_code\":null}");
        case 400 -> respond(exchange, 400, "{\"code\":21211,\"message\":\"The 'To' number " + to
            + " is not a valid phone number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");
        case 429 -> respond(exchange, 429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
        default -> respond(exchange, answer, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":" + answer + "}");
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, String> parse(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0) continue;
      form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }
}
