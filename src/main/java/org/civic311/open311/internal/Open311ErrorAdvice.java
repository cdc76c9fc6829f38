package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Every exception thrown in an Open311 controller becomes an Open311 error list. Scoped to this
 * package, and ordered first so an application-wide advice cannot answer with its own format.
 */
@RestControllerAdvice(basePackageClasses = Open311ErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311ErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(Open311ErrorAdvice.class);

  @ExceptionHandler(Exception.class)
  @Nullable ResponseEntity<byte[]> handle(Exception failure, HttpServletRequest request) {
    if (clientWentAway(failure)) {
      // The client closed the connection while we wrote the answer: nobody is left to answer.
      log.debug("Client disconnected before the Open311 answer was written");
      return null;
    }
    return Open311ErrorTranslator.translate(failure, request);
  }

  private static boolean clientWentAway(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AsyncRequestNotUsableException || t.getClass().getSimpleName().equals("ClientAbortException")) {
        return true;
      }
    }
    return false;
  }
}
