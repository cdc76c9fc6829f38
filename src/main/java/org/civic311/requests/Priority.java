package org.civic311.requests;

/** How urgently a department should act. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
