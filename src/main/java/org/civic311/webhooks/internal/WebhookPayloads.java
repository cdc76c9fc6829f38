package org.civic311.webhooks.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestSubmitted;
import org.civic311.requests.ServiceRequestsMerged;
import org.civic311.requests.Status;
import org.civic311.webhooks.WebhookEventTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON documents sent to endpoints, built from the event alone: public facts about the request and
 * the change, never the reporter's contact or the text of internal notes. docs/webhooks.md shows them.
 */
final class WebhookPayloads {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One event, ready to be written once per endpoint with that delivery's id. */
  record Event(String key, String type, String requestNumber, Map<String, Object> body) {

    String bodyFor(UUID deliveryId) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("id", deliveryId.toString());
      document.putAll(body);
      return JSON.writeValueAsString(document);
    }
  }

  static Event submitted(ServiceRequestSubmitted e, String jurisdictionId, String publicUrl) {
    String type = WebhookEventTypes.of(HistoryEntry.Kind.SUBMITTED);
    Map<String, Object> request = request(e.number().value(), e.categoryCode(), e.departmentCode(), Status.NEW, null);
    request.put("channel", e.channel().code());
    return new Event(
        "submitted:" + e.number().value(), type, e.number().value(), envelope(type, e.at(), jurisdictionId, request, null, publicUrl, e.number().value()));
  }

  static Event changed(ServiceRequestChanged e, String jurisdictionId, String publicUrl) {
    String type = WebhookEventTypes.of(e.kind());
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
    change.put("public", e.publicChange());
    change.put("history_entry_id", e.historyEntryId());
    return new Event(
        "change:" + e.historyEntryId(),
        type,
        e.number().value(),
        envelope(type, e.at(), jurisdictionId, request(e.number().value(), e.categoryCode(), e.departmentCode(), e.to(), e.from()), change, publicUrl, e.number().value()));
  }

  /**
   * The duplicate is the event's request (closed now); {@code merge} names the parent, where the work
   * and the duplicate's followers went.
   */
  static Event merged(ServiceRequestsMerged e, String jurisdictionId, String publicUrl) {
    String type = WebhookEventTypes.MERGED;
    String duplicate = e.duplicate().value();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("service_request_id", duplicate);
    request.put("status", Status.CLOSED.open311());
    request.put("stage", Status.CLOSED.name());
    Map<String, Object> body = envelope(type, e.at(), jurisdictionId, request, null, publicUrl, duplicate);
    Map<String, Object> merge = new LinkedHashMap<>();
    merge.put("duplicate", duplicate);
    merge.put("parent", e.parent().value());
    merge.put("followers_moved", e.followersMoved());
    merge.put("parent_status_page", publicUrl + "/requests/" + e.parent().value());
    Map<String, Object> ordered = new LinkedHashMap<>();
    body.forEach((k, v) -> {
      if (k.equals("links")) ordered.put("merge", merge);
      ordered.put(k, v);
    });
    return new Event("merged:" + duplicate + ":" + e.parent().value(), type, duplicate, ordered);
  }

  private static Map<String, Object> request(
      String number, String category, @Nullable String department, Status stage, @Nullable Status previous) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("service_request_id", number);
    request.put("service_code", category);
    request.put("department", department);
    request.put("status", stage.open311());
    request.put("stage", stage.name());
    if (previous != null) request.put("previous_stage", previous.name());
    return request;
  }

  private static Map<String, Object> envelope(
      String type,
      Instant at,
      String jurisdictionId,
      Map<String, Object> request,
      @Nullable Map<String, Object> change,
      String publicUrl,
      String number) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("occurred_at", at.truncatedTo(ChronoUnit.MILLIS).toString());
    body.put("jurisdiction_id", jurisdictionId);
    body.put("request", request);
    if (change != null) body.put("change", change);
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("status_page", publicUrl + "/requests/" + number);
    links.put("open311", publicUrl + "/open311/v2/requests/" + number + ".json");
    body.put("links", links);
    return body;
  }

  private WebhookPayloads() {}
}
