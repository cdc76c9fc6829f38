/**
 * Administration from a terminal: {@code java -jar civic311.jar <command>} runs one task (create, list
 * or revoke API keys, create a staff admin, manage webhook endpoints, import an Open311 services list or the city's street
 * addresses, add sample requests) against the configured database and exits, without starting the web server. Commands only
 * use other modules' public APIs.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Command line", allowedDependencies = {"identity", "catalog", "requests", "geo", "webhooks"})
package org.civic311.cli;

import org.jspecify.annotations.NullMarked;
