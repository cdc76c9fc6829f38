package org.civic311.notifications.internal.web.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.civic311.catalog.Catalog;
import org.civic311.notifications.Deliveries;
import org.civic311.notifications.Delivery;
import org.civic311.notifications.DeliveryId;
import org.civic311.notifications.DeliveryState;
import org.civic311.notifications.DeliveryNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of deliveries: how many are in each state, the failed ones with their error and a
 * retry button, and the latest ones. Recipients are masked by the {@link Deliveries} API.
 */
@Controller
@RequestMapping("/staff/admin/deliveries")
class DeliveryAdminPages {

  private static final int SHOWN = 50;

  private final Deliveries deliveries;
  private final ZoneId zone;

  DeliveryAdminPages(Deliveries deliveries, Catalog catalog) {
    this.deliveries = deliveries;
    this.zone = catalog.jurisdiction().timeZone();
  }

  @GetMapping
  String page(Model model, Locale locale) {
    model.addAttribute("counts", deliveries.countByState());
    model.addAttribute("failed", rows(deliveries.failed(SHOWN), locale));
    model.addAttribute("recent", rows(deliveries.recent(SHOWN), locale));
    return "notify-admin/deliveries";
  }

  @PostMapping("/{id}/retry")
  String retry(@PathVariable String id, RedirectAttributes redirect) {
    try {
      Delivery d = deliveries.retry(new DeliveryId(Long.parseLong(id)));
      // Only a failed delivery goes again; a sent or cancelled one (unsubscribed, STOP) stays as it is.
      if (d.state() == DeliveryState.PENDING || d.state() == DeliveryState.SENDING) redirect.addFlashAttribute("retried", d.id().toString());
      else redirect.addFlashAttribute("notRetried", d.id().toString());
    } catch (NumberFormatException | DeliveryNotFound e) {
      redirect.addFlashAttribute("notFound", id.length() > 20 ? id.substring(0, 20) : id);
    }
    return "redirect:/staff/admin/deliveries";
  }

  private List<Row> rows(List<Delivery> list, Locale locale) {
    DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale);
    return list.stream()
        .map(d -> new Row(d.id().toString(), d.requestNumber().value(), d.event().name(), d.channel().name(), d.recipient(),
            d.state().name(), d.attempts(), d.lastError(), f.format(when(d).atZone(zone))))
        .toList();
  }

  private static Instant when(Delivery d) {
    return d.sentAt() != null ? d.sentAt() : d.lastAttemptAt() != null ? d.lastAttemptAt() : d.createdAt();
  }

  /** One delivery as the page shows it. */
  public record Row(
      String id, String number, String event, String channel, String recipient, String state, int attempts,
      @Nullable String error, String when) {}
}
