package org.civic311.requests;

import org.jspecify.annotations.Nullable;

/**
 * A new request was stored on another app node while pages on this node wanted to hear of new
 * requests ({@link ChangesElsewhere#wantSubmissions}); published on this node after it committed.
 */
public record ServiceRequestSubmittedElsewhere(RequestNumber number, @Nullable String departmentCode) {}
