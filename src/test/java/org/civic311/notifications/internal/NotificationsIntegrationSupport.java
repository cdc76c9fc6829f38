package org.civic311.notifications.internal;

import org.civic311.MovableClock;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.TestReports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every notification test: the app on a random port, the delivery worker on,
 * a real SMTP server (GreenMail) the tests stop and start, and a clock the tests move to drive
 * backoff and leases. Each test writes to addresses of its own so tests do not see each other's mail.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "civic311.notifications.delivery.enabled=true",
      "civic311.notifications.delivery.poll-interval=100ms",
      "civic311.notifications.delivery.max-attempts=4",
      "civic311.notifications.delivery.backoff-base=1m",
      "civic311.notifications.delivery.backoff-max=10m",
      "civic311.notifications.delivery.lease=5m",
      "civic311.notifications.email.from=City of Springfield <311@springfield.example.gov>",
      "civic311.public-url=https://311.springfield.example.gov",
      "civic311.notifications.sms.enabled=true",
      "civic311.notifications.sms.account-sid=" + FakeTwilio.ACCOUNT_SID,
      "civic311.notifications.sms.auth-token=" + FakeTwilio.AUTH_TOKEN,
      "civic311.notifications.sms.from=" + FakeTwilio.FROM
    })
@Import(MovableClock.AsApplicationClock.class)
abstract class NotificationsIntegrationSupport {

  static final int SMTP_PORT = freePort();
  static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final FakeTwilio TWILIO = new FakeTwilio();

  static {
    SMTP.start();
  }

  /** Longer than any backoff, so every failed delivery is due again after it. */
  static final Duration PAST_ANY_BACKOFF = Duration.ofMinutes(11);

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("civic311.notifications.sms.base-url", TWILIO::baseUrl);
  }

  @Autowired ServiceRequests requests;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;
  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  private static final java.util.concurrent.atomic.AtomicInteger PHONES =
      new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(5000));

  /** A US number nobody else in the run uses, as a resident might type it, and in E.164. */
  static String[] uniquePhone() {
    int n = PHONES.incrementAndGet() % 10_000;
    String line = String.format("%04d", n);
    return new String[] {"(415) 555-" + line, "+1415555" + line};
  }

  static String uniqueAddress(String domain) {
    return "r" + UUID.randomUUID().toString().substring(0, 12) + "@" + domain;
  }

  RequestNumber submit(String email, String language) {
    return submit(email, null, false, language);
  }

  RequestNumber submit(String email, String phone, boolean smsConsent, String language) {
    return requests.submit(TestReports.pothole(new Reporter("Ana", "Lopez", email, phone, null, null, smsConsent, language)))
        .number();
  }

  static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  static List<MimeMessage> awaitMail(String address, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).size() >= count);
    return mailTo(address);
  }

  static String part(MimeMessage message, String type) {
    try {
      MimeMultipart alternatives = (MimeMultipart) message.getContent();
      for (int i = 0; i < alternatives.getCount(); i++) {
        BodyPart part = alternatives.getBodyPart(i);
        if (part.isMimeType(type)) return (String) part.getContent();
      }
      throw new AssertionError("No " + type + " part");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, ", ");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The path and query of the first link to {@code prefix} in a text. */
  static String linkPath(String text, String prefix) {
    int start = text.indexOf(prefix);
    if (start < 0) throw new AssertionError("No link to " + prefix + " in: " + text);
    int end = start;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>') end++;
    return URI.create(text.substring(start, end)).getRawPath() + "?" + URI.create(text.substring(start, end)).getRawQuery();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  long deliveries(RequestNumber number) {
    return jdbc.sql("SELECT count(*) FROM notifications.delivery WHERE request_number = ?")
        .param(number.value()).query(Long.class).single();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
