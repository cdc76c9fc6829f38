/**
 * Numbers for managers and the public, fed by request events inside the transaction that stores each
 * change: today a daily count of requests received and closed per category, the base of dashboards and
 * exports.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = "requests")
package org.civic311.reporting;

import org.jspecify.annotations.NullMarked;
