package org.civic311.audit;

import java.util.List;

/** Writes and searches the audit log. */
public interface AuditLog {

  /** Appends one entry stamped with the current time; entries are never changed or removed. */
  void record(AuditRecord record);

  /** Entries matching the search, newest first. */
  List<AuditEntry> search(AuditSearch search);
}
