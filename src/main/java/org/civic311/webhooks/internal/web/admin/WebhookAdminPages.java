package org.civic311.webhooks.internal.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.civic311.catalog.Catalog;
import org.civic311.webhooks.InvalidWebhook;
import org.civic311.webhooks.RegisteredEndpoint;
import org.civic311.webhooks.WebhookDelivery;
import org.civic311.webhooks.WebhookEndpoint;
import org.civic311.webhooks.WebhookEventTypes;
import org.civic311.webhooks.Webhooks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of webhooks: endpoints with the events they receive, adding one (its signing secret
 * shown once), removing one, and the failed deliveries with a retry. Everything goes through the
 * {@link Webhooks} API, like the command line.
 */
@Controller
@RequestMapping("/staff/admin/webhooks")
class WebhookAdminPages {

  private static final int SHOWN = 50;

  private final Webhooks webhooks;
  private final ZoneId zone;

  WebhookAdminPages(Webhooks webhooks, Catalog catalog) {
    this.webhooks = webhooks;
    this.zone = catalog.jurisdiction().timeZone();
  }

  @GetMapping
  String page(Model model, Locale locale) {
    return page(model, locale, "", Set.of(), "");
  }

  @PostMapping
  String add(
      @RequestParam(defaultValue = "") String url,
      @RequestParam(name = "events", required = false) List<String> events,
      @RequestParam(defaultValue = "") String description,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Set<String> chosen = new LinkedHashSet<>(events == null ? List.of() : events);
    Set<String> types = chosen.isEmpty() ? Set.of(WebhookEventTypes.ALL) : chosen;
    try {
      URI address = new URI(url.strip());
      RegisteredEndpoint registered = webhooks.register(address, types, description.strip());
      model.addAttribute("secret", registered.secret());
      model.addAttribute("added", registered.endpoint().url().toString());
      return page(model, locale, "", Set.of(), "");
    } catch (URISyntaxException e) {
      model.addAttribute("problem", "");
    } catch (InvalidWebhook e) {
      model.addAttribute("problem", e.getMessage());
    }
    // Refused: 400 with what was typed.
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return page(model, locale, url, chosen, description);
  }

  @PostMapping("/{id}/remove")
  String remove(@PathVariable String id, RedirectAttributes redirect) {
    if (!webhooks.deactivate(uuid(id))) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    redirect.addFlashAttribute("removed", true);
    return "redirect:/staff/admin/webhooks";
  }

  @PostMapping("/deliveries/{id}/retry")
  String retry(@PathVariable String id, RedirectAttributes redirect) {
    redirect.addFlashAttribute(webhooks.retry(uuid(id)) ? "retried" : "notFound", true);
    return "redirect:/staff/admin/webhooks";
  }

  private String page(Model model, Locale locale, String url, Set<String> events, String description) {
    DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale);
    List<WebhookEndpoint> endpoints = webhooks.endpoints().stream()
        .filter(WebhookEndpoint::active)
        .sorted(Comparator.comparing(WebhookEndpoint::createdAt))
        .toList();
    model.addAttribute("endpoints", endpoints.stream()
        .map(e -> new EndpointRow(e.id().toString(), e.url().toString(), e.eventTypes().contains(WebhookEventTypes.ALL),
            e.eventTypes().stream().sorted().toList(), e.description(), f.format(e.createdAt().atZone(zone))))
        .toList());
    List<WebhookDelivery> failed = webhooks.failedDeliveries(SHOWN);
    model.addAttribute("failed", failed.stream()
        .map(d -> new DeliveryRow(d.id().toString(), d.eventType(), d.requestNumber(), endpointUrl(endpoints, d.endpointId()),
            d.attempts(), d.lastStatusCode(), d.lastError(), f.format(d.nextAttemptAt().atZone(zone)),
            rowState(d, endpoints)))
        .toList());
    model.addAttribute("knownEvents", WebhookEventTypes.known().stream().sorted().toList());
    model.addAttribute("url", url);
    model.addAttribute("events", events);
    model.addAttribute("description", description);
    return "notify-admin/webhooks";
  }

  /** A retry can only reach an endpoint that still exists; the others say why there is no button. */
  private static RowState rowState(WebhookDelivery d, List<WebhookEndpoint> activeEndpoints) {
    if (d.status() == WebhookDelivery.Status.CANCELLED) return RowState.CANCELLED;
    return activeEndpoints.stream().anyMatch(e -> e.id().equals(d.endpointId())) ? RowState.RETRYABLE : RowState.ENDPOINT_REMOVED;
  }

  private String endpointUrl(List<WebhookEndpoint> endpoints, UUID id) {
    return endpoints.stream().filter(e -> e.id().equals(id)).map(e -> e.url().toString()).findFirst()
        .orElseGet(() -> webhooks.endpoint(id).map(e -> e.url().toString()).orElse(id.toString()));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  /** An endpoint as the page shows it. */
  public record EndpointRow(String id, String url, boolean all, List<String> events, String description, String since) {}

  /** What the page offers for a row. */
  public enum RowState {
    /** Failed; its endpoint exists: a Retry button. */
    RETRYABLE,
    /** Failed before its endpoint was removed. */
    ENDPOINT_REMOVED,
    /** Waited when its endpoint was removed; never sent. */
    CANCELLED
  }

  /** A failed or cancelled delivery as the page shows it. */
  public record DeliveryRow(
      String id, String event, String number, String endpoint, int attempts, @Nullable Integer status, @Nullable String error,
      String when, RowState state) {

    public boolean retryable() {
      return state == RowState.RETRYABLE;
    }

    public boolean cancelled() {
      return state == RowState.CANCELLED;
    }
  }
}
