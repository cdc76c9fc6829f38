package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.notifications.SurveyAnswer;
import org.civic311.notifications.SurveyResults;
import org.civic311.notifications.Surveys;
import org.civic311.requests.Actor;
import org.civic311.requests.CloseReason;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The satisfaction survey: from the link in the closing message to the results for reports. */
class SurveyTests extends NotificationsIntegrationSupport {

  private static final Actor DISPATCHER = Actor.staff("dispatcher");
  private static final Pattern SURVEY_LINK =
      Pattern.compile("https://311\\.springfield\\.example\\.gov(/notifications/survey/[A-Za-z0-9._-]+)");

  @Autowired Surveys surveys;

  @Test
  void the_survey_link_in_the_closing_email_opens_a_page_and_the_answer_is_stored_and_counted() throws Exception {
    String address = uniqueAddress("survey.example.org");
    RequestNumber number = submit(address, "en");
    assertThat(part(awaitMail(address, 1).getFirst(), "text/plain")).doesNotContain("/notifications/survey/");
    requests.change(number, new RequestChange.Close(CloseReason.COMPLETED, "Filled with hot asphalt."), DISPATCHER);

    MimeMessage closed = closingMail(address);
    String path = surveyPath(part(closed, "text/plain"));
    assertThat(part(closed, "text/html")).contains("href=\"https://311.springfield.example.gov" + path + "\"");

    HttpResponse<String> page = get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(
        "<html lang=\"en\">", "How did we do with request " + number, "<fieldset", "<legend>",
        "<label for=\"rating-1\">1 - Very dissatisfied</label>", "<label for=\"rating-5\">5 - Very satisfied</label>",
        "maxlength=\"1000\"", "<form method=\"post\"");
    assertThat(page.body()).doesNotContain("<script", "<style", "style=", "onclick");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'", "style-src 'self'");
    assertThat(get("/notifications/page.css").statusCode()).isEqualTo(200);

    Instant from = clock.instant().minus(Duration.ofDays(1));
    Instant to = clock.instant().plus(Duration.ofDays(400));
    SurveyResults before = surveys.results(from, to);
    HttpResponse<String> thanks = post(path, "rating=4&comment=" + URLEncoder.encode("Quick work, thank you", StandardCharsets.UTF_8));
    assertThat(thanks.statusCode()).isEqualTo(200);
    assertThat(thanks.body()).contains("Thank you!", "Your answer about request " + number + " is saved");

    SurveyAnswer answer = surveys.answerOf(number).orElseThrow();
    assertThat(answer.rating()).isEqualTo(4);
    assertThat(answer.comment()).isEqualTo("Quick work, thank you");
    assertThat(answer.categoryCode()).isEqualTo("POTHOLE");
    SurveyResults after = surveys.results(from, to);
    assertThat(after.count()).isEqualTo(before.count() + 1);
    assertThat(pothole(after).count()).isEqualTo(pothole(before).count() + 1);
    assertThat(pothole(after).average() * pothole(after).count())
        .isCloseTo(pothole(before).average() * pothole(before).count() + 4, org.assertj.core.data.Offset.offset(1e-6));

    HttpResponse<String> again = post(path, "rating=2");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("is updated");
    assertThat(surveys.answerOf(number).orElseThrow().rating()).as("the second answer replaces the first").isEqualTo(2);
    assertThat(surveys.results(from, to).count()).as("one answer per request").isEqualTo(after.count());
    assertThat(get(path).body()).as("the page shows the answer given").contains("value=\"2\" checked");
  }

  @Test
  void after_thirty_days_an_answer_can_no_longer_be_changed() throws Exception {
    String address = uniqueAddress("survey-late.example.org");
    RequestNumber number = submit(address, "en");
    requests.change(number, new RequestChange.Resolve("Done."), DISPATCHER);
    String path = surveyPath(part(closingMail(address), "text/plain"));
    assertThat(post(path, "rating=5").statusCode()).isEqualTo(200);

    clock.advance(Duration.ofDays(SurveyAnswer.CHANGE_WINDOW_DAYS + 1));
    HttpResponse<String> late = post(path, "rating=1");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("This survey is closed");
    assertThat(surveys.answerOf(number).orElseThrow().rating()).isEqualTo(5);
  }

