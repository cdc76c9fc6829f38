package org.civic311.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What an admin edits of a category; its questions are saved on their own, and what the form does not
 * show (Open311 type, service notice, translations) stays as it is.
 *
 * @param code the Open311 service_code; a new code adds a category
 * @param name short name residents see
 * @param description what belongs in the category
 * @param group the Open311 group; null for none
 * @param keywords comma separated search words; null for none
 * @param departmentCode the department that handles it; null for none
 * @param sla the target time to fix; null for none
 * @param active false retires the category (kept for the requests filed in it)
 */
public record CategoryDetails(
    String code,
    String name,
    String description,
    @Nullable String group,
    @Nullable String keywords,
    @Nullable String departmentCode,
    @Nullable SlaTarget sla,
    boolean active) {}
