package org.opsbook.rules.bug;

/** The states of SM-BUG (rules-catalog §11.1), plus {@link #NEW} for the ∅ that SM-BUG-T01 leaves. */
public enum BugState {
  /** ∅: before the BUG exists. Only SM-BUG-T01 leaves it; it is never stored. */
  NEW,
  /** Raised, not yet in AMS. */
  IDENTIFIED,
  /** In AMS, waiting for 省业支's re-check (BUG-03). */
  SUBMITTED_TO_PROVINCE,
  /** 省业支 assigned the developer. */
  WITH_DEVELOPER,
  /** The developer replied with a fix. */
  FIX_DELIVERED,
  /** Acceptance passed and the fix is uploaded. */
  RESOLVED,
  /** Closed after appearing in the weekly summary (terminal). */
  CLOSED;

  /** Returns true while the BUG is unresolved: raised but neither resolved nor closed. */
  public boolean isOpen() {
    return this != NEW && this != RESOLVED && this != CLOSED;
  }
}
