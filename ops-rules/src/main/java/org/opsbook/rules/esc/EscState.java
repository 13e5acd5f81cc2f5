package org.opsbook.rules.esc;

/**
 * The states of SM-ESC (rules-catalog §7.3), plus {@link #NEW} for the ∅ that SM-ESC-T01 leaves. The catalog's
 * HANDLING with its sub-states SELF and WITH_DEVELOPER is two states here, so the table itself says that only a
 * fault handled in-house can be escalated to the province and the developer (SM-ESC-T05).
 */
public enum EscState {
  /** ∅: before the fault record exists. Only SM-ESC-T01 leaves it; it is never stored. */
  NEW,
  /** Detected: the record is open, not yet declared. */
  DETECTED,
  /** Declared (in AMS for self-discovered faults, ESC-HANDLE-08); waiting for an owner. */
  DECLARED,
  /** Handled in-house by its owner, A or B. */
  HANDLING_SELF,
  /** Handled with the developer: reported to the province and dispatched in AMS (ESC-HANDLE-02). */
  HANDLING_WITH_DEVELOPER,
  /** Repaired (故障修复 / 恢复正常). */
  RECOVERED,
  /** The post-incident duties are filed (duty log, fault report). */
  POST_INCIDENT,
  /** Closed (terminal). */
  CLOSED;

  /** Returns true for the two HANDLING sub-states. */
  public boolean isHandling() {
    return this == HANDLING_SELF || this == HANDLING_WITH_DEVELOPER;
  }

  /** Returns true while the record exists and is not closed: where the monitor may intervene (ESC-HANDLE-05). */
  public boolean isOpen() {
    return this != NEW && this != CLOSED;
  }

  /** Returns true in the states where the fault has an owner: from SM-ESC-T03 on; a closed fault keeps its last. */
  public boolean hasOwner() {
    return isHandling() || this == RECOVERED || this == POST_INCIDENT || this == CLOSED;
  }
}
