package org.civic311.notifications.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civic311.catalog.Catalog;
import org.civic311.notifications.SurveyAnswer;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The satisfaction survey page behind the link in resolved and closed messages: a plain HTML form
 * (a group of five labelled radio buttons and an optional comment) that works without JavaScript
 * and without inline styles or scripts, in the reporter's language. What a resident typed is kept
 * when the answer has to be corrected. Public so the module's web package can use it; not module API.
 */
@Component
public class SurveyPages {

  /** A page to answer with. */
  public record Page(int status, String html) {}

  private final LinkSigner signer;
  private final ServiceRequests requests;
  private final StoredSurveys surveys;
  private final NotificationPages pages;
  private final Texts texts;
  private final Catalog catalog;
  private final MessageValues values;
  private final MiniTemplate form;

  SurveyPages(
      LinkSigner signer,
      ServiceRequests requests,
      StoredSurveys surveys,
      NotificationPages pages,
      Texts texts,
      Catalog catalog,
      MessageValues values) throws IOException {
    this.signer = signer;
    this.requests = requests;
    this.surveys = surveys;
    this.pages = pages;
    this.texts = texts;
    this.catalog = catalog;
    this.values = values;
    this.form = MiniTemplate.parse(
        new ClassPathResource("notifications/survey.html").getContentAsString(StandardCharsets.UTF_8),
        Set.of("language", "title", "city", "error", "ratingError", "commentError", "action", "question", "options",
            "commentLabel", "comment", "commentHint", "button", "link", "linkLabel"));
  }

  /** The form, filled with the answer already given; 404 for a link this installation did not sign. */
  public Page show(String token, @Nullable String lang, @Nullable String acceptLanguage) {
    Optional<ServiceRequestDetails> request = requestOf(token);
    if (request.isEmpty()) return invalid(lang, acceptLanguage);
    RequestNumber number = request.get().number();
    String language = language(number, lang, acceptLanguage);
    if (!surveys.open(number)) return closed(language, number);
    Optional<SurveyAnswer> given = surveys.answerOf(number);
    return new Page(200, form(language, number, token,
        given.map(SurveyAnswer::rating).orElse(null), given.map(SurveyAnswer::comment).orElse(""), null, false, false));
  }

  /** Stores an answer; a missing rating or a too long comment shows the form again with what was typed. */
  public Page answer(
      String token, @Nullable String rating, @Nullable String comment, @Nullable String lang, @Nullable String acceptLanguage) {
    Optional<ServiceRequestDetails> request = requestOf(token);
    if (request.isEmpty()) return invalid(lang, acceptLanguage);
    ServiceRequestDetails details = request.get();
    RequestNumber number = details.number();
    String language = language(number, lang, acceptLanguage);
    String text = comment == null ? "" : comment.replace("\r\n", "\n");
    Integer stars = parseRating(rating);
    if (stars == null) {
      return new Page(400, form(language, number, token, null, text, texts.get(language, "survey.error.rating"), true, false));
    }
    if (text.strip().length() > SurveyAnswer.MAX_COMMENT) {
      return new Page(400, form(language, number, token, stars, text,
          texts.get(language, "survey.error.comment", String.format("%,d", text.strip().length())), false, true));
    }
    return switch (surveys.answer(number, details.categoryCode(), stars, text, language)) {
      case FIRST -> done(language, number, "survey.thanks");
      case REPLACED -> done(language, number, "survey.thanks.changed");
      case TOO_LATE -> closed(language, number);
    };
  }

  private Optional<ServiceRequestDetails> requestOf(String token) {
    return signer.parseSurvey(token).flatMap(requests::find);
  }

  /** The link's language, else the one the reporter chose, else the browser's. */
  private String language(RequestNumber number, @Nullable String lang, @Nullable String acceptLanguage) {
    if (lang != null && texts.supports(lang)) return lang;
    String chosen = requests.reporterOf(number).map(Reporter::language).orElse(null);
    if (chosen != null) {
      String code = java.util.Locale.forLanguageTag(chosen.strip().replace('_', '-')).getLanguage();
      if (texts.supports(code)) return code;
    }
    return pages.language(null, acceptLanguage);
  }

  private static @Nullable Integer parseRating(@Nullable String rating) {
    if (rating == null || !rating.strip().matches("[1-5]")) return null;
    return Integer.parseInt(rating.strip());
  }

  private String form(
      String language,
      RequestNumber number,
      String token,
      @Nullable Integer rating,
      @Nullable String comment,
      @Nullable String error,
      boolean ratingError,
      boolean commentError) {
    StringBuilder options = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      String id = "rating-" + i;
      options.append("<div class=\"choice\"><input type=\"radio\" id=\"").append(id).append("\" name=\"rating\" value=\"")
          .append(i).append('"').append(rating != null && rating == i ? " checked" : "").append(i == 1 ? " required" : "")
          .append("><label for=\"").append(id).append("\">")
          .append(MiniTemplate.escapeHtml(texts.get(language, "survey.rating." + i))).append("</label></div>\n");
    }
    Map<String, String> v = common(language, texts.get(language, "survey.title", number.value()), number);
    v.put("action", "/notifications/survey/" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "?lang=" + language);
    v.put("question", texts.get(language, "survey.question"));
    v.put("options", options.toString());
    v.put("commentLabel", texts.get(language, "survey.comment"));
    v.put("comment", comment == null ? "" : comment);
    v.put("commentHint", texts.get(language, "survey.comment.hint"));
    v.put("button", texts.get(language, "survey.button"));
    if (error != null) v.put("error", error);
    if (ratingError) v.put("ratingError", "yes");
    if (commentError) v.put("commentError", "yes");
    return form.render(v, MiniTemplate::escapeHtml);
  }

  private Map<String, String> common(String language, String title, RequestNumber number) {
    Map<String, String> v = new HashMap<>();
    v.put("language", language);
    v.put("title", title);
    v.put("city", catalog.jurisdiction().name());
    v.put("link", values.statusPage(number.value()));
    v.put("linkLabel", texts.get(language, "page.view"));
    return v;
  }

  private Page done(String language, RequestNumber number, String key) {
    return new Page(200, pages.message(language, texts.get(language, "survey.thanks.title"),
        texts.get(language, key, number.value()), values.statusPage(number.value())));
  }

  private Page closed(String language, RequestNumber number) {
    return new Page(409, pages.message(language, texts.get(language, "survey.closed.title"),
        texts.get(language, "survey.closed", number.value()), values.statusPage(number.value())));
  }

  private Page invalid(@Nullable String lang, @Nullable String acceptLanguage) {
    return new Page(404, pages.invalid(pages.language(lang, acceptLanguage)));
  }
}
