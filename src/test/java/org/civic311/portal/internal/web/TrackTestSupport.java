package org.civic311.portal.internal.web;

import java.util.List;
import java.util.Map;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Reporter;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;

/** What the status page and map tests share: a clock moved by hand and a request with a reporter. */
final class TrackTestSupport {

  static final String REPORTER_EMAIL = "ana.reporter@example.org";
  static final String REPORTER_PHONE = "+1 213 555 0147";
  static final String REPORTER_NAME = "Zenobia";

  private TrackTestSupport() {}

  /** A pothole reported with full contact details, which no public page may show. */
  static RequestNumber pothole(ServiceRequests requests, String description) {
    return requests.submit(new SubmitServiceRequest(
            "POTHOLE",
            Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
            new Location(34.0522, -118.2437, "200 N Spring St", null, "90012"),
            description,
            List.of(),
            Channel.WEB,
            new Reporter(REPORTER_NAME, "Quillfeather", REPORTER_EMAIL, REPORTER_PHONE, null, null, true, "en"),
            null,
            null))
        .number();
  }
}
