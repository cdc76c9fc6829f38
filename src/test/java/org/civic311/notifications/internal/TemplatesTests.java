package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civic311.notifications.InvalidTemplate;
import org.civic311.notifications.MessageTemplate;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.NotificationEvent;
import org.civic311.notifications.RenderedMessage;
import org.civic311.notifications.Templates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The templates admins will edit: defaults, overrides, preview. */
class TemplatesTests extends NotificationsIntegrationSupport {

  @Autowired Templates templates;

  @Test
  void every_event_has_a_default_in_english_and_spanish() {
    assertThat(templates.languages()).containsExactly("en", "es");
    int events = NotificationEvent.values().length;
    // SMS carries every message to residents except the follower confirmation, and none to staff.
    long texts = java.util.Arrays.stream(NotificationEvent.values()).filter(NotificationChannel.SMS::carries).count();
    assertThat(texts).isEqualTo(java.util.Arrays.stream(NotificationEvent.values())
        .filter(e -> e != NotificationEvent.FOLLOW_CONFIRMATION && !e.forStaff()).count());
    assertThat(templates.list()).hasSize(events * 2 + (int) texts * 2);
    assertThat(templates.list().stream().filter(t -> t.channel() == NotificationChannel.EMAIL))
        .hasSize(events * 2)
        .allSatisfy(t -> assertThat(t.subject()).isNotBlank());
    assertThat(templates.get(NotificationEvent.RESOLVED, NotificationChannel.EMAIL, "es").subject())
        .isEqualTo("La solicitud {{number}} está resuelta");
  }

  @Test
  void a_preview_shows_the_message_with_sample_values_in_text_and_html() {
    MessageTemplate t = templates.get(NotificationEvent.RECEIVED, NotificationChannel.EMAIL, "es");
    RenderedMessage preview = templates.preview(t.event(), t.channel(), t.language(), t.subject(), t.body());
    assertThat(preview.subject()).isEqualTo("Recibimos su reporte 2026-000123 (Bache)");
    assertThat(preview.text()).contains("Esperamos resolverla antes del 25 de noviembre de 2026", "/requests/2026-000123");
    assertThat(preview.html()).contains("<html lang=\"es\">", "City of Springfield");
  }

  @Test
  void a_template_with_unknown_variables_is_refused_and_nothing_is_saved() {
    assertThatThrownBy(() -> templates.saveOverride(
            NotificationEvent.CLOSED, NotificationChannel.EMAIL, "en", "Closed {{number}", "Hi {{reporterName}}"))
        .isInstanceOf(InvalidTemplate.class)
        .hasMessageContaining("body: unknown variable 'reporterName'")
        .hasMessageContaining("subject: '{{' at character 8 is not a variable");
    assertThat(templates.get(NotificationEvent.CLOSED, NotificationChannel.EMAIL, "en").overridden()).isFalse();
    assertThatThrownBy(() -> templates.get(NotificationEvent.CLOSED, NotificationChannel.EMAIL, "fr"))
        .isInstanceOf(InvalidTemplate.class);
  }

  @Test
  void every_sms_template_in_every_language_fits_one_gsm7_segment_with_sample_values() {
    for (NotificationEvent event : NotificationEvent.values()) {
      if (!NotificationChannel.SMS.carries(event)) continue;
      for (String language : templates.languages()) {
        MessageTemplate t = templates.get(event, NotificationChannel.SMS, language);
        String text = templates.preview(event, NotificationChannel.SMS, language, "", t.body()).text();
        assertThat(text).as(event + " " + language).doesNotContain("{{");
        assertThat(SmsText.isGsm7(text)).as(event + " " + language + " uses only GSM-7: " + text).isTrue();
        assertThat(SmsText.length(text)).as(event + " " + language + ": " + text).isLessThanOrEqualTo(SmsText.GSM7_SEGMENT);
        if (event != NotificationEvent.PUBLIC_UPDATE && event != NotificationEvent.MERGED) {
          assertThat(text).as(event + " " + language + " keeps the sample's category whole").contains(language.equals("es") ? "Bache" : "Pothole");
        }
        if (event == NotificationEvent.RESOLVED || event == NotificationEvent.CLOSED) {
          assertThat(text).contains("https://311.springfield.example.gov/notifications/survey/2026-000123.");
        } else if (event == NotificationEvent.MERGED) {
          assertThat(text).contains("https://311.springfield.example.gov/requests/2026-000101");
        } else {
          assertThat(text).contains("https://311.springfield.example.gov/requests/2026-000123");
        }
      }
    }
  }

  @Test
  void an_admins_sms_text_is_used_and_previewed_without_a_subject() {
    try {
      MessageTemplate saved = templates.saveOverride(
          NotificationEvent.ACKNOWLEDGED, NotificationChannel.SMS, "en", "ignored", "Seen: {{number}} {{link}}");
      assertThat(saved.overridden()).isTrue();
      assertThat(saved.subject()).isEmpty();
      RenderedMessage preview = templates.preview(
          NotificationEvent.ACKNOWLEDGED, NotificationChannel.SMS, "en", "", saved.body());
      assertThat(preview.text()).isEqualTo("Seen: 2026-000123 https://311.springfield.example.gov/requests/2026-000123");
      assertThatThrownBy(() -> templates.saveOverride(
              NotificationEvent.ACKNOWLEDGED, NotificationChannel.SMS, "en", "", "x".repeat(SmsRenderer.MAX_BODY + 1)))
          .isInstanceOf(InvalidTemplate.class).hasMessageContaining("longer than 1600");
    } finally {
      templates.resetToDefault(NotificationEvent.ACKNOWLEDGED, NotificationChannel.SMS, "en");
    }
  }

  @Test
  void an_sms_has_no_follow_confirmation_and_its_templates_have_no_subject() {
    assertThatThrownBy(() -> templates.get(NotificationEvent.FOLLOW_CONFIRMATION, NotificationChannel.SMS, "en"))
        .isInstanceOf(InvalidTemplate.class)
        .hasMessageContaining("SMS carries no follow_confirmation");
    assertThat(templates.get(NotificationEvent.RECEIVED, NotificationChannel.SMS, "es").subject()).isEmpty();
  }

  @Test
  void variables_of_a_merge_include_the_parent_request() {
    assertThat(templates.variables(NotificationEvent.MERGED)).contains("number", "parent", "parentLink");
    assertThat(templates.variables(NotificationEvent.RECEIVED)).doesNotContain("parent", "confirmLink", "surveyLink");
    assertThat(templates.variables(NotificationEvent.CLOSED)).contains("surveyLink");
  }
}
