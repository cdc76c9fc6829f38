package org.civic311.portal.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.ServiceCategory;
import org.civic311.portal.internal.PortalProperties;
import org.civic311.requests.RequestPage;
import org.civic311.requests.RequestQuery;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public map and list of recent requests. The list is the page: a plain GET form of filters and
 * a table that carries everything the map shows, with pages. The map is drawn by a script from the
 * JSON of the same filtered requests and is never needed.
 */
@Controller
class MapController {

  static final int PAGE_SIZE = 25;
  /** The map shows at most this many of the newest matching requests. */
  static final int MAP_LIMIT = 500;

  private final ServiceRequests requests;
  private final Catalog catalog;
  private final MessageSource messages;
  private final PortalProperties portal;

  MapController(ServiceRequests requests, Catalog catalog, MessageSource messages, PortalProperties portal) {
    this.requests = requests;
    this.catalog = catalog;
    this.messages = messages;
    this.portal = portal;
  }

  /** The filters as typed, and what they mean once checked. */
  record Filters(String category, String status, String from, String to, String bbox, int page) {

    static Filters of(String category, String status, String from, String to, String bbox, String page) {
      int number = 1;
      try {
        number = Math.max(1, Math.min(10_000, Integer.parseInt(page.strip())));
      } catch (NumberFormatException ignored) {
        // A page that is not a number is the first page.
      }
      return new Filters(cut(category), cut(status), cut(from), cut(to), cut(bbox), number);
    }

    private static String cut(String value) {
      return value.length() > 100 ? value.substring(0, 100) : value;
    }
  }

