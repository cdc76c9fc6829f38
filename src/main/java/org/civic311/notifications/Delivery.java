package org.civic311.notifications;

import java.time.Instant;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;

/**
 * One message to one recipient, as admins see it.
 *
 * @param recipient the address or phone number masked (e.g. {@code a***@example.org}, {@code
 *     +1********42}): personal data stays inside
 * @param lastError the latest failure, without addresses; kept after a later success
 * @param nextAttemptAt when a pending delivery is tried next; for one being sent, its lease
 */
public record Delivery(
    DeliveryId id,
    RequestNumber requestNumber,
    NotificationEvent event,
    NotificationChannel channel,
    String recipient,
    String language,
    DeliveryState state,
    int attempts,
    @Nullable String lastError,
    Instant createdAt,
    @Nullable Instant lastAttemptAt,
    Instant nextAttemptAt,
    @Nullable Instant sentAt) {}
