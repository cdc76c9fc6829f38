package org.civic311.portal.internal.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.jspecify.annotations.Nullable;

/** What the report pages show, prepared so templates only print. */
public final class ReportViews {

  private ReportViews() {}

  /** A category to choose, in the page's language, with the words a search matches. */
  public record CategoryChoice(String code, String name, String description, String searchText) {}

  /** A group of categories, in the order of its most common category. */
  public record Group(String name, List<CategoryChoice> categories) {}

  /** A question as the form renders it, with the resident's answer and any problem. */
  public record QuestionView(
      String code,
      String name,
      String anchor,
      String input,
      String description,
      boolean required,
      boolean variable,
      @Nullable String hint,
      String value,
      List<Choice> choices,
      @Nullable String error) {

    /** Whether the answer is given as one of a list (radios, a select or checkboxes). */
    public boolean isChoice() {
      return !choices.isEmpty();
    }
  }

  /** One answer of a value list. */
  public record Choice(String key, String name, String id, boolean chosen) {}

  /** An answered question on the review page. */
  public record Answer(String question, String answer) {}

  /**
   * An accepted photo: its URL (kept in a hidden field) and its thumbnail.
   *
   * @param point where the photo says it was taken ("lat,long"), carried along in a hidden field
   * @param offered the same point when the page should offer "Use the location of this photo"
   */
  public record PhotoView(String url, String thumbnail, @Nullable String point, @Nullable String offered) {

    /** The hidden field's value that keeps the point with its photo. */
    public @Nullable String pointField() {
      return point == null ? null : url + " " + point;
    }
  }

  /** Value lists longer than this become a select instead of radios, to keep the page short on a phone. */
  static final int MAX_RADIOS = 8;

  static QuestionView question(Question question, ReportForm form, @Nullable String error) {
    String name = "attribute[" + question.code() + "]";
    String input = switch (question.datatype()) {
      case STRING -> "text";
      case NUMBER -> "number";
      case DATETIME -> "datetime";
      case TEXT -> "textarea";
      case SINGLEVALUELIST -> question.values().size() > MAX_RADIOS ? "select" : "radios";
      case MULTIVALUELIST -> "checkboxes";
    };
    var choices = new ArrayList<Choice>();
    for (int i = 0; i < question.values().size(); i++) {
      Question.AllowedValue value = question.values().get(i);
      choices.add(new Choice(value.key(), value.name(), "q-" + question.code() + "-" + i,
          form.chose(question.code(), value.key())));
    }
    return new QuestionView(question.code(), name, FieldErrors.anchor(question), input, question.description(),
        question.required(), question.variable(), question.datatypeDescription(), form.answer(question.code()),
        choices, error);
  }

  /** The groups in the order of their most common category (the city file lists those first). */
  static List<Group> groups(List<ServiceCategory> categories, Locale locale, String other) {
    var groups = new LinkedHashMap<String, List<CategoryChoice>>();
    for (ServiceCategory category : categories) {
      ServiceCategory shown = category.localized(locale);
      String group = shown.group() == null ? other : shown.group();
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(choice(category, shown));
    }
    var list = new ArrayList<Group>();
    groups.forEach((name, choices) -> list.add(new Group(name, choices)));
    return list;
  }

  static CategoryChoice choice(ServiceCategory original, ServiceCategory shown) {
    String search = String.join(" ", shown.name(), nullToEmpty(shown.keywords()), nullToEmpty(shown.group()),
        original.name(), nullToEmpty(original.keywords()));
    return new CategoryChoice(original.code(), shown.name(), shown.description(), fold(search));
  }

  /** Whether every word of a search appears in a category's words, ignoring case and accents. */
  static boolean matches(CategoryChoice choice, String query) {
    for (String word : fold(query).split("\\s+")) {
      if (!word.isEmpty() && !choice.searchText().contains(word)) return false;
    }
    return true;
  }

  /** Lower case without accents, so "basura" finds "Basura" and "anos" finds "años". */
  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  /** The review page's answers: value names instead of keys, answered questions only. */
  static List<Answer> answers(ServiceCategory shown, ReportForm form) {
    var answers = new ArrayList<Answer>();
    for (Question question : shown.questions()) {
      if (!question.variable()) continue;
      List<String> given = form.answers().getOrDefault(question.code(), List.of()).stream()
          .filter(value -> !value.isBlank()).toList();
      if (given.isEmpty()) continue;
      Map<String, String> names = new LinkedHashMap<>();
      question.values().forEach(value -> names.put(value.key(), value.name()));
      String text = String.join(", ", given.stream()
          .map(value -> question.datatype() == QuestionDatatype.DATETIME ? value.replace('T', ' ') : names.getOrDefault(value, value))
          .toList());
      answers.add(new Answer(question.description(), text));
    }
    return answers;
  }

  private static String nullToEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}
