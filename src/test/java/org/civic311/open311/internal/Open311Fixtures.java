package org.civic311.open311.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.catalog.Department;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.ServiceType;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Location;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;

/** A small city for the Open311 tests: Springfield, on New York time, with three kinds of service. */
final class Open311Fixtures {

  static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final Jurisdiction SPRINGFIELD =
      new Jurisdiction(
          "springfield.example.gov",
          "City of Springfield",
          ZoneId.of("America/New_York"),
          new Jurisdiction.Bounds(38.0, -78.0, 40.0, -76.0),
          "Write to open311@springfield.example.gov or call 311",
          "Ask for a key at https://311.springfield.example.gov/keys");

  static final Department PUBLIC_WORKS = new Department("PW", "Public Works", null);

  static final Question HOW_MANY =
      new Question("HOWMANYD", true, QuestionDatatype.NUMBER, true, "A whole number", 1, "How many potholes?", List.of());
  static final Question SIZE =
      new Question(
          "SIZE",
          true,
          QuestionDatatype.SINGLEVALUELIST,
          false,
          null,
          2,
          "How big is it?",
          List.of(new Question.AllowedValue("S", "Small"), new Question.AllowedValue("L", "Large")));
  static final Question NOTICE =
      new Question("NOTE", false, QuestionDatatype.TEXT, false, null, 3, "We fix potholes in 3 days.", List.of());

  static final ServiceCategory POTHOLE =
      new ServiceCategory(
          "POTHOLE",
          "Pothole",
          "A hole in the road",
          "Streets",
          "road, hole",
          ServiceType.REALTIME,
          true,
          List.of(HOW_MANY, SIZE, NOTICE),
          "PW",
          null,
          "We will look at it within 3 business days.");
  static final ServiceCategory BULKY =
      new ServiceCategory(
          "BULKY", "Bulky item pickup", "Furniture left out", "Sanitation", null, ServiceType.BATCH, false, List.of(), "PW", null, null);
  static final ServiceCategory TIP =
      new ServiceCategory(
          "TIP", "Anonymous tip", "Something we should know", null, null, ServiceType.BLACKBOX, false, List.of(), null, null, null);

  static final List<ServiceCategory> CATEGORIES = List.of(POTHOLE, BULKY, TIP);

  private Open311Fixtures() {}

  static RequestBuilder request(String number) {
    return new RequestBuilder(number);
  }

  /** Builds the details of a request as the requests module returns them. */
  static final class RequestBuilder {
    private final String number;
    private String category = "POTHOLE";
    private Status status = Status.ACKNOWLEDGED;
    private @Nullable CloseReason closeReason;
    private @Nullable String description = "Deep hole in front of 12 Main St";
    private Location location = new Location(38.8977, -77.0365, "12 Main St", "A-1", "20500");
    private List<String> media = List.of("https://311.springfield.example.gov/photos/p1.jpg");
    private Map<String, List<String>> answers = new LinkedHashMap<>(Map.of("HOWMANYD", List.of("2")));
    private @Nullable RequestNumber duplicateOf;
    private final List<HistoryEntry> history = new ArrayList<>();
    private @Nullable String departmentCode = "PW";

    RequestBuilder(String number) {
      this.number = number;
    }

    RequestBuilder category(String code) {
      this.category = code;
      return this;
    }

    RequestBuilder status(Status status, @Nullable CloseReason reason) {
      this.status = status;
      this.closeReason = reason;
      return this;
    }

    RequestBuilder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    RequestBuilder location(Location location) {
      this.location = location;
      return this;
    }

    RequestBuilder media(String... urls) {
      this.media = List.of(urls);
      return this;
    }

    RequestBuilder answers(Map<String, List<String>> answers) {
      this.answers = new LinkedHashMap<>(answers);
      return this;
    }

    RequestBuilder duplicateOf(String parent) {
      this.duplicateOf = new RequestNumber(parent);
      return this;
    }

    RequestBuilder department(@Nullable String code) {
      this.departmentCode = code;
      return this;
    }

    RequestBuilder history(HistoryEntry.Kind kind, boolean publicEntry, String text) {
      history.add(
          new HistoryEntry(
              history.size() + 1L,
              Instant.parse("2026-11-19T12:00:00Z").plusSeconds(history.size() * 60L),
              kind,
              status,
              publicEntry,
              text,
              Actor.staff("pat")));
      return this;
    }

    ServiceRequestDetails build() {
      return new ServiceRequestDetails(
          new RequestNumber(number),
          category,
          status,
          closeReason,
          Priority.NORMAL,
          Channel.OPEN311,
          departmentCode,
          description,
          location,
          media,
          answers,
          Instant.parse("2026-11-19T12:00:00.123Z"),
          Instant.parse("2026-11-19T13:30:00Z"),
          Instant.parse("2026-11-24T12:00:00Z"),
          null,
          "We are on it",
          duplicateOf,
          3,
          "crew 7",
          history);
    }
  }
}
