package org.civic311.catalog.internal;

import org.civic311.catalog.CatalogFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a broken city file at start into Spring Boot's short "APPLICATION FAILED TO START" report: the
 * person fixing it is a city administrator, not a Java developer reading a bean-creation stack trace.
 */
class CatalogFileFailureAnalyzer extends AbstractFailureAnalyzer<CatalogFileException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CatalogFileException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Fix the file, or point civic311.city-file (environment CIVIC311_CITY_FILE) at another city file; "
            + "the sample is classpath:city/springfield.yml.",
        cause);
  }
}
