package org.civic311.portal.internal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** Language for the pages: from a cookie, else the browser; switched by {@code ?lang=}. */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

  private final CookieLocaleResolver resolver = Languages.resolver();

  /** The name Spring MVC looks the resolver up by. */
  @Bean
  LocaleResolver localeResolver() {
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // Open311, photos and the actuator speak to machines: no language cookie there.
    registry.addInterceptor(new Languages.Switch(resolver))
        .addPathPatterns("/**")
        .excludePathPatterns("/open311/**", "/media/**", "/actuator/**", "/webjars/**", "/portal/**");
  }
}
