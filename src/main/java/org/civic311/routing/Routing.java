package org.civic311.routing;

import org.jspecify.annotations.Nullable;

/** The routing policy asked at submission: which department gets a request. */
public interface Routing {

  /**
   * The department for a request of this category at this point.
   *
   * @return the department code, or null when the category names none (then it waits for triage)
   */
  @Nullable String departmentFor(String categoryCode, @Nullable Double latitude, @Nullable Double longitude);
}
