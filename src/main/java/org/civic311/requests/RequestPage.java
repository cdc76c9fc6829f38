package org.civic311.requests;

import java.util.List;

/**
 * One page of a search. Whether more pages follow is known without counting every match, which on a
 * city's whole history would cost more than the page itself.
 */
public record RequestPage(List<ServiceRequestDetails> requests, boolean hasMore, int page, int pageSize) {}
