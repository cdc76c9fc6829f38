package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the Open311 controller for a request before the application's main handler mapping does, by
 * looking among the Open311 routes only. Every Open311 route has a variable in it
 * ({@code requests/{file}}, {@code services.{extension}}), so the main mapping cannot take its fast
 * exact-path lookup and tries every route of the application in turn; with the portal's and the
 * console's pages that search was about a tenth of the CPU of a GET by id (docs/performance.md). Paths
 * outside {@code /open311} are passed on at once. The controllers stay in the main mapping too, which
 * changes nothing: this one answers first.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class Open311Routes implements HandlerMapping, Ordered, InitializingBean {

  private static final String PREFIX = "/open311";

  private final Routes routes = new Routes();

  Open311Routes(
      ApplicationContext context, @Qualifier("mvcContentNegotiationManager") ContentNegotiationManager negotiation) {
    routes.setApplicationContext(context);
    routes.setContentNegotiationManager(negotiation);
  }

  @Override
  public void afterPropertiesSet() {
    routes.afterPropertiesSet();
  }

  @Override
  public @Nullable HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (!uri.startsWith(PREFIX, context.length())) return null;
    return routes.getHandler(request);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public boolean usesPathPatterns() {
    return true;
  }

  /** A request mapping over the Open311 controllers of this package only. */
  private static final class Routes extends RequestMappingHandlerMapping {
    @Override
    protected boolean isHandler(Class<?> beanType) {
      return beanType.getPackageName().equals(Open311Routes.class.getPackageName()) && super.isHandler(beanType);
    }
  }
}
