package org.civic311.console.internal.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.civic311.catalog.CategoryNotFound;
import org.civic311.identity.StaffMemberNotFound;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Something removed between the page and the save (another admin's edit): the console's 404 page,
 * never a 500.
 */
@ControllerAdvice(basePackages = "org.civic311.console.internal.web.admin")
class AdminPagesAdvice {

  @ExceptionHandler({CategoryNotFound.class, StaffMemberNotFound.class})
  String notFound(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return "console/admin/not-found";
  }
}
