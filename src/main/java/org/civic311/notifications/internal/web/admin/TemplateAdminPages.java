package org.civic311.notifications.internal.web.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.catalog.Catalog;
import org.civic311.notifications.InvalidTemplate;
import org.civic311.notifications.MessageTemplate;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.NotificationEvent;
import org.civic311.notifications.RenderedMessage;
import org.civic311.notifications.Templates;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of message templates: every template per event, channel and language; editing one
 * with a preview on sample values (live while typing, or with the Preview button without JavaScript);
 * going back to the shipped text. Everything goes through the {@link Templates} API.
 */
@Controller
@RequestMapping("/staff/admin/templates")
class TemplateAdminPages {

  private final Templates templates;
  private final ZoneId zone;

  TemplateAdminPages(Templates templates, Catalog catalog) {
    this.templates = templates;
    this.zone = catalog.jurisdiction().timeZone();
  }

  @GetMapping
  String list(Model model, Locale locale) {
    List<Row> rows = new ArrayList<>();
    for (MessageTemplate t : templates.list()) {
      rows.add(new Row(t.event().name(), t.channel().name(), t.language(), path(t.event(), t.channel(), t.language()),
          t.subject(), t.overridden(), format(t.updatedAt(), locale)));
    }
    model.addAttribute("rows", rows);
    return "notify-admin/templates";
  }

  @GetMapping("/{event}/{channel}/{language}")
  String edit(@PathVariable String event, @PathVariable String channel, @PathVariable String language, Model model, Locale locale) {
    Key key = key(event, channel, language);
    MessageTemplate template = templates.get(key.event(), key.channel(), key.language());
    return form(key, template.subject(), template.body(), template, model, locale);
  }

  @PostMapping("/{event}/{channel}/{language}")
  String save(
      @PathVariable String event,
      @PathVariable String channel,
      @PathVariable String language,
      @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "save") String action,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Key key = key(event, channel, language);
    MessageTemplate current = templates.get(key.event(), key.channel(), key.language());
    if (action.equals("preview")) return form(key, subject, body, current, model, locale);
    try {
      templates.saveOverride(key.event(), key.channel(), key.language(), subject, body);
    } catch (InvalidTemplate e) {
      model.addAttribute("problems", e.problems());
      return form(key, subject, body, current, model, locale);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/templates/" + path(key.event(), key.channel(), key.language());
  }

  @PostMapping("/{event}/{channel}/{language}/reset")
  String reset(@PathVariable String event, @PathVariable String channel, @PathVariable String language, RedirectAttributes redirect) {
    Key key = key(event, channel, language);
    templates.resetToDefault(key.event(), key.channel(), key.language());
    redirect.addFlashAttribute("reset", true);
    return "redirect:/staff/admin/templates/" + path(key.event(), key.channel(), key.language());
  }

  /** The live preview: what the page's script shows while an admin types. */
  @PostMapping(path = "/{event}/{channel}/{language}/preview", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> preview(
      @PathVariable String event,
      @PathVariable String channel,
      @PathVariable String language,
      @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String body) {
    Key key = key(event, channel, language);
    try {
      RenderedMessage m = templates.preview(key.event(), key.channel(), key.language(), subject, body);
      return Map.of("subject", m.subject(), "text", m.text(), "problems", List.of());
    } catch (InvalidTemplate e) {
      return Map.of("subject", "", "text", "", "problems", e.problems());
    }
  }

  private String form(Key key, String subject, String body, MessageTemplate current, Model model, Locale locale) {
    model.addAttribute("event", key.event().name());
    model.addAttribute("channel", key.channel().name());
    model.addAttribute("language", key.language());
    model.addAttribute("path", path(key.event(), key.channel(), key.language()));
    model.addAttribute("sms", key.channel() == NotificationChannel.SMS);
    model.addAttribute("subject", subject);
    model.addAttribute("body", body);
    model.addAttribute("overridden", current.overridden());
    model.addAttribute("updatedAt", format(current.updatedAt(), locale));
    model.addAttribute("variables", templates.variables(key.event()).stream().map(v -> "{{" + v + "}}").toList());
    try {
      RenderedMessage preview = templates.preview(key.event(), key.channel(), key.language(), subject, body);
      model.addAttribute("previewSubject", preview.subject());
      model.addAttribute("previewText", preview.text());
    } catch (InvalidTemplate e) {
      if (!model.containsAttribute("problems")) model.addAttribute("problems", e.problems());
      model.addAttribute("previewSubject", "");
      model.addAttribute("previewText", "");
    }
    return "notify-admin/template-edit";
  }

  private @Nullable String format(@Nullable Instant at, Locale locale) {
    if (at == null) return null;
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(at.atZone(zone));
  }

  private static String path(NotificationEvent event, NotificationChannel channel, String language) {
    return event.name().toLowerCase(Locale.ROOT) + "/" + channel.name().toLowerCase(Locale.ROOT) + "/" + language;
  }

  /** A template's place from the URL; anything unknown is a 404. */
  private Key key(String event, String channel, String language) {
    try {
      NotificationEvent e = NotificationEvent.valueOf(event.toUpperCase(Locale.ROOT));
      NotificationChannel c = NotificationChannel.valueOf(channel.toUpperCase(Locale.ROOT));
      if (!c.carries(e) || !templates.languages().contains(language)) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      return new Key(e, c, language);
    } catch (IllegalArgumentException unknown) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  private record Key(NotificationEvent event, NotificationChannel channel, String language) {}

  /** One line of the list. */
  public record Row(
      String event, String channel, String language, String path, String subject, boolean overridden, @Nullable String updatedAt) {}
}
