package org.civic311.console.internal.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member's browser over real HTTP for console tests: keeps cookies, sends the CSRF token of the
 * last page read with every form (URL-encoded or multipart), does not follow redirects.
 */
public final class ConsoleHttp {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
  private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final int port;
  private String csrf = "";

  public ConsoleHttp(int port) {
    this.port = port;
  }

  public static ConsoleHttp signedIn(int port, String email, String password) throws Exception {
    ConsoleHttp browser = new ConsoleHttp(port);
    browser.get("/staff/login");
    HttpResponse<String> answer = browser.post("/staff/login", Map.of("email", email, "password", password));
    if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
      throw new AssertionError("Sign-in of " + email + " failed: " + answer.statusCode() + " " + answer.headers().map());
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

  /** A URL-encoded form POST; repeated names come from list values. */
  public HttpResponse<String> post(String path, Map<String, ?> form) throws Exception {
    StringBuilder body = new StringBuilder();
    Map<String, Object> withToken = new LinkedHashMap<>(form);
    withToken.put("_csrf", csrf);
    withToken.forEach(
        (name, value) -> {
          List<?> values = value instanceof List<?> list ? list : List.of(value);
          for (Object v : values) {
            if (!body.isEmpty()) body.append('&');
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
          }
        });
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A multipart POST with text fields and at most one file, as a phone's "done" form sends it. */
  public HttpResponse<String> postMultipart(
      String path, Map<String, String> fields, String fileField, byte[] file, String fileName, boolean json) throws Exception {
    String boundary = "----civic311" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.put("_csrf", csrf);
    for (var field : withToken.entrySet()) {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue() + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    if (file != null) {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(file);
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    if (json) request.header("Accept", "application/json");
    return send(request);
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

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
