package org.civic311.console.internal.web.queue;

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
 * A signed-in staff member's browser over real HTTP, without JavaScript: cookies kept, the CSRF token
 * of the last page sent with each form, redirects not followed so tests see them.
 */
final class ConsoleHttp {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
  private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final int port;
  private String csrf = "";

  ConsoleHttp(int port) {
    this.port = port;
  }

  static ConsoleHttp signedIn(int port, String email, String password) throws Exception {
    ConsoleHttp browser = new ConsoleHttp(port);
    browser.get("/staff/login");
    HttpResponse<String> answer = browser.post("/staff/login", Map.of("email", email, "password", password));
    if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
      throw new AssertionError("sign-in failed for " + email + ": " + answer.statusCode());
    }
    return browser;
  }

  HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) csrf = token.group(1);
    return response;
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    return post(path, form.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
  }

  /** A form POST with repeated fields (checkboxes) and the CSRF token of the last page read. */
  HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) throws Exception {
    String body =
        java.util.stream.Stream.concat(fields.stream(), java.util.stream.Stream.of(Map.entry("_csrf", csrf)))
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response = send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) csrf = token.group(1);
    return response;
  }

  HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
    String location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + redirect.statusCode()));
    return get(redirect.uri().resolve(location).toString());
  }

  /** The cookies, for a streaming request made by the test itself. */
  String cookieHeader() {
    return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
  }

  URI uri(String path) {
    if (path.startsWith("http://")) return URI.create(path);
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) request.header("Cookie", cookieHeader());
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

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
