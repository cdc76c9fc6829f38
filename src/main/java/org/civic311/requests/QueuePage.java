package org.civic311.requests;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a staff queue.
 *
 * @param nextCursor pass as {@link QueueQuery#after()} for the next page; null on the last page
 */
public record QueuePage(List<QueueRow> rows, @Nullable String nextCursor) {}
