package org.civic311.portal.internal.web;

import java.util.List;
import java.util.Set;
import org.civic311.requests.RequestQuery;

/** Searches the tests use to count requests. */
final class Queries {

  private Queries() {}

  static RequestQuery all() {
    return new RequestQuery(List.of(), List.of(), Set.of(), null, null, null, null, null, null, 1, 1000, false);
  }
}
