package org.civic311.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event sent, or to be sent, to one endpoint, with the outcome of its last attempt.
 *
 * @param id the delivery id the receiver uses to drop repeats; the same on every attempt
 * @param lastStatusCode the HTTP status of the last attempt; null when it got no answer
 * @param lastError why the last attempt failed, for the admin; null after a success
 */
public record WebhookDelivery(
    UUID id,
    UUID endpointId,
    String eventType,
    String requestNumber,
    Status status,
    int attempts,
    @Nullable Integer lastStatusCode,
    @Nullable String lastError,
    Instant createdAt,
    @Nullable Instant deliveredAt,
    Instant nextAttemptAt) {

  /** Where a delivery stands. */
  public enum Status {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Still refused after 24 hours of retries; an admin may retry it while its endpoint exists. */
    FAILED,
    /** Never sent: its endpoint was removed while it waited. Kept as history; cannot be retried. */
    CANCELLED
  }
}
