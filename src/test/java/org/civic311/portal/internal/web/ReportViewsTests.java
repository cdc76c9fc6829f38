package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.civic311.catalog.CategoryTranslation;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.ServiceType;
import org.junit.jupiter.api.Test;

/** How questions and categories are prepared for the pages; plain unit tests. */
class ReportViewsTests {

  private static Question list(QuestionDatatype datatype, int values) {
    return new Question("KIND", true, datatype, true, null, 1, "Which kind?",
        IntStream.range(0, values).mapToObj(i -> new Question.AllowedValue("k" + i, "Kind " + i)).toList());
  }

  @Test
  void a_long_single_choice_list_becomes_a_select_and_a_short_one_radios() {
    assertThat(ReportViews.question(list(QuestionDatatype.SINGLEVALUELIST, ReportViews.MAX_RADIOS), ReportForm.empty(), null).input())
        .isEqualTo("radios");
    assertThat(ReportViews.question(list(QuestionDatatype.SINGLEVALUELIST, ReportViews.MAX_RADIOS + 1), ReportForm.empty(), null).input())
        .isEqualTo("select");
    assertThat(ReportViews.question(list(QuestionDatatype.MULTIVALUELIST, 20), ReportForm.empty(), null).input())
        .isEqualTo("checkboxes");
  }

  @Test
  void chosen_answers_come_back_checked() {
    var form = new ReportForm(Map.of("KIND", List.of("k1", "k3")), "", "", "", "", List.of(), List.of(), List.of(), "anonymous", "",
        "", "", "", false, "", "");
    var view = ReportViews.question(list(QuestionDatatype.MULTIVALUELIST, 4), form, "Choose one");
    assertThat(view.choices()).extracting(ReportViews.Choice::chosen).containsExactly(false, true, false, true);
    assertThat(view.error()).isEqualTo("Choose one");
    assertThat(view.anchor()).isEqualTo("q-KIND-0");
  }

  @Test
  void a_search_matches_every_word_in_either_language_without_accents_or_case() {
    var pothole = new ServiceCategory("POTHOLE", "Pothole", "A hole.", "Streets", "asphalt, road", ServiceType.REALTIME,
        false, List.of(), null, null, null,
        Map.of("es", new CategoryTranslation("Bache", "Un hoyo.", "Calles", "camión, asfalto", null, Map.of())));
    var spanish = ReportViews.choice(pothole, pothole.localized(Locale.forLanguageTag("es")));
    assertThat(spanish.name()).isEqualTo("Bache");
    assertThat(ReportViews.matches(spanish, "CAMION")).isTrue();
    assertThat(ReportViews.matches(spanish, "pothole asfalto")).isTrue();
    assertThat(ReportViews.matches(spanish, "bache graffiti")).isFalse();
    assertThat(ReportViews.matches(spanish, "   ")).isTrue();
  }

  @Test
  void groups_come_in_the_order_of_their_most_common_category() {
    var a = new ServiceCategory("A", "A", "a", "Trash", null, ServiceType.REALTIME, false, List.of(), null, null, null);
    var b = new ServiceCategory("B", "B", "b", "Streets", null, ServiceType.REALTIME, false, List.of(), null, null, null);
    var c = new ServiceCategory("C", "C", "c", "Trash", null, ServiceType.REALTIME, false, List.of(), null, null, null);
    var d = new ServiceCategory("D", "D", "d", null, null, ServiceType.REALTIME, false, List.of(), null, null, null);
    var groups = ReportViews.groups(List.of(a, b, c, d), Locale.ENGLISH, "Other");
    assertThat(groups).extracting(ReportViews.Group::name).containsExactly("Trash", "Streets", "Other");
    assertThat(groups.getFirst().categories()).extracting(ReportViews.CategoryChoice::code).containsExactly("A", "C");
  }
}
