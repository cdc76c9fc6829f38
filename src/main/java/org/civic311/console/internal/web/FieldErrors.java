package org.civic311.console.internal.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Ties a form's error message to the field it is about (WCAG 3.3.1, 1.3.1), for the console's
 * templates: {@code th:attr="aria-describedby=${@fieldErrors.describedBy(problem?.field(), 'name', 'problem', 'name-hint')},
 * aria-invalid=${@fieldErrors.invalid(problem?.field(), 'name')}"}. A null answer leaves the attribute out.
 */
@Component("fieldErrors")
public class FieldErrors {

  /**
   * The ids a field's {@code aria-describedby} lists: its hints, then the error message's id when the
   * refused field is this one; null when there is nothing to list.
   */
  public @Nullable String describedBy(@Nullable String refusedField, String field, String errorId, String... hints) {
    List<String> ids = new ArrayList<>(List.of(hints));
    if (field.equals(refusedField)) ids.add(errorId);
    return ids.isEmpty() ? null : String.join(" ", ids);
  }

  /** As {@link #describedBy}, for a form that refuses several fields at once. */
  public @Nullable String describedByAny(@Nullable Collection<String> refusedFields, String field, String errorId, String... hints) {
    return describedBy(refusedFields != null && refusedFields.contains(field) ? field : null, field, errorId, hints);
  }

  /** As {@link #invalid}, for a form that refuses several fields at once. */
  public @Nullable String invalidAny(@Nullable Collection<String> refusedFields, String field) {
    return refusedFields != null && refusedFields.contains(field) ? "true" : null;
  }

  /** {@code "true"} on the refused field, null (no attribute) on the others. */
  public @Nullable String invalid(@Nullable String refusedField, String field) {
    return field.equals(refusedField) ? "true" : null;
  }
}
