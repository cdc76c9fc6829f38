package org.civic311.notifications.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civic311.catalog.Catalog;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The small pages behind email links (unsubscribe, confirm), in the resident's language, from
 * {@code notifications/page.html}. Public so the module's web package can use it; not module API.
 */
@Component
public class NotificationPages {

  private final Texts texts;
  private final LinkSigner signer;
  private final Catalog catalog;
  private final MessageValues values;
  private final StoredSubscriptions subscriptions;
  private final MiniTemplate page;

  NotificationPages(Texts texts, LinkSigner signer, Catalog catalog, MessageValues values, StoredSubscriptions subscriptions)
      throws IOException {
    this.subscriptions = subscriptions;
    this.texts = texts;
    this.signer = signer;
    this.catalog = catalog;
    this.values = values;
    this.page = MiniTemplate.parse(
        new ClassPathResource("notifications/page.html").getContentAsString(StandardCharsets.UTF_8),
        Set.of("language", "title", "city", "message", "action", "button", "link", "linkLabel"));
  }

  /** The language of a page: the link's {@code lang}, else the browser's first supported one. */
  public String language(@Nullable String lang, @Nullable String acceptLanguage) {
    if (lang != null && texts.supports(lang)) return lang;
    if (acceptLanguage != null) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          String code = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
          if (texts.supports(code)) return code;
        }
      } catch (IllegalArgumentException ignored) {
        // A malformed header gets the default language.
      }
    }
    return texts.defaultLanguage();
  }

  public Optional<RequestNumber> numberOfUnsubscribeToken(String token) {
    return signer.parseUnsubscribe(token).map(LinkSigner.Recipient::number);
  }

  /** The request a confirmation token is for; only a token this installation signed has one. */
  public Optional<RequestNumber> numberOfConfirmToken(String token) {
    return subscriptions.requestToConfirm(token);
  }

  public String askUnsubscribe(String language, RequestNumber number, String token) {
    return render(language, texts.get(language, "page.unsubscribe.title", number.value()),
        texts.get(language, "page.unsubscribe.question", number.value()),
        "/notifications/unsubscribe/" + encode(token) + "?lang=" + language, texts.get(language, "page.unsubscribe.button"), null);
  }

  public String unsubscribed(String language, RequestNumber number) {
    return render(language, texts.get(language, "page.unsubscribe.done.title"),
        texts.get(language, "page.unsubscribe.done", number.value()), null, null, values.statusPage(number.value()));
  }

  public String askConfirm(String language, RequestNumber number, String token) {
    return render(language, texts.get(language, "page.confirm.title", number.value()),
        texts.get(language, "page.confirm.question", number.value()),
        "/notifications/confirm/" + encode(token) + "?lang=" + language, texts.get(language, "page.confirm.button"), null);
  }

  public String confirmed(String language, RequestNumber number) {
    return render(language, texts.get(language, "page.confirm.done.title", number.value()),
        texts.get(language, "page.confirm.done", number.value()), null, null, values.statusPage(number.value()));
  }

  /** A page with a title, a message and a link to the request. */
  public String message(String language, String title, String message, String link) {
    return render(language, title, message, null, null, link);
  }

  public String invalid(String language) {
    return render(language, texts.get(language, "page.invalid.title"), texts.get(language, "page.invalid"), null, null, null);
  }

  private String render(
      String language, String title, String message, @Nullable String action, @Nullable String button, @Nullable String link) {
    Map<String, String> v = new HashMap<>();
    v.put("language", language);
    v.put("title", title);
    v.put("city", catalog.jurisdiction().name());
    v.put("message", message);
    if (action != null) v.put("action", action);
    if (button != null) v.put("button", button);
    if (link != null) {
      v.put("link", link);
      v.put("linkLabel", texts.get(language, "page.view"));
    }
    return page.render(v, MiniTemplate::escapeHtml);
  }

  private static String encode(String token) {
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
