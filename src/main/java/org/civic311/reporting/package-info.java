/**
 * Numbers for managers and the public, counted from the requests module when asked: today a daily
 * count of requests received and closed per category, the base of dashboards and exports. Nothing is
 * written here when a request arrives or changes.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = "requests")
package org.civic311.reporting;

import org.jspecify.annotations.NullMarked;
