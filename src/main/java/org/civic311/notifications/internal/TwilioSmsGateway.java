package org.civic311.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends text messages through Twilio's Messages resource ({@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json}, form encoded, HTTP basic auth) with the JDK's
 * HTTP client: the Twilio SDK would bring a second Jackson. A 4xx answer other than 429 is final (the
 * number is invalid, the sender is refused): retrying cannot help. 429, 5xx and network trouble are
 * retried by the worker.
 */
@Component
class TwilioSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(TwilioSmsGateway.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Phone numbers in Twilio's error messages ("The 'To' number +1555... is not valid"). */
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()\\-]{5,}\\d");

  private final NotificationProperties.Sms settings;
  private final HttpClient http;

  TwilioSmsGateway(NotificationProperties properties) {
    this.settings = properties.sms();
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public SmsResult send(String to, String body) {
    if (!settings.usable()) return new Failed(false, "SMS is not configured (account SID, auth token and sender)");
    String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1) : settings.baseUrl();
    String accountSid = settings.accountSid().strip();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", to);
    String from = settings.from().strip();
    form.put(from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
    form.put("Body", body);
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/" + encode(accountSid) + "/Messages.json"))
          .timeout(settings.timeout())
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((accountSid + ":" + settings.authToken().strip()).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
          .build();
    } catch (IllegalArgumentException e) {
      return new Failed(false, "The SMS base URL is not valid: " + e.getMessage());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Failed(true, "Twilio could not be reached: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + withoutNumbers(e.getMessage())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed(true, "Interrupted while sending");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      String sid = field(response.body(), "sid");
      // Twilio took the message; asking again would text the person twice. The SID only helps tracing.
      if (sid == null) log.warn("Twilio answered {} without a message SID; counted as sent", status);
      return new Sent(sid == null ? "unknown" : sid);
    }
    String error = "Twilio answered " + status + describe(response.body());
    boolean retry = status == 429 || status >= 500 || status < 400;
    return new Failed(retry, error);
  }

  /** The provider's code and message, e.g. {@code : error 21211: The 'To' number <number> is not valid}. */
  private static String describe(String body) {
    String code = field(body, "code");
    String message = field(body, "message");
    StringBuilder text = new StringBuilder();
    if (code != null) text.append(": error ").append(code);
    if (message != null) text.append(code == null ? ": " : ": ").append(withoutNumbers(message));
    String s = text.toString();
    return s.length() > 500 ? s.substring(0, 500) : s;
  }

  static String withoutNumbers(String text) {
    return PHONE.matcher(text).replaceAll("<number>");
  }

  private static @Nullable String field(String body, String name) {
    try {
      JsonNode node = JSON.readTree(body).get(name);
      return node == null || node.isNull() ? null : node.asString();
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
