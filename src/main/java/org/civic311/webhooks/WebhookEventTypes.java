package org.civic311.webhooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civic311.requests.HistoryEntry;

/** The event types an endpoint may ask for: {@code request.submitted}, {@code request.resolved}, ... */
public final class WebhookEventTypes {

  /** Every event type. */
  public static final String ALL = "*";

  /** {@code request.} followed by the history entry kind in lower case. */
  public static String of(HistoryEntry.Kind kind) {
    return "request." + kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A request was merged into another: names both requests, which {@code request.marked_duplicate}
   * (the duplicate's own history entry) cannot.
   */
  public static final String MERGED = "request.merged";

  /** Every type an endpoint can name, without {@link #ALL}. */
  public static Set<String> known() {
    return Stream.concat(Arrays.stream(HistoryEntry.Kind.values()).map(WebhookEventTypes::of), Stream.of(MERGED))
        .collect(Collectors.toUnmodifiableSet());
  }

  private WebhookEventTypes() {}
}
