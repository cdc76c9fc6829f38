package org.civic311.identity.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of the staff pages over real HTTP: it keeps its cookies, sends the CSRF token of
 * the last page it read with each form, and does not follow redirects, so tests see them.
 */
public final class StaffBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
  private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private int port;
  private String csrf = "";

  public StaffBrowser(int port) {
    this.port = port;
  }

  /** The same cookies against another app node. */
  StaffBrowser on(int otherPort) {
    StaffBrowser other = new StaffBrowser(otherPort);
    other.cookies.putAll(cookies);
    return other;
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  public HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) csrf = token.group(1);
    return response;
  }

  /** A form POST with the CSRF token of the last page read. */
  public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    Map<String, String> withToken = new LinkedHashMap<>(form);
    withToken.put("_csrf", csrf);
    return postWithoutToken(path, withToken);
  }

  HttpResponse<String> postWithoutToken(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A form POST of an already encoded body (repeated names, e.g. check boxes) with the CSRF token of the last page read. */
  public HttpResponse<String> postMulti(String path, String encodedForm) throws Exception {
    String body = encodedForm + (encodedForm.isEmpty() ? "" : "&") + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Opens the sign-in page and signs in; the answer is the redirect after the form. */
  public HttpResponse<String> signIn(String email, String password) throws Exception {
    get("/staff/login");
    return post("/staff/login", Map.of("email", email, "password", password));
  }

  /** Follows a redirect answer within the app. */
  public HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
    String location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + redirect.statusCode()));
    return get(redirect.uri().resolve(location).toString());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
    }
    request.header("Accept-Language", "en");
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String header : response.headers().allValues("Set-Cookie")) {
      Matcher cookie = SET_COOKIE.matcher(header);
      if (!cookie.find()) continue;
      if (header.contains("Max-Age=0") || cookie.group(2).isEmpty()) cookies.remove(cookie.group(1));
      else cookies.put(cookie.group(1), cookie.group(2));
    }
    return response;
  }

  /** A path on this browser's app node, or an absolute URL (another server, e.g. the sign-on provider). */
  private URI uri(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) return URI.create(path);
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
