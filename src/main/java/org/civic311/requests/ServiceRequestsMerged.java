package org.civic311.requests;

import java.time.Instant;

/**
 * A request was closed as a duplicate of another: its reporter and followers now follow the parent.
 * Published in the same transaction as the two {@link ServiceRequestChanged} events of the merge, so
 * that notifications can move the duplicate's subscriptions to the parent.
 *
 * @param followersMoved how many people the parent's follower count grew by (the duplicate's
 *     reporter and its followers)
 */
public record ServiceRequestsMerged(RequestNumber duplicate, RequestNumber parent, int followersMoved, Instant at) {}
