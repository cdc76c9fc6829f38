package org.civic311.requests;

import java.util.List;

/** One page of a search, with the total number of matches. */
public record RequestPage(List<ServiceRequestDetails> requests, long total, int page, int pageSize) {}
