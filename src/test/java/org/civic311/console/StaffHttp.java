package org.civic311.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of the staff pages over real HTTP for console tests: keeps its cookies, sends the
 * CSRF token of the last page it read with each form POST, and never follows redirects, so tests see
 * them. Form values may repeat (checkbox groups): pass them as a list of pairs.
 */
public final class StaffHttp {

  /**
   * The console admin tests change the catalog and accounts: they share one application of their own
   * ({@code @TestPropertySource(properties = StaffHttp.OWN_APPLICATION)}), so that no other test sees
   * a category they added.
   */
  public static final String OWN_APPLICATION = "spring.application.name=civic311-console-admin-tests";

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
  private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final int port;
  private String csrf = "";

  public StaffHttp(int port) {
    this.port = port;
  }

  /** Signs in and checks it worked. */
  public static StaffHttp signedIn(int port, String email, String password) throws Exception {
    StaffHttp browser = new StaffHttp(port);
    browser.get("/staff/login");
    HttpResponse<String> answer = browser.post("/staff/login", List.of(Map.entry("email", email), Map.entry("password", password)));
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || location.contains("error")) {
      throw new AssertionError("Could not sign in " + email + ": " + answer.statusCode() + " " + location);
    }
    browser.get("/staff");
    return browser;
  }

  public HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) csrf = token.group(1);
    return response;
  }

  public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    return post(path, List.copyOf(form.entrySet()));
  }

  /** A form POST with the CSRF token of the last page read. */
  public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) throws Exception {
    String body =
        java.util.stream.Stream.concat(form.stream(), java.util.stream.Stream.of(Map.entry("_csrf", csrf)))
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Follows a redirect within the app. */
  public HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
    String location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + redirect.statusCode() + " " + redirect.body()));
    return get(redirect.uri().resolve(location).toString());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
    }
    request.header("Accept-Language", "en");
    HttpResponse<String> response = http.send(request.build(), StaffHttp::bodyUnlessStream);
    for (String header : response.headers().allValues("Set-Cookie")) {
      Matcher cookie = SET_COOKIE.matcher(header);
      if (!cookie.find()) continue;
      if (header.contains("Max-Age=0") || cookie.group(2).isEmpty()) cookies.remove(cookie.group(1));
      else cookies.put(cookie.group(1), cookie.group(2));
    }
    return response;
  }

  private URI uri(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) return URI.create(path);
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * The body as text, except for a live page's event stream, which never ends: its answer is the
   * status and headers, with an empty body (the stream carries request numbers only).
   */
  private static HttpResponse.BodySubscriber<String> bodyUnlessStream(HttpResponse.ResponseInfo info) {
    if (!info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    }
    return new HttpResponse.BodySubscriber<>() {
      @Override
      public java.util.concurrent.CompletionStage<String> getBody() {
        return java.util.concurrent.CompletableFuture.completedFuture("");
      }

      @Override
      public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
        subscription.cancel();
      }

      @Override
      public void onNext(List<java.nio.ByteBuffer> item) {}

      @Override
      public void onError(Throwable failure) {}

      @Override
      public void onComplete() {}
    };
  }
}
