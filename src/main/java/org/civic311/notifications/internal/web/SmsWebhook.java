package org.civic311.notifications.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.notifications.internal.SmsInbound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhook for text messages residents send to the city's number ({@code POST
 * /notifications/sms/inbound}, form encoded, signed with {@code X-Twilio-Signature}). Public and
 * without CSRF token: Twilio cannot have one; the signature is the check. Answers empty TwiML, so
 * Twilio sends no reply of its own beyond what the carrier requires.
 */
@RestController
class SmsWebhook {

  private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

  private final SmsInbound inbound;

  SmsWebhook(SmsInbound inbound) {
    this.inbound = inbound;
  }

  @PostMapping("/notifications/sms/inbound")
  ResponseEntity<String> receive(HttpServletRequest request) {
    String query = request.getQueryString();
    String path = request.getRequestURI() + (query == null ? "" : "?" + query);
    SmsInbound.Outcome outcome = inbound.receive(path, postParameters(request, query), request.getHeader("X-Twilio-Signature"));
    if (outcome == SmsInbound.Outcome.FORBIDDEN) {
      return ResponseEntity.status(403).contentType(MediaType.TEXT_PLAIN).body("Invalid signature");
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
  }

  /** The form fields of the body: the servlet mixes in the query's parameters, which the URL signs. */
  private static Map<String, List<String>> postParameters(HttpServletRequest request, String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> params.put(name, new ArrayList<>(List.of(values))));
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        List<String> values = params.get(name);
        if (values != null) {
          values.remove(value);
          if (values.isEmpty()) params.remove(name);
        }
      }
    }
    return params;
  }
}
