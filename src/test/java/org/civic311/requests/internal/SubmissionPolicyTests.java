package org.civic311.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civic311.requests.internal.Fixtures.POTHOLE;
import static org.civic311.requests.internal.Fixtures.SPRINGFIELD;
import static org.civic311.requests.internal.Fixtures.downtown;
import static org.civic311.requests.internal.Fixtures.pothole;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.requests.Channel;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.InvalidServiceRequest.Violation;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.Test;

class SubmissionPolicyTests {

  private static List<Violation> violationsOf(SubmitServiceRequest command) {
    try {
      SubmissionPolicy.check(command, Optional.of(POTHOLE), SPRINGFIELD);
    } catch (InvalidServiceRequest e) {
      return e.violations();
    }
    throw new AssertionError("expected the submission to be refused");
  }

  @Test
  void a_complete_report_is_accepted_with_its_text_trimmed() {
    var valid =
        SubmissionPolicy.check(
            pothole(Map.of("SIZE", List.of(" large "), "LANES", List.of("left", "right")), downtown()),
            Optional.of(POTHOLE),
            SPRINGFIELD);
    assertThat(valid.answers()).containsEntry("SIZE", List.of("large")).containsEntry("LANES", List.of("left", "right"));
    assertThat(valid.description()).isEqualTo("Deep hole by the bus stop");
  }

  @Test
  void a_missing_required_answer_names_the_question_code() {
    assertThat(violationsOf(pothole(Map.of(), downtown())))
        .singleElement()
        .satisfies(v -> {
          assertThat(v.field()).isEqualTo("attribute[SIZE]");
          assertThat(v.message()).contains("SIZE required");
        });
  }

  @Test
  void every_broken_rule_is_reported_at_once() {
    var command =
        new SubmitServiceRequest(
            "POTHOLE",
            Map.of("SIZE", List.of("huge"), "DEPTH", List.of("deep"), "SEEN", List.of("yesterday"), "WHAT", List.of("x")),
            new Location(91.0, -118.2, null, null, null),
            "x".repeat(4001),
            List.of("javascript:alert(1)"),
            Channel.OPEN311,
            new Reporter(null, null, "not-an-email", null, null, null),
            null,
            null);
    assertThat(violationsOf(command))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "attribute[SIZE]", "attribute[DEPTH]", "attribute[SEEN]", "attribute[WHAT]", "lat", "description",
            "media_url", "email");
  }

  @Test
  void sms_consent_without_a_phone_number_is_dropped_and_the_language_is_kept_in_lower_case() {
    var command = withReporter(new Reporter(null, null, "ana@example.org", null, null, null, true, "ES"));
    var valid = SubmissionPolicy.check(command, Optional.of(POTHOLE), SPRINGFIELD);
    assertThat(valid.reporter().smsConsent()).isFalse();
    assertThat(valid.reporter().language()).isEqualTo("es");
  }

  @Test
  void a_language_that_is_not_a_language_tag_is_refused() {
    assertThat(violationsOf(withReporter(new Reporter(null, null, null, "555-0100", null, null, true, "<script>"))))
        .extracting(Violation::field)
        .containsExactly("language");
  }

  private static SubmitServiceRequest withReporter(Reporter reporter) {
    var p = pothole(Map.of("SIZE", List.of("small")), downtown());
    return new SubmitServiceRequest(
        p.categoryCode(), p.answers(), p.location(), p.description(), p.mediaUrls(), p.channel(), reporter, null, null);
  }

  @Test
  void a_point_outside_the_city_is_refused() {
    assertThat(violationsOf(pothole(Map.of("SIZE", List.of("small")), new Location(40.7, -74.0, null, null, null))))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("outside City of Springfield"));
  }

  @Test
  void a_report_needs_a_point_or_an_address() {
    assertThat(violationsOf(pothole(Map.of("SIZE", List.of("small")), new Location(null, null, " ", null, null))))
        .extracting(Violation::field)
        .containsExactly("location");
  }

  @Test
  void an_address_alone_is_enough() {
    var valid =
        SubmissionPolicy.check(
            pothole(Map.of("SIZE", List.of("small")), new Location(null, null, "200 N Spring St", null, null)),
            Optional.of(POTHOLE),
            SPRINGFIELD);
    assertThat(valid.location().hasPoint()).isFalse();
  }

  @Test
  void a_single_value_question_refuses_two_answers() {
    assertThat(violationsOf(pothole(Map.of("SIZE", List.of("small", "large")), downtown())))
        .extracting(Violation::message)
        .containsExactly("SIZE takes one answer, got 2");
  }

  @Test
  void text_postgresql_cannot_store_is_refused_not_crashed_on() {
    var command =
        new SubmitServiceRequest(
            "POTHOLE", Map.of("SIZE", List.of("small")), downtown(), "a\0b", List.of(), Channel.WEB, Reporter.ANONYMOUS, null, null);
    assertThat(violationsOf(command)).extracting(Violation::field).containsExactly("description");
  }

  @Test
  void an_unknown_category_is_reported_as_such() {
    assertThatThrownBy(
            () -> SubmissionPolicy.check(pothole(Map.of(), downtown()), Optional.empty(), SPRINGFIELD))
        .isInstanceOfSatisfying(
            InvalidServiceRequest.class,
            e -> assertThat(e.violations())
                .anySatisfy(v -> assertThat(v.kind()).isEqualTo(InvalidServiceRequest.Kind.UNKNOWN_CATEGORY)));
  }

  @Test
  void a_description_of_exactly_4000_characters_is_accepted() {
    var command =
        new SubmitServiceRequest(
            "POTHOLE", Map.of("SIZE", List.of("small")), downtown(), "é".repeat(4000), List.of(), Channel.WEB,
            Reporter.ANONYMOUS, null, null);
    assertThat(SubmissionPolicy.check(command, Optional.of(POTHOLE), SPRINGFIELD).description()).hasSize(4000);
  }
}
