package org.civic311.requests;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A resident's new report, from any channel.
 *
 * @param categoryCode the service code
 * @param answers answers to the category's questions by question code; a multi-value answer has
 *     several values
 * @param location where the problem is
 * @param description what the resident wrote, at most 4,000 characters
 * @param mediaUrls photos or other media, already stored or external URLs
 * @param channel how it reached us
 * @param reporter who reported it (private)
 * @param idempotencyKey a client's key for safe retries; the same key returns the first result
 * @param idempotencyScope who the key belongs to (an API key id, a session), so clients do not collide
 */
public record SubmitServiceRequest(
    String categoryCode,
    Map<String, List<String>> answers,
    Location location,
    @Nullable String description,
    List<String> mediaUrls,
    Channel channel,
    Reporter reporter,
    @Nullable String idempotencyKey,
    @Nullable String idempotencyScope) {

  public SubmitServiceRequest {
    answers = Map.copyOf(answers);
    mediaUrls = List.copyOf(mediaUrls);
  }
}
