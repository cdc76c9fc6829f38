package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.InvalidServiceRequest.Kind;
import org.civic311.requests.InvalidServiceRequest.Violation;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Submission;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.http.MediaType;

/** Hundreds of generated POSTs against the web layer, with a requests double that checks like the real one. */
class GeneratedPostSliceTests extends Open311SliceTest {

  private static final long SEED = 20261122L;

  @RepeatedTest(value = 400, name = "generated POST {currentRepetition} is answered with 2xx or a 4xx error list")
  void a_generated_post_is_answered_with_2xx_or_a_4xx_error_list_and_a_4xx_stores_nothing(RepetitionInfo repetition)
      throws Exception {
    var stored = new AtomicInteger();
    given(requests.submit(any())).willAnswer(call -> checkLikeTheRequestsModule(call.getArgument(0), stored));
    var post =
        new GeneratedPosts(
                SEED + repetition.getCurrentRepetition(),
                KEY,
                new GeneratedPosts.Valid("POTHOLE", Map.of("HOWMANYD", "2")))
            .next();
    var request = post("/open311/v2/requests." + post.extension()).contentType(MediaType.APPLICATION_FORM_URLENCODED);
    post.parameters().forEach(e -> request.param(e.getKey(), e.getValue()));

    var response = perform(request);

    String why = "seed " + (SEED + repetition.getCurrentRepetition()) + ": " + post.description();
    assertThat(response.status()).as(why).isBetween(200, 499);
    if (response.status() >= 400) {
      if (post.extension().equals("xml")) Open311Bodies.assertXmlErrors(response.body(), response.status());
      else Open311Bodies.assertJsonErrors(response.body(), response.status());
      assertThat(stored).as(why).hasValue(0);
    } else {
      assertThat(stored).as(why).hasValue(1);
    }
  }

  /** The rules of the requests module that matter here: answers, description, coordinates. */
  private static Submission checkLikeTheRequestsModule(SubmitServiceRequest command, AtomicInteger stored) {
    var problems = new ArrayList<Violation>();
    if (!command.categoryCode().equals("POTHOLE")) {
      problems.add(new Violation("service_code", Kind.UNKNOWN_CATEGORY, "unknown"));
    }
    List<String> howMany = command.answers().getOrDefault("HOWMANYD", List.of());
    if (howMany.isEmpty()) problems.add(new Violation("attribute[HOWMANYD]", Kind.MISSING, "How many?"));
    else if (!howMany.getFirst().matches("\\d{1,6}")) problems.add(new Violation("attribute[HOWMANYD]", Kind.INVALID, "a number"));
    command.answers().keySet().stream()
        .filter(code -> !code.equals("HOWMANYD") && !code.equals("SIZE"))
        .forEach(code -> problems.add(new Violation("attribute[" + code + "]", Kind.INVALID, "not a question")));
    if (command.description() != null && command.description().length() > 4000) {
      problems.add(new Violation("description", Kind.TOO_LONG, "at most 4000 characters"));
    }
    var location = command.location();
    if (location.latitude() != null && Math.abs(location.latitude()) > 90) problems.add(new Violation("lat", Kind.INVALID, "range"));
    if (location.longitude() != null && Math.abs(location.longitude()) > 180) problems.add(new Violation("long", Kind.INVALID, "range"));
    if (!problems.isEmpty()) throw new InvalidServiceRequest(problems);
    stored.incrementAndGet();
    return new Submission(new RequestNumber("2026-000001"), null, null, false);
  }
}
