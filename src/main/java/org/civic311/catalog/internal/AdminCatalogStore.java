package org.civic311.catalog.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civic311.catalog.CategoryDetails;
import org.civic311.catalog.Department;
import org.civic311.catalog.Question;
import org.civic311.catalog.SlaTarget;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's writes to the {@code catalog} schema (next to {@link CatalogStore}, which applies files):
 * each one marks the row as edited in the console and raises the catalog's version, in one transaction.
 */
@Repository
class AdminCatalogStore {

  /** The flags of a stored category or department that the public records do not carry. */
  record RowState(String code, boolean active, @Nullable Instant editedInAdminAt) {}

  private final JdbcClient jdbc;
  private final CatalogStore store;

  AdminCatalogStore(JdbcClient jdbc, CatalogStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  @Transactional(readOnly = true)
  public List<RowState> categoryStates() {
    return jdbc.sql("SELECT code, active, edited_in_admin_at FROM catalog.service_category ORDER BY position, code")
        .query((rs, row) -> new RowState(rs.getString(1), rs.getBoolean(2), instant(rs.getTimestamp(3))))
        .list();
  }

  @Transactional(readOnly = true)
  public List<RowState> departmentStates() {
    return jdbc.sql("SELECT code, active, edited_in_admin_at FROM catalog.department ORDER BY position, code")
        .query((rs, row) -> new RowState(rs.getString(1), rs.getBoolean(2), instant(rs.getTimestamp(3))))
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<RowState> categoryState(String code) {
    return jdbc.sql("SELECT code, active, edited_in_admin_at FROM catalog.service_category WHERE code = ?")
        .param(code)
        .query((rs, row) -> new RowState(rs.getString(1), rs.getBoolean(2), instant(rs.getTimestamp(3))))
        .optional();
  }

  /** Updates the category, or inserts it after the others when the code is new. */
  @Transactional
  public void saveCategory(CategoryDetails details, Instant now) {
    store.lock();
    SlaTarget sla = details.sla();
    int updated = jdbc.sql("""
            UPDATE catalog.service_category
            SET name = :name, description = :description, group_name = :group, keywords = :keywords,
                department_code = :department, sla_amount = :slaAmount, sla_unit = :slaUnit, active = :active,
                edited_in_admin_at = :now
            WHERE code = :code""")
        .param("code", details.code())
        .param("name", details.name())
        .param("description", details.description())
        .param("group", details.group())
        .param("keywords", details.keywords())
        .param("department", details.departmentCode())
        .param("slaAmount", sla == null ? null : sla.amount(), Types.INTEGER)
        .param("slaUnit", sla == null ? null : sla.unit().name().toLowerCase(Locale.ROOT))
        .param("active", details.active())
        .param("now", Timestamp.from(now))
        .update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO catalog.service_category
                (code, name, description, group_name, keywords, type, metadata, department_code, sla_amount, sla_unit,
                 position, active, origin, edited_in_admin_at)
              VALUES (:code, :name, :description, :group, :keywords, 'realtime', false, :department, :slaAmount, :slaUnit,
                      (SELECT coalesce(max(position) + 1, 0) FROM catalog.service_category), :active, 'admin', :now)""")
          .param("code", details.code())
          .param("name", details.name())
          .param("description", details.description())
          .param("group", details.group())
          .param("keywords", details.keywords())
          .param("department", details.departmentCode())
          .param("slaAmount", sla == null ? null : sla.amount(), Types.INTEGER)
          .param("slaUnit", sla == null ? null : sla.unit().name().toLowerCase(Locale.ROOT))
          .param("active", details.active())
          .param("now", Timestamp.from(now))
          .update();
    }
    store.bumpVersion();
  }

  /** Replaces the questions; false when there is no such category. */
  @Transactional
  public boolean saveQuestions(String categoryCode, List<Question> questions, Instant now) {
    store.lock();
    int updated = jdbc.sql("""
            UPDATE catalog.service_category SET metadata = :metadata, edited_in_admin_at = :now WHERE code = :code""")
        .param("metadata", !questions.isEmpty())
        .param("now", Timestamp.from(now))
        .param("code", categoryCode)
        .update();
    if (updated == 0) return false;
    store.replaceQuestions(categoryCode, questions);
    store.bumpVersion();
    return true;
  }

  @Transactional
  public void saveDepartment(Department department, boolean active, Instant now) {
    store.lock();
    jdbc.sql("""
            INSERT INTO catalog.department (code, name, email, position, active, edited_in_admin_at)
            VALUES (:code, :name, :email, (SELECT coalesce(max(position) + 1, 0) FROM catalog.department), :active, :now)
            ON CONFLICT (code) DO UPDATE
              SET name = excluded.name, email = excluded.email, active = excluded.active,
                  edited_in_admin_at = excluded.edited_in_admin_at""")
        .param("code", department.code())
        .param("name", department.name())
        .param("email", department.email())
        .param("active", active)
        .param("now", Timestamp.from(now))
        .update();
    store.bumpVersion();
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
