/**
 * SLA clocks and escalation. The workflow module owns the city's business calendar (working days,
 * working hours and holidays in the city's time zone), which the requests module counts business-day
 * targets in, and a job that watches due dates: it warns the department's dispatcher when most of the
 * target time has passed and, at breach, raises the request's priority and tells the supervisor. It
 * learns about due requests by reading the requests module, so nothing is added to the path of a new
 * report.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Workflow", allowedDependencies = {"requests", "catalog"})
package org.civic311.workflow;

import org.jspecify.annotations.NullMarked;
