package org.civic311.notifications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The text of one message: a subject and a plain-text body with {@code {{variables}}}. Emails get
 * their HTML part from the body, laid out by the city's email layout; text messages have no subject.
 *
 * @param language {@code en} or {@code es}
 * @param overridden whether an admin's version replaces the shipped default
 * @param updatedAt when the admin's version was saved; null for the default
 */
public record MessageTemplate(
    NotificationEvent event,
    NotificationChannel channel,
    String language,
    String subject,
    String body,
    boolean overridden,
    @Nullable Instant updatedAt) {}
