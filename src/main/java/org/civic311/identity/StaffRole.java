package org.civic311.identity;

/** What a staff member may do in Civic311; a member can have several roles. */
public enum StaffRole {
  /** Takes phone reports for callers and tells them the status of theirs. */
  CALL_TAKER,
  /** Triages a department's queue and assigns requests to crews. */
  DISPATCHER,
  /** Goes out and fixes things; sees the jobs of their crew. */
  CREW,
  /** Oversees dispatchers and crews of their departments. */
  SUPERVISOR,
  /** Looks at dashboards and exports. */
  MANAGER,
  /** Runs Civic311: categories, departments, crews, staff accounts, API keys. */
  ADMIN
}
