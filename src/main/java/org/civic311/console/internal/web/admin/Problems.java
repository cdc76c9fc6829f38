package org.civic311.console.internal.web.admin;

import java.util.Locale;
import org.civic311.catalog.CatalogEditRejected;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns a refusal into a message in the admin's language, naming the field. */
@Component
class Problems {

  /** A refused value: which field (as in the form) and the message to show next to it. */
  public record Problem(String field, String message) {}

  private final MessageSource messages;

  Problems(MessageSource messages) {
    this.messages = messages;
  }

  Problem of(CatalogEditRejected rejected) {
    String field = fieldName(rejected.field());
    Locale locale = LocaleContextHolder.getLocale();
    String label = messages.getMessage("admin.field." + field, null, field, locale);
    return new Problem(field, messages.getMessage("admin.problem." + rejected.reason().name(), new Object[] {label}, locale));
  }

  Problem of(String field, String key, Object... args) {
    return new Problem(field, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
  }

  /** {@code questions[2].values} is the {@code values} field of a question form. */
  static String fieldName(String field) {
    int dot = field.lastIndexOf('.');
    return dot < 0 ? field : field.substring(dot + 1);
  }
}
