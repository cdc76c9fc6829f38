package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every exception thrown in an Open311 controller becomes an Open311 error list. Scoped to this
 * package, and ordered first so an application-wide advice cannot answer with its own format.
 */
@RestControllerAdvice(basePackageClasses = Open311ErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311ErrorAdvice {

  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> handle(Exception failure, HttpServletRequest request) {
    return Open311ErrorTranslator.translate(failure, request);
  }
}
