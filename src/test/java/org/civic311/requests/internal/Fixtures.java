package org.civic311.requests.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.ServiceType;
import org.civic311.catalog.SlaTarget;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.SubmitServiceRequest;

/** Builders for the requests module's unit tests. */
final class Fixtures {

  static final Jurisdiction SPRINGFIELD =
      new Jurisdiction(
          "springfield.example.gov",
          "City of Springfield",
          ZoneId.of("America/Los_Angeles"),
          new Jurisdiction.Bounds(33.70, -118.67, 34.34, -118.15),
          "open311@springfield.example.gov",
          "Ask open311@springfield.example.gov");

  static final ServiceCategory POTHOLE =
      new ServiceCategory(
          "POTHOLE",
          "Pothole",
          "A hole in the road",
          "Streets",
          "pothole, road",
          ServiceType.REALTIME,
          true,
          List.of(
              new Question(
                  "SIZE", true, QuestionDatatype.SINGLEVALUELIST, true, null, 1, "How big is it?",
                  List.of(new Question.AllowedValue("small", "Small"), new Question.AllowedValue("large", "Large"))),
              new Question("DEPTH", true, QuestionDatatype.NUMBER, false, "centimetres", 2, "How deep?", List.of()),
              new Question("SEEN", true, QuestionDatatype.DATETIME, false, null, 3, "When did you see it?", List.of()),
              new Question(
                  "LANES", true, QuestionDatatype.MULTIVALUELIST, false, null, 4, "Which lanes?",
                  List.of(new Question.AllowedValue("left", "Left"), new Question.AllowedValue("right", "Right"))),
              new Question("NOTE", false, QuestionDatatype.TEXT, false, null, 5, "Crews fill potholes daily.", List.of())),
          "PW",
          new SlaTarget(3, SlaTarget.Unit.BUSINESS_DAYS),
          "We usually fix potholes within three business days.");

  static SubmitServiceRequest pothole(Map<String, List<String>> answers, Location location) {
    return new SubmitServiceRequest(
        "POTHOLE", answers, location, "Deep hole by the bus stop", List.of(), Channel.WEB, Reporter.ANONYMOUS, null, null);
  }

  static Location downtown() {
    return new Location(34.05, -118.25, "200 N Spring St", null, "90012");
  }

  private Fixtures() {}
}
