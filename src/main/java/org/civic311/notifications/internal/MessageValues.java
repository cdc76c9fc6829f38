package org.civic311.notifications.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.ServiceCategory;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Location;
import org.civic311.requests.RequestHistory;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The values of a message's variables: from the request itself, or samples for a preview. */
@Component
class MessageValues {

  private final Catalog catalog;
  private final Texts texts;
  private final RequestHistory history;
  private final String publicUrl;

  MessageValues(Catalog catalog, Texts texts, RequestHistory history, @Value("${civic311.public-url}") String publicUrl) {
    this.catalog = catalog;
    this.history = history;
    this.texts = texts;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  String publicUrl() {
    return publicUrl;
  }

  String statusPage(String number) {
    return publicUrl + "/requests/" + number;
  }

  /** The request's page in the staff console: the link of every staff message. */
  String consolePage(String number) {
    return publicUrl + "/staff/requests/" + number;
  }

  String unsubscribeLink(String token, String language) {
    return publicUrl + "/notifications/unsubscribe/" + token + "?lang=" + language;
  }

  String surveyLink(String token) {
    return publicUrl + "/notifications/survey/" + token;
  }

  String confirmLink(String token, String language) {
    return publicUrl + "/notifications/confirm/" + token + "?lang=" + language;
  }

  /**
   * The values for a message about {@code request}.
   *
   * @param statusAfter the stage the event left the request in (the request may have moved on since)
   * @param historyEntryId the entry whose public text is the message
   */
  Map<String, String> of(
      NotificationEvent event,
      ServiceRequestDetails request,
      String language,
      @Nullable Status statusAfter,
      @Nullable Long historyEntryId,
      @Nullable String confirmLink) {
    Map<String, String> values = new HashMap<>();
    String number = request.number().value();
    // In the message's language: a Spanish email names the category and its notice as the city translated them.
    @Nullable ServiceCategory category = catalog.categoryIncludingInactive(request.categoryCode())
        .map(c -> c.localized(Locale.forLanguageTag(language))).orElse(null);
    values.put("number", number);
    values.put("category", category == null ? request.categoryCode() : category.name());
    values.put("status", texts.get(language, "status." + (statusAfter == null ? request.status() : statusAfter).name()));
    values.put("address", address(request.location()));
    values.put("link", event.forStaff() ? consolePage(number) : statusPage(number));
    values.put("expected", request.expectedAt() == null ? "" : date(request.expectedAt(), language));
    values.put("city", catalog.jurisdiction().name());
    if (event.forStaff()) {
      values.put("department", request.departmentCode() == null ? ""
          : catalog.department(request.departmentCode()).map(d -> d.name()).orElse(request.departmentCode()));
      values.put("due", request.expectedAt() == null ? "" : dateTime(request.expectedAt(), language));
      values.put("priority", texts.get(language, "priority." + request.priority().name()));
    }
    String message = "";
    if (event == NotificationEvent.RECEIVED) {
      message = category == null || category.serviceNotice() == null ? "" : category.serviceNotice();
    } else if (historyEntryId != null) {
      // Watchers are staff: they read internal notes too, which the request's public history leaves out.
      HistoryEntry entry = event == NotificationEvent.WATCHED_CHANGE
          ? history.entry(request.number(), historyEntryId).orElse(null)
          : request.history().stream().filter(h -> h.id() == historyEntryId).findFirst().orElse(null);
      if (entry != null) {
        message = entry.text() == null ? "" : entry.text();
        values.put("change", texts.get(language, "change." + entry.kind().name()));
      }
    }
    values.putIfAbsent("change", "");
    values.put("message", message);
    if (request.duplicateOf() != null) {
      values.put("parent", request.duplicateOf().value());
      values.put("parentLink", statusPage(request.duplicateOf().value()));
    }
    if (confirmLink != null) values.put("confirmLink", confirmLink);
    return values;
  }

  /** Values that look like a real request, for previews. */
  Map<String, String> sample(NotificationEvent event, String language) {
    boolean es = language.equals("es");
    Map<String, String> values = new HashMap<>();
    values.put("number", "2026-000123");
    values.put("category", es ? "Bache" : "Pothole");
    values.put("status", texts.get(language, "status." + switch (event) {
      case RECEIVED, REOPENED, FOLLOW_CONFIRMATION -> "NEW";
      case ACKNOWLEDGED, PUBLIC_UPDATE -> "ACKNOWLEDGED";
      case ASSIGNED -> "ASSIGNED";
      case WORK_STARTED -> "IN_PROGRESS";
      case RESOLVED -> "RESOLVED";
      case CLOSED, MERGED -> "CLOSED";
      case OVERDUE, SLA_WARNING, SLA_BREACHED, WATCHED_CHANGE -> "ASSIGNED";
    }));
    values.put("address", "200 N Spring St");
    values.put("link", event.forStaff() ? consolePage("2026-000123") : statusPage("2026-000123"));
    values.put("expected", date(Instant.parse("2026-11-25T17:00:00Z"), language));
    values.put("due", dateTime(Instant.parse("2026-11-25T17:00:00Z"), language));
    values.put("department", es ? "Obras Públicas" : "Public Works");
    values.put("priority", texts.get(language, "priority." + (event == NotificationEvent.SLA_BREACHED ? "HIGH" : "NORMAL")));
    values.put("change", texts.get(language, "change.INTERNAL_NOTE"));
    values.put("city", catalog.jurisdiction().name());
    values.put("message", es ? "El equipo rellenó el bache esta mañana." : "The crew filled the pothole this morning.");
    values.put("parent", "2026-000101");
    values.put("parentLink", statusPage("2026-000101"));
    if (event == NotificationEvent.MERGED) values.put("yourReport", "yes");
    values.put("confirmLink", confirmLink("00000000-0000-0000-0000-000000000000.sample", language));
    if (event == NotificationEvent.RESOLVED || event == NotificationEvent.CLOSED) {
      // As long as a real one: the request number, a dot and 22 characters of signature.
      values.put("surveyLink", surveyLink("2026-000123.SampleSignature0123456"));
    }
    return values;
  }

  String sampleUnsubscribeLink(String language) {
    return unsubscribeLink("2026-000123.sample", language);
  }

  private String dateTime(Instant at, String language) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(Locale.forLanguageTag(language))
        .format(at.atZone(catalog.jurisdiction().timeZone()));
  }

  private String date(Instant at, String language) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(Locale.forLanguageTag(language))
        .format(at.atZone(catalog.jurisdiction().timeZone()));
  }

  private static String address(Location location) {
    if (location.address() != null && !location.address().isBlank()) return location.address();
    if (location.hasPoint()) return String.format(Locale.ROOT, "%.5f, %.5f", location.latitude(), location.longitude());
    return "";
  }
}
