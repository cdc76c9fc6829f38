/**
 * Administration from a terminal: {@code java -jar civic311.jar <command>} runs one task (create, list
 * or revoke API keys, create a staff admin, import an Open311 services list, add sample requests) against the configured database and exits,
 * without starting the web server. Commands only use other modules' public APIs.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Command line", allowedDependencies = {"identity", "catalog", "requests"})
package org.civic311.cli;

import org.jspecify.annotations.NullMarked;
