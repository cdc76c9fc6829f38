package org.civic311.identity.internal.web;

import java.util.List;
import org.civic311.identity.CurrentStaff;
import org.civic311.identity.StaffMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller declare a {@link StaffMember} parameter to get the signed-in member. Nobody
 * signed in is an authentication error, which sends a browser to the sign-in page. The current-staff
 * bean is looked up lazily, so web slice tests of other modules start without the identity module.
 */
@Configuration(proxyBeanMethods = false)
class StaffMemberArguments implements WebMvcConfigurer {

  private final ObjectProvider<CurrentStaff> currentStaff;

  StaffMemberArguments(ObjectProvider<CurrentStaff> currentStaff) {
    this.currentStaff = currentStaff;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == StaffMember.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer mav,
              NativeWebRequest request,
              WebDataBinderFactory binders) {
            // Read moments ago for the page's language (StaffPageLanguage): as fresh as another read.
            if (request.getAttribute(StaffPageLanguage.MEMBER, NativeWebRequest.SCOPE_REQUEST) instanceof StaffMember member) return member;
            CurrentStaff staff = currentStaff.getIfAvailable();
            if (staff == null) throw new AuthenticationCredentialsNotFoundException("No staff sign-in in this application");
            return staff.get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No staff member is signed in"));
          }
        });
  }
}
