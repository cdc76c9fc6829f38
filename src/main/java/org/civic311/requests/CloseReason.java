package org.civic311.requests;

/** Why a request was closed. */
public enum CloseReason {
  /** The problem was fixed or the work done. */
  COMPLETED,
  /** Another request already reports the same problem. */
  DUPLICATE,
  /** Not something the city handles (private property, another government). */
  NOT_OUR_RESPONSIBILITY,
  /** Handed to an outside agency. */
  REFERRED,
  /** Withdrawn by the reporter or entered by mistake. */
  CANCELLED,
  /** Looked at; nothing will be done. */
  NO_FURTHER_ACTION
}
