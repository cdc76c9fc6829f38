package org.civic311.audit.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditNotes;
import org.civic311.audit.AuditRecord;
import org.civic311.identity.CurrentStaff;
import org.civic311.identity.StaffMember;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes every state-changing staff request (anything but GET and HEAD under {@code /staff/}) to the
 * audit log when it completes, whatever the page did: the log cannot miss an action because a page
 * forgot to record it. The action is the route ({@code POST /staff/requests/{number}/assign}), the
 * target the request number or other id in the path, the detail the answer's status. Form fields are
 * not kept: they may hold passwords or a reporter's contact data.
 */
@Configuration(proxyBeanMethods = false)
class StaffActionsAudit implements WebMvcConfigurer, HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(StaffActionsAudit.class);

  private final ObjectProvider<AuditLog> auditLog;
  private final ObjectProvider<CurrentStaff> currentStaff;

  StaffActionsAudit(ObjectProvider<AuditLog> auditLog, ObjectProvider<CurrentStaff> currentStaff) {
    this.auditLog = auditLog;
    this.currentStaff = currentStaff;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/staff/**");
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception failure) {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) return;
    AuditLog log = auditLog.getIfAvailable();
    CurrentStaff staff = currentStaff.getIfAvailable();
    if (log == null || staff == null) return;
    String actor = staff.get().map(StaffMember::email).orElse("anonymous");
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String route = pattern instanceof String p ? p : request.getRequestURI();
    String status = "status " + (failure != null && response.getStatus() < 400 ? 500 : response.getStatus());
    String note = AuditNotes.detailOf(request);
    String target = AuditNotes.targetOf(request);
    try {
      log.record(
          new AuditRecord(
              actor,
              method + " " + route,
              target != null ? target : target(request),
              note == null ? status : note + "; " + status,
              request.getRemoteAddr()));
    } catch (RuntimeException e) {
      StaffActionsAudit.log.error("Could not write the audit entry for {} {} by {}", method, route, actor, e);
    }
  }

  /** The first path variable (a request number, an account id), or several joined. */
  private static @Nullable String target(HttpServletRequest request) {
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
        && !variables.isEmpty()) {
      return String.join(" ", variables.values().stream().map(String::valueOf).toList());
    }
    return null;
  }
}
