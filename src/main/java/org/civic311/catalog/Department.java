package org.civic311.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A city department that fixes problems, e.g. Public Works; shown as Open311 {@code agency_responsible}.
 *
 * @param code short stable code, e.g. {@code PW}
 * @param name name the public sees
 * @param email where the department gets mail; null when not given
 */
public record Department(String code, String name, @Nullable String email) {}