  @GetMapping({"/map", "/requests"})
  String map(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "") String bbox, @RequestParam(defaultValue = "1") String page, Locale locale,
      Model model, HttpServletResponse response) {
    Filters filters = Filters.of(category, status, from, to, bbox, page);
    var errors = new FieldErrors(messages, locale);
    RequestQuery query = query(filters, filters.page(), PAGE_SIZE, errors);
    List<Row> rows = List.of();
    boolean hasMore = false;
    if (errors.isEmpty()) {
      RequestPage found = requests.search(query);
      rows = found.requests().stream().map(r -> row(r, locale)).toList();
      hasMore = found.hasMore();
    } else {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    List<ServiceCategory> categories = catalog.categories().stream().map(c -> c.localized(locale)).toList();
    model.addAttribute("categories", categories);
    model.addAttribute("filters", filters);
    model.addAttribute("errors", errors.asMap());
    model.addAttribute("errorList", errors.all());
    model.addAttribute("rows", rows);
    model.addAttribute("page", filters.page());
    model.addAttribute("previousUrl", filters.page() > 1 ? pageUrl(filters, filters.page() - 1) : null);
    model.addAttribute("nextUrl", hasMore ? pageUrl(filters, filters.page() + 1) : null);
    model.addAttribute("jsonUrl", link("/map/requests.json", filters, null));
    model.addAttribute("mapTiles", portal.mapTileUrl());
    model.addAttribute("mapAttribution", portal.mapAttribution());
    var bounds = catalog.jurisdiction().bounds();
    model.addAttribute("mapCenter", bounds == null ? "34.05,-118.24"
        : ((bounds.south() + bounds.north()) / 2) + "," + ((bounds.west() + bounds.east()) / 2));
    return "portal/map";
  }

  /** The map's data: the newest matching requests with public fields only (no description, no contact). */
  @GetMapping("/map/requests.json")
  @ResponseBody
  ResponseEntity<Map<String, Object>> json(@RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String bbox, Locale locale) {
    Filters filters = Filters.of(category, status, from, to, bbox, "1");
    var errors = new FieldErrors(messages, locale);
    RequestQuery query = query(filters, 1, MAP_LIMIT, errors);
    var body = new LinkedHashMap<String, Object>();
    if (!errors.isEmpty()) {
      body.put("errors", errors.asMap());
      return ResponseEntity.badRequest().body(body);
    }
    RequestPage found = requests.search(query);
    body.put("requests", found.requests().stream().map(r -> row(r, locale)).map(Row::json).toList());
    body.put("more", found.hasMore());
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
  }

  /** One request as the list and the map show it. */
  record Row(String number, String url, String category, String stage, boolean open, String openText,
      @Nullable String address, @Nullable Double latitude, @Nullable Double longitude, String submitted,
      String submittedIso) {

    Map<String, Object> json() {
      var json = new LinkedHashMap<String, Object>();
      json.put("number", number);
      json.put("url", url);
      json.put("category", category);
      json.put("stage", stage);
      json.put("status", open ? "open" : "closed");
      json.put("status_text", openText);
      json.put("address", address);
      json.put("lat", latitude);
      json.put("long", longitude);
      json.put("submitted", submitted);
      json.put("requested_datetime", submittedIso);
      return json;
    }
  }

  private Row row(ServiceRequestDetails request, Locale locale) {
    ZoneId zone = catalog.jurisdiction().timeZone();
    return new Row(
        request.number().value(),
        "/requests/" + request.number().value(),
        StatusViews.categoryName(catalog, request.categoryCode(), locale),
        messages.getMessage(StatusViews.stageKey(request), null, locale),
        request.status().isOpen(),
        messages.getMessage(request.status().isOpen() ? "portal.track.open" : "portal.track.closed", null, locale),
        request.location().address(),
        request.location().latitude(),
        request.location().longitude(),
        StatusViews.date(request.requestedAt(), zone, locale),
        request.requestedAt().toString());
  }

  private RequestQuery query(Filters filters, int page, int pageSize, FieldErrors errors) {
    ZoneId zone = catalog.jurisdiction().timeZone();
    List<String> codes = List.of();
    if (!filters.category().isBlank()) {
      if (catalog.categoryIncludingInactive(filters.category()).isEmpty()) errors.add("category", "portal.map.error.category");
      else codes = List.of(filters.category());
    }
    Set<String> openClosed = Set.of();
    switch (filters.status()) {
      case "" -> {}
      case "open", "closed" -> openClosed = Set.of(filters.status());
      default -> errors.add("status", "portal.map.error.status");
    }
    LocalDate fromDate = date(filters.from(), "from", errors);
    LocalDate toDate = date(filters.to(), "to", errors);
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) errors.add("to", "portal.map.error.order");
    Instant submittedFrom = fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant();
    // "To" is the whole day: everything before the next day starts.
    Instant submittedTo = toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);
    RequestQuery.BoundingBox area = box(filters.bbox(), errors);
    return new RequestQuery(List.of(), codes, openClosed, submittedFrom, submittedTo, null, null, area, null, page,
        pageSize, false);
  }

  private static @Nullable LocalDate date(String typed, String field, FieldErrors errors) {
    if (typed.isBlank()) return null;
    try {
      LocalDate date = LocalDate.parse(typed.strip());
      if (date.getYear() < 1900 || date.getYear() > 9999) throw new DateTimeParseException("out of range", typed, 0);
      return date;
    } catch (DateTimeParseException unreadable) {
      errors.add(field, "portal.map.error.date");
      return null;
    }
  }

  /** An area typed as south,west,north,east in degrees (the map's "this area" button fills it). */
  private static RequestQuery.@Nullable BoundingBox box(String typed, FieldErrors errors) {
    if (typed.isBlank()) return null;
    String[] parts = typed.strip().split("\\s*,\\s*");
    try {
      if (parts.length != 4) throw new NumberFormatException();
      double south = Double.parseDouble(parts[0]);
      double west = Double.parseDouble(parts[1]);
      double north = Double.parseDouble(parts[2]);
      double east = Double.parseDouble(parts[3]);
      if (!(south >= -90 && north <= 90 && south <= north && west >= -180 && east <= 180 && west <= east)) {
        throw new NumberFormatException();
      }
      return new RequestQuery.BoundingBox(south, west, north, east);
    } catch (NumberFormatException unreadable) {
      errors.add("bbox", "portal.map.error.bbox");
      return null;
    }
  }

  private static String pageUrl(Filters filters, int page) {
    return link("/map", filters, page);
  }

  private static String link(String path, Filters filters, @Nullable Integer page) {
    var builder = UriComponentsBuilder.fromPath(path);
    var params = new ArrayList<Map.Entry<String, String>>();
    params.add(Map.entry("category", filters.category()));
    params.add(Map.entry("status", filters.status()));
    params.add(Map.entry("from", filters.from()));
    params.add(Map.entry("to", filters.to()));
    params.add(Map.entry("bbox", filters.bbox()));
    for (var param : params) if (!param.getValue().isBlank()) builder.queryParam(param.getKey(), param.getValue());
    if (page != null && page > 1) builder.queryParam("page", page);
    return builder.encode().build().toUriString();
  }
}
