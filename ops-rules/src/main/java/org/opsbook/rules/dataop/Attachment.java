package org.opsbook.rules.dataop;

/** What is attached to a modification ticket (DATAOP-MOD-09, DATAOP-MOD-13). */
public enum Attachment {
  /** The modification script. */
  SCRIPT,
  /** The backup of the data before modification. */
  BACKUP,
  /** The original data of the records touched. */
  ORIGINAL_DATA
}
