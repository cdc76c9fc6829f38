package org.civic311.requests;

import java.util.Optional;

/** One entry of a request's history, internal notes included: for staff, never for public pages. */
public interface RequestHistory {

  /** The entry with this id of this request; empty when the request has no such entry. */
  Optional<HistoryEntry> entry(RequestNumber number, long historyEntryId);
}
