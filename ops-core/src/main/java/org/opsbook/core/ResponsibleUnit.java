package org.opsbook.core;

/** Which unit owns a fault (ESC-ROOM-16). */
public enum ResponsibleUnit {
  /** The operations management room itself. */
  OWN_ROOM,
  /** Another room or department. */
  OTHER
}
