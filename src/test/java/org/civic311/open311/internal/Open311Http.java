package org.civic311.open311.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A plain HTTP client for the running server, as an Open311 client would talk to it. */
final class Open311Http {

  record Part(String name, String fileName, String contentType, byte[] bytes) {}

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Open311Http(int port) {
    this.base = "http://localhost:" + port;
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
  }

  HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> parameters, String... headers)
      throws Exception {
    return postRaw(path, "application/x-www-form-urlencoded; charset=utf-8", encode(parameters).getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> postRaw(String path, String contentType, byte[] body, String... headers) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(BodyPublishers.ofByteArray(body));
    if (headers.length > 0) request.headers(headers);
    return send(request);
  }

  HttpResponse<String> postMultipart(String path, List<Map.Entry<String, String>> parameters, List<Part> parts, String... headers)
      throws Exception {
    String boundary = "----open311" + UUID.randomUUID();
    var body = new ByteArrayOutputStream();
    for (var parameter : parameters) {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + parameter.getKey() + "\"\r\n\r\n");
      write(body, parameter.getValue() + "\r\n");
    }
    for (Part part : parts) {
      write(
          body,
          "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"; filename=\"" + part.fileName()
              + "\"\r\nContent-Type: " + part.contentType() + "\r\n\r\n");
      body.write(part.bytes());
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    return postRaw(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
  }

  static String encode(List<Map.Entry<String, String>> parameters) {
    return parameters.stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
