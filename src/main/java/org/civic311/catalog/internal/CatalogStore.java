package org.civic311.catalog.internal;

import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civic311.catalog.CategoryTranslation;
import org.civic311.catalog.Department;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.ServiceType;
import org.civic311.catalog.SlaTarget;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The only place that speaks SQL to the {@code catalog} schema. */
@Repository
class CatalogStore {

  /** Where a category row was last written from; a city file only retires its own rows. */
  enum Origin {
    CITY_FILE,
    OPEN311_IMPORT,
    ADMIN;

    String column() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What a write did to the categories; {@code keptAdminEdits} lists the categories and departments
   * an admin edited in the console, which a file no longer changes.
   */
  record Changes(int added, int updated, int retired, int questions, List<String> keptAdminEdits) {
    Changes {
      keptAdminEdits = List.copyOf(keptAdminEdits);
    }

    Changes(int added, int updated, int retired, int questions) {
      this(added, updated, retired, questions, List.of());
    }
  }

  private static final JsonMapper TRANSLATIONS = JsonMapper.builder().build();
  private static final TypeReference<Map<String, CategoryTranslation>> TRANSLATIONS_TYPE = new TypeReference<>() {};

  private final JdbcClient jdbc;

  CatalogStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Makes the tables say what the city file says; categories the file dropped become inactive. */
  @Transactional
  public Changes applyCity(CityDefinition city) {
    lock();
    saveJurisdiction(city.jurisdiction());
    List<Department> departments = city.departments();
    List<String> kept = new ArrayList<>(jdbc.sql("""
            SELECT 'department ' || code FROM catalog.department
            WHERE edited_in_admin_at IS NOT NULL AND code = ANY(:codes) ORDER BY code""")
        .param("codes", codes(departments.stream().map(Department::code).toList()))
        .query(String.class)
        .list());
    for (int i = 0; i < departments.size(); i++) {
      Department department = departments.get(i);
      jdbc.sql("""
              INSERT INTO catalog.department (code, name, email, position, active)
              VALUES (:code, :name, :email, :position, true)
              ON CONFLICT (code) DO UPDATE
                SET name = excluded.name, email = excluded.email, position = excluded.position, active = true
                WHERE catalog.department.edited_in_admin_at IS NULL""")
          .param("code", department.code())
          .param("name", department.name())
          .param("email", department.email())
          .param("position", i)
          .update();
    }
    jdbc.sql("""
            UPDATE catalog.department SET active = false
            WHERE active AND edited_in_admin_at IS NULL AND NOT (code = ANY(:codes))""")
        .param("codes", codes(departments.stream().map(Department::code).toList()))
        .update();
    Changes saved = saveCategories(city.categories(), 0, Origin.CITY_FILE);
    int retired = jdbc.sql("""
            UPDATE catalog.service_category SET active = false
            WHERE active AND origin = 'city_file' AND edited_in_admin_at IS NULL AND NOT (code = ANY(:codes))""")
        .param("codes", codes(city.categories().stream().map(ServiceCategory::code).toList()))
        .update();
    kept.addAll(saved.keptAdminEdits());
    bumpVersion();
    return new Changes(saved.added(), saved.updated(), retired, saved.questions(), kept);
  }

  /**
   * Writes imported categories after the ones kept, retiring every other active category when
   * {@code replace}.
   */
  @Transactional
  public Changes applyImport(@Nullable Jurisdiction jurisdiction, List<ServiceCategory> categories, boolean replace) {
    lock();
    if (jurisdiction != null) saveJurisdiction(jurisdiction);
    String[] codes = codes(categories.stream().map(ServiceCategory::code).toList());
    int retired = 0;
    if (replace) {
      retired = jdbc.sql("""
              UPDATE catalog.service_category SET active = false
              WHERE active AND edited_in_admin_at IS NULL AND NOT (code = ANY(:codes))""")
          .param("codes", codes)
          .update();
    }
    int firstPosition = jdbc.sql("""
            SELECT coalesce(max(position) + 1, 0) FROM catalog.service_category
            WHERE active AND NOT (code = ANY(:codes))""")
        .param("codes", codes)
        .query(Integer.class)
        .single();
    Changes saved = saveCategories(categories, firstPosition, Origin.OPEN311_IMPORT);
    bumpVersion();
    return new Changes(saved.added(), saved.updated(), retired, saved.questions(), saved.keptAdminEdits());
  }

  @Transactional(readOnly = true)
  public Set<String> activeDepartmentCodes() {
    return Set.copyOf(jdbc.sql("SELECT code FROM catalog.department WHERE active").query(String.class).list());
  }

  @Transactional(readOnly = true)
  public boolean hasJurisdiction() {
    return jdbc.sql("SELECT count(*) FROM catalog.jurisdiction").query(Integer.class).single() > 0;
  }

