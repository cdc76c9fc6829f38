package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civic311.portal.internal.TrackProperties;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChangedElsewhere;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** What a status page hears of changes made on other app nodes: public ones only, and a resync after a break. */
class LiveUpdatesFromOtherNodesTests {

  /** A status page's connection that remembers every event sent to it. */
  static final class RecordingPage extends SseEmitter {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void send(SseEventBuilder builder) throws IOException {
      StringBuilder text = new StringBuilder();
      builder.build().forEach(part -> text.append(part.getData()));
      events.add(text.toString());
    }
  }

  final LiveUpdates live = new LiveUpdates(new TrackProperties(30, Duration.ofMinutes(15)));
  final RequestNumber number = new RequestNumber("2026-000777");

  @Test
  void a_public_change_made_elsewhere_reaches_the_status_page_and_an_internal_one_never_does() {
    RecordingPage page = new RecordingPage();
    live.watch(number, page);

    live.on(new ServiceRequestChangedElsewhere(number, "PW", 41, "IN_PROGRESS", false));
    assertThat(page.events).noneMatch(e -> e.contains("event:changed"));

    live.on(new ServiceRequestChangedElsewhere(number, "PW", 42, "IN_PROGRESS", true));
    assertThat(page.events).filteredOn(e -> e.contains("event:changed")).singleElement()
        .satisfies(e -> assertThat(e).contains("id:42").contains("data:IN_PROGRESS"));
  }

  @Test
  void after_a_break_in_hearing_other_nodes_every_status_page_reads_its_timeline_again() {
    RecordingPage page = new RecordingPage();
    live.watch(number, page);

    live.onResumed();

    assertThat(page.events).anyMatch(e -> e.contains("event:resync"));
  }
}
