package org.civic311.identity;

/**
 * A team of a department that goes out to fix things.
 *
 * @param code short stable code, e.g. {@code PW-EAST}
 * @param name the name staff see, e.g. "Public Works East"
 * @param department code of the catalog department it belongs to
 */
public record Crew(String code, String name, String department) {}