  /** Reads the whole catalog; the tables hold hundreds of rows, not millions, so this stays cheap. */
  @Transactional(readOnly = true)
  public CatalogSnapshot read() {
    Jurisdiction jurisdiction = jdbc.sql("""
            SELECT id, name, time_zone, bounds_south, bounds_west, bounds_north, bounds_east, contact, key_service
            FROM catalog.jurisdiction""")
        .query((rs, row) -> {
          double south = rs.getDouble("bounds_south");
          Jurisdiction.Bounds bounds = rs.wasNull()
              ? null
              : new Jurisdiction.Bounds(south, rs.getDouble("bounds_west"), rs.getDouble("bounds_north"),
                  rs.getDouble("bounds_east"));
          return new Jurisdiction(rs.getString("id"), rs.getString("name"), ZoneId.of(rs.getString("time_zone")), bounds,
              rs.getString("contact"), rs.getString("key_service"));
        })
        .optional()
        .orElseThrow(() -> new IllegalStateException("The catalog has no jurisdiction: no city file was applied"));

    List<CatalogSnapshot.StoredDepartment> departments = jdbc.sql(
            "SELECT code, name, email, active FROM catalog.department ORDER BY position, code")
        .query((rs, row) -> new CatalogSnapshot.StoredDepartment(
            new Department(rs.getString("code"), rs.getString("name"), rs.getString("email")), rs.getBoolean("active")))
        .list();

    Map<String, Map<String, List<Question.AllowedValue>>> values = new HashMap<>();
    jdbc.sql("SELECT category_code, question_code, key, name FROM catalog.question_value ORDER BY position")
        .query(rs -> {
          values.computeIfAbsent(rs.getString("category_code"), code -> new HashMap<>())
              .computeIfAbsent(rs.getString("question_code"), code -> new ArrayList<>())
              .add(new Question.AllowedValue(rs.getString("key"), rs.getString("name")));
        });

    Map<String, List<Question>> questions = new HashMap<>();
    jdbc.sql("""
            SELECT category_code, code, variable, datatype, required, datatype_description, display_order, description
            FROM catalog.question ORDER BY display_order, code""")
        .query(rs -> {
          String category = rs.getString("category_code");
          String code = rs.getString("code");
          questions.computeIfAbsent(category, c -> new ArrayList<>())
              .add(new Question(code, rs.getBoolean("variable"), QuestionDatatype.fromOpen311(rs.getString("datatype")),
                  rs.getBoolean("required"), rs.getString("datatype_description"), rs.getInt("display_order"),
                  rs.getString("description"), values.getOrDefault(category, Map.of()).getOrDefault(code, List.of())));
        });

    List<CatalogSnapshot.StoredCategory> categories = jdbc.sql("""
            SELECT code, name, description, group_name, keywords, type, metadata, department_code,
                   sla_amount, sla_unit, service_notice, active, translations
            FROM catalog.service_category ORDER BY position, code""")
        .query((rs, row) -> {
          String code = rs.getString("code");
          int slaAmount = rs.getInt("sla_amount");
          SlaTarget sla = rs.wasNull()
              ? null
              : new SlaTarget(slaAmount, SlaTarget.Unit.valueOf(rs.getString("sla_unit").toUpperCase(Locale.ROOT)));
          var category = new ServiceCategory(code, rs.getString("name"), rs.getString("description"),
              rs.getString("group_name"), rs.getString("keywords"),
              ServiceType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)), rs.getBoolean("metadata"),
              questions.getOrDefault(code, List.of()), rs.getString("department_code"), sla,
              rs.getString("service_notice"), translationsFromJson(rs.getString("translations")));
          return new CatalogSnapshot.StoredCategory(category, rs.getBoolean("active"));
        })
        .list();
    return CatalogSnapshot.of(jurisdiction, departments, categories);
  }

  /** Tells every node (through {@link #version()}) that the catalog changed. */
  void bumpVersion() {
    jdbc.sql("UPDATE catalog.version SET version = version + 1").update();
  }

  /** The change counter; one primary-key read, cheap enough to poll every few seconds. */
  long version() {
    return jdbc.sql("SELECT version FROM catalog.version").query(Long.class).single();
  }

  /** Two nodes starting at once must not interleave their upserts. */
  void lock() {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('civic311.catalog'))").query().singleRow();
  }

  private void saveJurisdiction(Jurisdiction jurisdiction) {
    Jurisdiction.Bounds bounds = jurisdiction.bounds();
    jdbc.sql("""
            INSERT INTO catalog.jurisdiction
              (singleton, id, name, time_zone, bounds_south, bounds_west, bounds_north, bounds_east, contact, key_service)
            VALUES (true, :id, :name, :timeZone, :south, :west, :north, :east, :contact, :keyService)
            ON CONFLICT (singleton) DO UPDATE
              SET id = excluded.id, name = excluded.name, time_zone = excluded.time_zone,
                  bounds_south = excluded.bounds_south, bounds_west = excluded.bounds_west,
                  bounds_north = excluded.bounds_north, bounds_east = excluded.bounds_east,
                  contact = excluded.contact, key_service = excluded.key_service""")
        .param("id", jurisdiction.id())
        .param("name", jurisdiction.name())
        .param("timeZone", jurisdiction.timeZone().getId())
        .param("south", bounds == null ? null : bounds.south(), Types.DOUBLE)
        .param("west", bounds == null ? null : bounds.west(), Types.DOUBLE)
        .param("north", bounds == null ? null : bounds.north(), Types.DOUBLE)
        .param("east", bounds == null ? null : bounds.east(), Types.DOUBLE)
        .param("contact", jurisdiction.contact())
        .param("keyService", jurisdiction.keyService())
        .update();
  }

  private Changes saveCategories(List<ServiceCategory> categories, int firstPosition, Origin origin) {
    int added = 0;
    int questions = 0;
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      ServiceCategory category = categories.get(i);
      SlaTarget sla = category.sla();
      // xmax = 0 only on a freshly inserted row: tells an insert from an update in one statement.
      Boolean inserted = jdbc.sql("""
              INSERT INTO catalog.service_category
                (code, name, description, group_name, keywords, type, metadata, department_code,
                 sla_amount, sla_unit, service_notice, position, active, origin, translations)
              VALUES (:code, :name, :description, :group, :keywords, :type, :metadata, :department,
                      :slaAmount, :slaUnit, :serviceNotice, :position, true, :origin, cast(:translations AS jsonb))
              ON CONFLICT (code) DO UPDATE
                SET name = excluded.name, description = excluded.description, group_name = excluded.group_name,
                    keywords = excluded.keywords, type = excluded.type, metadata = excluded.metadata,
                    department_code = excluded.department_code, sla_amount = excluded.sla_amount,
                    sla_unit = excluded.sla_unit, service_notice = excluded.service_notice,
                    position = excluded.position, active = true, origin = excluded.origin,
                    translations = excluded.translations
                WHERE catalog.service_category.edited_in_admin_at IS NULL
              RETURNING (xmax = 0) AS inserted""")
          .param("code", category.code())
          .param("name", category.name())
          .param("description", category.description())
          .param("group", category.group())
          .param("keywords", category.keywords())
          .param("type", category.type().open311())
          .param("metadata", category.metadata())
          .param("department", category.departmentCode())
          .param("slaAmount", sla == null ? null : sla.amount(), Types.INTEGER)
          .param("slaUnit", sla == null ? null : sla.unit().name().toLowerCase(Locale.ROOT))
          .param("serviceNotice", category.serviceNotice())
          .param("position", firstPosition + i)
          .param("origin", origin.column())
          .param("translations", TRANSLATIONS.writeValueAsString(category.translations()))
          .query(Boolean.class)
          .optional()
          // No row back: an admin edited the category, and their version stays.
          .orElse(null);
      if (inserted == null) {
        kept.add("category " + category.code());
        continue;
      }
      if (inserted) added++;
      saveQuestions(category);
      questions += category.questions().size();
    }
    return new Changes(added, categories.size() - added - kept.size(), 0, questions, kept);
  }

  /** Questions are owned by their category: replacing them wholesale keeps their order and values exact. */
  private void saveQuestions(ServiceCategory category) {
    replaceQuestions(category.code(), category.questions());
  }

  void replaceQuestions(String categoryCode, List<Question> questions) {
    ServiceCategory category = new ServiceCategory(categoryCode, "", "", null, null, ServiceType.REALTIME, false, questions,
        null, null, null);
    jdbc.sql("DELETE FROM catalog.question WHERE category_code = :code").param("code", category.code()).update();
    for (Question question : category.questions()) {
      jdbc.sql("""
              INSERT INTO catalog.question
                (category_code, code, variable, datatype, required, datatype_description, display_order, description)
              VALUES (:category, :code, :variable, :datatype, :required, :datatypeDescription, :order, :description)""")
          .param("category", category.code())
          .param("code", question.code())
          .param("variable", question.variable())
          .param("datatype", question.datatype().open311())
          .param("required", question.required())
          .param("datatypeDescription", question.datatypeDescription())
          .param("order", question.order())
          .param("description", question.description())
          .update();
      List<Question.AllowedValue> values = question.values();
      for (int i = 0; i < values.size(); i++) {
        jdbc.sql("""
                INSERT INTO catalog.question_value (category_code, question_code, key, name, position)
                VALUES (:category, :question, :key, :name, :position)""")
            .param("category", category.code())
            .param("question", question.code())
            .param("key", values.get(i).key())
            .param("name", values.get(i).name())
            .param("position", i)
            .update();
      }
    }
  }

  private static Map<String, CategoryTranslation> translationsFromJson(@Nullable String json) {
    if (json == null || json.isBlank()) return Map.of();
    return TRANSLATIONS.readValue(json, TRANSLATIONS_TYPE);
  }

  private static String[] codes(Collection<String> codes) {
    return codes.stream().distinct().toArray(String[]::new);
  }
}
