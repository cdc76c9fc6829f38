package org.civic311.requests;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A report the sample city always accepts, for tests of any module: a large pothole in a traffic lane
 * at City Hall, with the answers its category requires.
 */
public final class TestReports {

  private TestReports() {}

  public static SubmitServiceRequest pothole(Reporter reporter) {
    return pothole(Channel.WEB, reporter, null, null);
  }

  public static SubmitServiceRequest pothole(
      Channel channel, Reporter reporter, @Nullable String idempotencyKey, @Nullable String idempotencyScope) {
    return new SubmitServiceRequest(
        "POTHOLE",
        Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
        new Location(34.0522, -118.2437, "200 N Spring St", null, "90012"),
        "Deep pothole in the right lane",
        List.of(),
        channel,
        reporter,
        idempotencyKey,
        idempotencyScope);
  }
}
