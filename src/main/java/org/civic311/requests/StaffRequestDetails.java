package org.civic311.requests;

import org.jspecify.annotations.Nullable;

/**
 * A request as staff see it: everything of {@link ServiceRequestDetails} with the whole history,
 * public and internal entries alike (each says which it is), and the person it is assigned to. Still
 * no reporter contact: that is {@link ServiceRequests#reporterOf}, audited by the caller.
 */
public record StaffRequestDetails(ServiceRequestDetails request, @Nullable String assignee) {}
