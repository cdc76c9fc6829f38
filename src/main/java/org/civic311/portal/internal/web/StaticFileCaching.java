package org.civic311.portal.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long browsers keep the portal's static files. A file whose address names its content (the
 * portal's scripts and style sheets carry a hash of their content in their name, see
 * {@code spring.web.resources.chain} in application.yml; a WebJar's address names its version) never
 * changes, so a phone keeps it for a year and never asks again; any other static file is checked
 * with the server on each use, so a new release reaches everyone at once.
 */
@Configuration(proxyBeanMethods = false)
class StaticFileCaching {

  /** A year, the longest lifetime HTTP caches are asked to honour. */
  static final String FOREVER = "public, max-age=31536000, immutable";
  static final String ASK_EACH_TIME = "no-cache";

  private static final Pattern CONTENT_HASH = Pattern.compile("^/portal/.+-[0-9a-f]{32}\\.[a-z0-9]+$");
  private static final Pattern WEBJAR_VERSION = Pattern.compile("^/webjars/[^/]+/\\d[^/]*/.+$");

  static String cacheControl(String path) {
    return CONTENT_HASH.matcher(path).matches() || WEBJAR_VERSION.matcher(path).matches() ? FOREVER : ASK_EACH_TIME;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staticFileCachingFilter() {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
          response.setHeader("Cache-Control", cacheControl(request.getRequestURI().substring(request.getContextPath().length())));
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/portal/*", "/webjars/*");
    registration.setName("staticFileCaching");
    return registration;
  }
}
