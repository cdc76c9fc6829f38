package org.civic311.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.CatalogAdmin;
import org.civic311.catalog.CatalogEditRejected;
import org.civic311.catalog.CategoryDetails;
import org.civic311.catalog.Department;
import org.civic311.catalog.ManagedCategory;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.SlaTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An admin's catalog edits: seen at once, kept when the city file is applied again at the next start. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class CatalogAdminIntegrationTests {

  @Autowired CatalogAdmin admin;
  @Autowired Catalog catalog;
  @Autowired JdbcCatalog jdbcCatalog;
  @Autowired CatalogStartup startup;
  @Autowired CatalogStore store;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void putBackTheSampleCity() {
    SampleCity.restore(jdbc, startup, jdbcCatalog);
  }

  @Test
  void the_city_file_applied_at_the_next_start_keeps_what_an_admin_edited_and_says_so(CapturedOutput output) {
    ServiceCategory pothole = catalog.category("POTHOLE").orElseThrow();
    admin.saveCategory(new CategoryDetails("POTHOLE", "Hole in the road", pothole.description(), pothole.group(), pothole.keywords(),
        "DOT", new SlaTarget(2, SlaTarget.Unit.BUSINESS_DAYS), true));
    admin.saveQuestions("POTHOLE", pothole.questions().subList(0, 1));
    admin.saveDepartment(new Department("PW", "Public Works and Streets", "pw@springfield.example.gov"), true);
    admin.saveCategory(new CategoryDetails("GRAFFITI", "Graffiti", "Paint", null, null, "PW", null, false));

    startup.applyCityFile(SampleCity.LOCATION);
    jdbcCatalog.reload();

    ServiceCategory kept = catalog.category("POTHOLE").orElseThrow();
    assertThat(kept.name()).isEqualTo("Hole in the road");
    assertThat(kept.departmentCode()).isEqualTo("DOT");
    assertThat(kept.sla()).isEqualTo(new SlaTarget(2, SlaTarget.Unit.BUSINESS_DAYS));
    assertThat(kept.questions()).hasSize(1);
    assertThat(catalog.department("PW").orElseThrow().name()).isEqualTo("Public Works and Streets");
    assertThat(catalog.category("GRAFFITI")).as("retired by the admin, not revived by the file").isEmpty();
    assertThat(catalog.category("STREETLIGHT_OUT")).as("untouched categories follow the file").isPresent();
    assertThat(output).contains("the city file did not change what an admin edited")
        .contains("department PW").contains("category POTHOLE").contains("category GRAFFITI");
    assertThat(admin.managedCategory("POTHOLE").orElseThrow().editedInAdminAt()).isNotNull();
    assertThat(admin.managedCategory("BULKY_ITEMS").orElseThrow().editedInAdminAt()).isNull();
  }

  @Test
  void every_write_raises_the_version_other_nodes_poll() {
    long before = store.version();
    admin.saveDepartment(new Department("PW", "Public Works", "publicworks@springfield.example.gov"), true);
    assertThat(store.version()).isGreaterThan(before);
  }

  @Test
  void questions_are_checked_and_renumbered_in_the_order_given() {
    Question list = new Question("KIND", true, QuestionDatatype.SINGLEVALUELIST, true, null, 9, "Which kind?",
        List.of(new Question.AllowedValue("a", "A")));
    Question info = new Question("NOTE", false, QuestionDatatype.STRING, true, null, 1, "Call 911 if it is dangerous", List.of());
    ManagedCategory saved = admin.saveQuestions("POTHOLE", List.of(list, info));
    assertThat(saved.category().questions()).extracting(Question::code, Question::order).containsExactly(
        org.assertj.core.groups.Tuple.tuple("KIND", 1), org.assertj.core.groups.Tuple.tuple("NOTE", 2));
    assertThat(saved.category().question("NOTE").orElseThrow().required()).as("information is never required").isFalse();

    assertThatThrownBy(() -> admin.saveQuestions("POTHOLE", List.of(new Question("K", true, QuestionDatatype.MULTIVALUELIST, false,
        null, 1, "Which?", List.of()))))
        .isInstanceOfSatisfying(CatalogEditRejected.class, e -> assertThat(e.reason()).isEqualTo(CatalogEditRejected.Reason.NO_VALUES));
    assertThatThrownBy(() -> admin.saveQuestions("POTHOLE", List.of(list, list)))
        .isInstanceOfSatisfying(CatalogEditRejected.class, e -> assertThat(e.reason()).isEqualTo(CatalogEditRejected.Reason.DUPLICATE_CODE));
    assertThatThrownBy(() -> admin.saveQuestions("POTHOLE", List.of(new Question("N", true, QuestionDatatype.NUMBER, false, null, 1,
        "How many?", List.of(new Question.AllowedValue("a", "A"))))))
        .isInstanceOfSatisfying(CatalogEditRejected.class, e -> assertThat(e.reason()).isEqualTo(CatalogEditRejected.Reason.VALUES_NOT_ALLOWED));
    assertThatThrownBy(() -> admin.saveCategory(new CategoryDetails("POTHOLE", "Pothole", "", null, null, "NASA", null, true)))
        .isInstanceOfSatisfying(CatalogEditRejected.class, e -> {
          assertThat(e.reason()).isEqualTo(CatalogEditRejected.Reason.UNKNOWN_DEPARTMENT);
          assertThat(e.field()).isEqualTo("departmentCode");
        });
    assertThatThrownBy(() -> admin.saveCategory(new CategoryDetails("has space", "X", "", null, null, null, null, true)))
        .isInstanceOfSatisfying(CatalogEditRejected.class, e -> assertThat(e.reason()).isEqualTo(CatalogEditRejected.Reason.BAD_CODE));
  }
}
