/**
 * What a city offers: its jurisdiction, its departments, and the service categories a resident can
 * report (the Open311 "services") with their questions and SLA targets. A city describes all of it in
 * one YAML file that is loaded at start; an Open311 services list can be imported as a catalog.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.civic311.catalog;

import org.jspecify.annotations.NullMarked;
