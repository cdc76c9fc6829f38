package org.civic311.geo.internal;

import org.civic311.geo.AddressFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a broken address file at start into Spring Boot's short "APPLICATION FAILED TO START" report,
 * with every bad line, for the city administrator who fixes the file.
 */
class AddressFileFailureAnalyzer extends AbstractFailureAnalyzer<AddressFileException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AddressFileException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Fix those lines of the address file (the header is line 1; the format is in the README), or set "
            + "civic311.address-file (environment CIVIC311_ADDRESS_FILE) to another file, or empty for none.",
        cause);
  }
}
