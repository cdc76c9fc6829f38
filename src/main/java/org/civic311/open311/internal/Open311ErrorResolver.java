package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UrlPathHelper;

/**
 * Failures under /open311 that happen before any controller is chosen (a broken or oversized multipart
 * body, which the dispatcher parses first) also get an Open311 error list; the scoped advice cannot
 * see them because there is no handler yet.
 */
@Component
class Open311ErrorResolver implements HandlerExceptionResolver, Ordered {

  private final UrlPathHelper paths = new UrlPathHelper();

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception failure) {
    String path = paths.getPathWithinApplication(request);
    if (!(path.equals("/open311") || path.startsWith("/open311/")) || isOurs(handler) || response.isCommitted()) {
      return null;
    }
    var entity = Open311ErrorTranslator.translate(failure, request);
    try {
      response.reset();
      response.setStatus(entity.getStatusCode().value());
      entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
      byte[] body = entity.getBody();
      if (body != null) response.getOutputStream().write(body);
      response.flushBuffer();
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }

  /** Our controllers' failures go to {@link Open311ErrorAdvice}. */
  private static boolean isOurs(@Nullable Object handler) {
    return handler instanceof HandlerMethod method
        && method.getBeanType().getPackageName().equals(Open311ErrorResolver.class.getPackageName());
  }

  @Override
  public int getOrder() {
    // Right after Spring Boot's DefaultErrorAttributes, which only records the failure.
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
