package org.civic311.requests;

import org.jspecify.annotations.Nullable;

/**
 * What a client gets back after submitting: the number, and a token for categories that answer with one.
 *
 * @param number the new request's number
 * @param token set for Open311 batch categories; the number is then looked up with it
 * @param serviceNotice the category's notice to show the reporter
 * @param replayed true when an earlier submission with the same idempotency key was returned
 */
public record Submission(
    RequestNumber number, @Nullable String token, @Nullable String serviceNotice, boolean replayed) {}
