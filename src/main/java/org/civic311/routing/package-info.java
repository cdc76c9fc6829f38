/**
 * Decides which department handles a new request. Today the rule is the category's department;
 * zones and per-area rules (a park's trees go to Parks, a street's to Public Works) plug in here.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Routing", allowedDependencies = "catalog")
package org.civic311.routing;

import org.jspecify.annotations.NullMarked;
