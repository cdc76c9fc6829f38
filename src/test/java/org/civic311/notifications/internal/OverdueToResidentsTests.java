package org.civic311.notifications.internal;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.Priority;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.workflow.SlaBreached;
import org.junit.jupiter.api.Test;

/** The city's choice whether residents hear that a request passed its due date. */
class OverdueToResidentsTests {

  private static final RequestNumber NUMBER = new RequestNumber("2026-000042");
  private static final Instant DUE = Instant.parse("2026-12-04T01:00:00Z");
  private static final SlaBreached BREACH = new SlaBreached(NUMBER, "POTHOLE", "PW", DUE, Priority.HIGH);

  private final ServiceRequests requests = mock(ServiceRequests.class);
  private final DeliveryStore store = mock(DeliveryStore.class);
  private final LinkSigner signer = mock(LinkSigner.class);
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void a_breach_tells_the_reporter_and_followers_once_per_clock_when_the_city_wants_it() {
    when(requests.reporterOf(NUMBER)).thenReturn(Optional.of(new Reporter("Ana", "Lopez", "ana@example.org", null, null, null, false, "es")));
    when(signer.recipientKey(NUMBER, "ana@example.org")).thenReturn("key");
    listener(true).on(BREACH);
    verify(store).enqueue(eq("overdue:2026-000042:" + DUE.toEpochMilli()), eq(NUMBER), eq(NotificationEvent.OVERDUE),
        anyList(), eq(true), isNull(), isNull(), eq(clock.instant()));
  }

  @Test
  void a_city_that_turned_it_off_sends_residents_nothing_at_breach() {
    listener(false).on(BREACH);
    verifyNoInteractions(store, requests);
  }

  private RequestEventListener listener(boolean overdueToResidents) {
    NotificationProperties properties = new NotificationProperties(
        "en",
        overdueToResidents,
        new NotificationProperties.Worker(true, 50, Duration.ofMinutes(5), 10, Duration.ofSeconds(30), Duration.ofHours(6), 4),
        new NotificationProperties.Email("Civic311 <no-reply@localhost>", null, null),
        new NotificationProperties.Sms(false, "https://api.twilio.com", null, null, null, "1", Duration.ofSeconds(20)));
    return new RequestEventListener(requests, store, mock(StoredSubscriptions.class), signer, new Texts(properties), clock, properties);
  }
}