  @Test
  void a_tampered_or_unknown_survey_link_is_a_404_and_stores_nothing() throws Exception {
    String address = uniqueAddress("survey-tamper.example.org");
    RequestNumber number = submit(address, "en");
    requests.change(number, new RequestChange.Close(CloseReason.NO_FURTHER_ACTION, null), DISPATCHER);
    String path = surveyPath(part(closingMail(address), "text/plain"));
    char last = path.charAt(path.length() - 1);
    String tampered = path.substring(0, path.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(get(tampered).statusCode()).isEqualTo(404);
    HttpResponse<String> post = post(tampered, "rating=1");
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(post.body()).contains("This link is not valid");
    assertThat(get("/notifications/survey/" + number + ".AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
    assertThat(get("/notifications/survey/%3Cscript%3E").statusCode()).isEqualTo(404);
    assertThat(surveys.answerOf(number)).isEmpty();
  }

  @Test
  void a_missing_rating_or_a_too_long_comment_is_explained_in_spanish_and_keeps_what_was_typed() throws Exception {
    String address = uniqueAddress("survey-es.example.org");
    RequestNumber number = submit(address, "es");
    requests.change(number, new RequestChange.Close(CloseReason.COMPLETED, "Listo."), DISPATCHER);
    MimeMessage closed = closingMail(address);
    assertThat(part(closed, "text/plain")).contains("¿Qué tal lo hicimos?");
    String path = surveyPath(part(closed, "text/plain"));

    HttpResponse<String> page = get(path);
    assertThat(page.body()).contains("<html lang=\"es\">", "5 - Muy satisfecho", "(opcional)");

    HttpResponse<String> noRating = post(path, "comment=" + URLEncoder.encode("Muy rápido <b>gracias</b>", StandardCharsets.UTF_8));
    assertThat(noRating.statusCode()).isEqualTo(400);
    assertThat(noRating.body()).contains("role=\"alert\"", "Elija una calificación del 1 al 5.",
        "Muy rápido &lt;b&gt;gracias&lt;/b&gt;</textarea>");
    String tooLong = "a".repeat(SurveyAnswer.MAX_COMMENT + 1);
    HttpResponse<String> longComment = post(path, "rating=3&comment=" + tooLong);
    assertThat(longComment.statusCode()).isEqualTo(400);
    assertThat(longComment.body()).contains("más de 1000 caracteres", "value=\"3\" checked", tooLong + "</textarea>",
        "aria-invalid=\"true\"");
    assertThat(post(path, "rating=9").statusCode()).isEqualTo(400);
    assertThat(surveys.answerOf(number)).isEmpty();

    assertThat(post(path, "rating=3&comment=" + "a".repeat(SurveyAnswer.MAX_COMMENT)).statusCode()).isEqualTo(200);
    assertThat(surveys.answerOf(number).orElseThrow().language()).isEqualTo("es");
  }

  @Test
  void a_reporter_with_sms_gets_the_survey_link_in_the_closing_text_within_one_segment() throws Exception {
    String[] phone = uniquePhone();
    RequestNumber number = submit(null, phone[0], true, "es");
    requests.change(number, new RequestChange.Close(CloseReason.COMPLETED, "El equipo rellenó el bache y limpió la calle."), DISPATCHER);

    await().atMost(Duration.ofSeconds(30)).until(() -> TWILIO.delivered(phone[1]).size() >= 2);
    String text = TWILIO.delivered(phone[1]).stream().filter(t -> t.contains("/survey/")).findFirst().orElseThrow();
    assertThat(text).startsWith("Su solicitud " + number).contains("¿Qué tal lo hicimos? https://311.springfield.example.gov/notifications/survey/");
    assertThat(SmsText.isGsm7(text)).isTrue();
    assertThat(SmsText.segments(text)).isEqualTo(1);
    assertThat(get(surveyPath(text)).statusCode()).isEqualTo(200);
  }

  private static SurveyResults.CategoryResult pothole(SurveyResults results) {
    return results.categories().stream().filter(c -> c.categoryCode().equals("POTHOLE")).findFirst()
        .orElse(new SurveyResults.CategoryResult("POTHOLE", 0, 0));
  }

  /** The resolved or closed email: it may arrive before the received one, both being sent at once. */
  private static MimeMessage closingMail(String address) {
    return awaitMail(address, 2).stream()
        .filter(m -> part(m, "text/plain").contains("/notifications/survey/"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No email with a survey link"));
  }

  private static String surveyPath(String text) {
    Matcher m = SURVEY_LINK.matcher(text);
    if (!m.find()) throw new AssertionError("No survey link in: " + text);
    return URI.create(m.group(1)).getRawPath();
  }

}
