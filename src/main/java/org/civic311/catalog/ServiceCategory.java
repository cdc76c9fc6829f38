package org.civic311.catalog;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something a resident can report, e.g. "Pothole" (an Open311 service), with every Open311 field.
 *
 * @param code the Open311 service_code, unique in the jurisdiction
 * @param name short name shown to residents
 * @param description what belongs in this category
 * @param group the Open311 group, e.g. "Streets"
 * @param keywords comma separated search words, kept as the city wrote them
 * @param type realtime, batch or blackbox
 * @param metadata whether clients must fetch the questions (the Open311 metadata flag)
 * @param questions the questions, by order
 * @param departmentCode the department that handles it
 * @param sla the target time to fix; null when the city set none
 * @param serviceNotice the notice returned to a client after a POST; may be null
 */
public record ServiceCategory(
    String code,
    String name,
    String description,
    @Nullable String group,
    @Nullable String keywords,
    ServiceType type,
    boolean metadata,
    List<Question> questions,
    @Nullable String departmentCode,
    @Nullable SlaTarget sla,
    @Nullable String serviceNotice) {

  public ServiceCategory {
    questions = questions.stream().sorted(java.util.Comparator.comparingInt(Question::order)).toList();
  }

  public Optional<Question> question(String questionCode) {
    return questions.stream().filter(q -> q.code().equals(questionCode)).findFirst();
  }
}
