package org.civic311.open311.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Department;
import org.civic311.catalog.Question;
import org.civic311.catalog.ServiceCategory;
import org.civic311.open311.internal.Open311Document.Items;
import org.civic311.open311.internal.Open311Document.Node;
import org.civic311.open311.internal.Open311Document.Obj;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.PublicUpdate;
import org.civic311.requests.ServiceRequestDetails;
import org.springframework.stereotype.Component;

/**
 * How catalog entries and requests look in Open311. Built only from public data: a request's reporter
 * is not part of {@link ServiceRequestDetails}, so it cannot leak from here.
 */
@Component
class Open311Representations {

  private final Catalog catalog;

  Open311Representations(Catalog catalog) {
    this.catalog = catalog;
  }

  Open311Document services(List<ServiceCategory> categories) {
    List<Node> services = categories.stream().<Node>map(Open311Representations::service).toList();
    return new Open311Document("services", new Items("service", services));
  }

  private static Obj service(ServiceCategory category) {
    return Obj.builder()
        .text("service_code", category.code())
        .text("service_name", category.name())
        .text("description", category.description())
        .bool("metadata", category.metadata())
        .text("type", category.type().open311())
        .text("keywords", category.keywords())
        .text("group", category.group())
        .build();
  }

  Open311Document definition(ServiceCategory category) {
    List<Node> attributes = category.questions().stream().<Node>map(Open311Representations::attribute).toList();
    return new Open311Document(
        "service_definition",
        Obj.builder().text("service_code", category.code()).node("attributes", new Items("attribute", attributes)).build());
  }

  private static Obj attribute(Question question) {
    var attribute =
        Obj.builder()
            .bool("variable", question.variable())
            .text("code", question.code())
            .text("datatype", question.datatype().open311())
            .bool("required", question.required())
            .text("datatype_description", question.datatypeDescription())
            .number("order", question.order())
            .text("description", question.description());
    if (question.datatype().hasValueList()) {
      List<Node> values =
          question.values().stream()
              .<Node>map(v -> Obj.builder().text("key", v.key()).text("name", v.name()).build())
              .toList();
      attribute.node("values", new Items("value", values));
    }
    return attribute.build();
  }

  Open311Document requests(List<ServiceRequestDetails> requests, boolean extensions) {
    ZoneId zone = catalog.jurisdiction().timeZone();
    List<Node> items = requests.stream().<Node>map(r -> request(r, extensions, zone)).toList();
    return new Open311Document("service_requests", new Items("request", items));
  }

  private Obj request(ServiceRequestDetails request, boolean extensions, ZoneId zone) {
    var category = catalog.category(request.categoryCode());
    var location = request.location();
    var fields =
        Obj.builder()
            .text("service_request_id", request.number().value())
            .text("status", request.status().open311())
            .text("status_notes", request.statusNotes())
            .text("service_name", category.map(ServiceCategory::name).orElse(request.categoryCode()))
            .text("service_code", request.categoryCode())
            .text("description", request.description())
            .text("agency_responsible", agency(request.departmentCode()))
            .text("service_notice", category.map(ServiceCategory::serviceNotice).orElse(null))
            .text("requested_datetime", W3cDates.format(request.requestedAt(), zone))
            .text("updated_datetime", W3cDates.format(request.updatedAt(), zone))
            .text("expected_datetime", W3cDates.format(request.expectedAt(), zone))
            .text("address", location.address())
            .text("address_id", location.addressId())
            .text("zipcode", location.zipcode())
            .number("lat", location.latitude())
            .number("long", location.longitude())
            .text("media_url", request.mediaUrls().isEmpty() ? null : request.mediaUrls().getFirst());
    if (extensions) {
      fields
          .node("attributes", answers(request, category.orElse(null)))
          .node("notes", notes(request.history(), zone))
          .node("extended_attributes", extendedAttributes(request))
          .node("media_urls", Items.ofTexts("media_url", request.mediaUrls()));
    }
    return fields.build();
  }

  private @org.jspecify.annotations.Nullable String agency(@org.jspecify.annotations.Nullable String departmentCode) {
    return departmentCode == null ? null : catalog.department(departmentCode).map(Department::name).orElse(null);
  }

  private static Items answers(ServiceRequestDetails request, @org.jspecify.annotations.Nullable ServiceCategory category) {
    var answers = new ArrayList<Node>();
    for (Map.Entry<String, List<String>> answer : request.answers().entrySet()) {
      String name =
          category == null ? null : category.question(answer.getKey()).map(Question::description).orElse(null);
      answers.add(
          Obj.builder()
              .text("code", answer.getKey())
              .text("name", name)
              .text("value", String.join(",", answer.getValue()))
              .node("values", Items.ofTexts("value", answer.getValue()))
              .build());
    }
    return new Items("attribute", answers);
  }

  private static Items notes(List<HistoryEntry> history, ZoneId zone) {
    List<Node> notes =
        history.stream()
            .filter(HistoryEntry::publicEntry)
            .<Node>map(
                entry ->
                    Obj.builder()
                        .text("datetime", W3cDates.format(entry.at(), zone))
                        .text("type", entry.kind().name().toLowerCase(Locale.ROOT))
                        .text("description", entry.text())
                        .build())
            .toList();
    return new Items("note", notes);
  }

  private static Obj extendedAttributes(ServiceRequestDetails request) {
    boolean duplicate =
        request.duplicateOf() != null || request.closeReason() == org.civic311.requests.CloseReason.DUPLICATE;
    return Obj.builder()
        .text("channel", request.channel().code())
        .bool("duplicate", duplicate)
        .text("parent_service_request_id", request.duplicateOf() == null ? null : request.duplicateOf().value())
        .number("followers", request.followers())
        .build();
  }

  Open311Document updates(List<PublicUpdate> updates) {
    ZoneId zone = catalog.jurisdiction().timeZone();
    List<Node> items =
        updates.stream()
            .<Node>map(
                update ->
                    Obj.builder()
                        .text("update_id", Long.toString(update.updateId()))
                        .text("service_request_id", update.number().value())
                        .text("status", ExtendedStatus.of(update).open311())
                        .text("updated_datetime", W3cDates.format(update.at(), zone))
                        .text("description", update.description())
                        .text("media_url", null)
                        .build())
            .toList();
    return new Open311Document("service_request_updates", new Items("request_update", items));
  }
}
