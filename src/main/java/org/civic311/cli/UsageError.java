package org.civic311.cli;

/** Arguments the commands do not understand; reported with the usage text and exit code 2. */
final class UsageError extends RuntimeException {
  UsageError(String message) {
    super(message);
  }
}
