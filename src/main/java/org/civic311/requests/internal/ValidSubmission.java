package org.civic311.requests.internal;

import java.util.List;
import java.util.Map;
import org.civic311.catalog.ServiceCategory;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.jspecify.annotations.Nullable;

/** A submission that passed every rule, with its text trimmed; only the policy creates one. */
record ValidSubmission(
    ServiceCategory category,
    Map<String, List<String>> answers,
    Location location,
    @Nullable String description,
    List<String> mediaUrls,
    Channel channel,
    Reporter reporter) {

  String categoryCode() {
    return category.code();
  }
}
