package org.opsbook.rules.esc;

/** The events of SM-ESC (rules-catalog §7.3), each with the name the catalog uses. */
public enum EscEvent {
  /** SM-ESC-T01: a fault record is opened. */
  OPEN_FAULT("openFault"),
  /** SM-ESC-T02 (ESC-HANDLE-08). */
  DECLARE("declare"),
  /** SM-ESC-T03 (ESC-HANDLE-01, ESC-HANDLE-03). */
  TAKE_OWNERSHIP("takeOwnership"),
  /** SM-ESC-T04 (ESC-HANDLE-03, ESC-HANDLE-04): the A↔B switch. */
  HANDOVER("handover"),
  /** SM-ESC-T05 (ESC-HANDLE-02). */
  ESCALATE_EXTERNALLY("escalateExternally"),
  /** SM-ESC-T06 (FAULT-GEN-08, FAULT-GEN-09, ESC-REQ-12). */
  PROGRESS_ENTRY("progressEntry"),
  /** SM-ESC-T07. */
  MARK_REPAIRED("markRepaired"),
  /** SM-ESC-T08. */
  RELAPSE("relapse"),
  /** SM-ESC-T09 (ESC-REQ-10, ESC-REQ-11). */
  FILE_POST_INCIDENT("filePostIncident"),
  /** SM-ESC-T10 (ESC-HANDLE-05): the monitor intervenes. */
  INTERVENE("intervene"),
  /** SM-ESC-T10 (ESC-HANDLE-05): the monitor reassigns the owner. */
  REASSIGN("reassign"),
  /** SM-ESC-T11 (REPORT-FMT-01). */
  CLOSE("close"),
  /** ESC-HANDLE-03: A's availability changes (A leaves, or comes back while A owns). */
  REPORT_AVAILABILITY("reportAvailability");

  private final String eventName;

  EscEvent(String eventName) {
    this.eventName = eventName;
  }

  /** Returns the catalog's event name, e.g. {@code takeOwnership}. */
  public String eventName() {
    return eventName;
  }
}
