package org.civic311.workflow;

import java.time.LocalDate;

/** A day the city does not work, with the name staff know it by (e.g. "Thanksgiving Day"). */
public record Holiday(LocalDate date, String name) {}
