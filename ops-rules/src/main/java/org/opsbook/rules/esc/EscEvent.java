package org.opsbook.rules.esc;

import java.util.Optional;
import org.opsbook.core.FaultEventType;

/**
 * The events of SM-ESC (rules-catalog §7.3), each with the name the catalog uses and the type of the fault event
 * that records it in the fault's history.
 */
public enum EscEvent {
  /** SM-ESC-T01: a fault record is opened. */
  OPEN_FAULT("openFault", FaultEventType.OPENED),
  /** SM-ESC-T02 (ESC-HANDLE-08). */
  DECLARE("declare", FaultEventType.DECLARED),
  /** SM-ESC-T03 (ESC-HANDLE-01, ESC-HANDLE-03). */
  TAKE_OWNERSHIP("takeOwnership", FaultEventType.OWNERSHIP_TAKEN),
  /** SM-ESC-T04 (ESC-HANDLE-03, ESC-HANDLE-04): the A↔B switch. */
  HANDOVER("handover", FaultEventType.HANDED_OVER),
  /** SM-ESC-T05 (ESC-HANDLE-02). */
  ESCALATE_EXTERNALLY("escalateExternally", FaultEventType.ESCALATED_EXTERNALLY),
  /** SM-ESC-T06 (FAULT-GEN-08, FAULT-GEN-09, ESC-REQ-12). */
  PROGRESS_ENTRY("progressEntry", FaultEventType.PROGRESS_ENTERED),
  /** SM-ESC-T07. */
  MARK_REPAIRED("markRepaired", FaultEventType.REPAIRED),
  /** SM-ESC-T08. */
  RELAPSE("relapse", FaultEventType.RELAPSED),
  /** SM-ESC-T09 (ESC-REQ-10, ESC-REQ-11). */
  FILE_POST_INCIDENT("filePostIncident", FaultEventType.POST_INCIDENT_FILED),
  /** SM-ESC-T10 (ESC-HANDLE-05): the monitor intervenes. */
  INTERVENE("intervene", FaultEventType.INTERVENED),
  /** SM-ESC-T10 (ESC-HANDLE-05): the monitor reassigns the owner. */
  REASSIGN("reassign", FaultEventType.REASSIGNED),
  /** SM-ESC-T11 (REPORT-FMT-01). */
  CLOSE("close", FaultEventType.CLOSED),
  /** ESC-HANDLE-03: A's availability changes (A leaves, or comes back while A owns). */
  REPORT_AVAILABILITY("reportAvailability", FaultEventType.AVAILABILITY_REPORTED);

  private final String eventName;
  private final FaultEventType type;

  EscEvent(String eventName, FaultEventType type) {
    this.eventName = eventName;
    this.type = type;
  }

  /** Returns the type of the fault event that records this step. */
  public FaultEventType type() {
    return type;
  }

  /** Returns the step a fault event of {@code type} records: a lifecycle step, the opening, repair, relapse or close. */
  public static Optional<EscEvent> of(FaultEventType type) {
    for (EscEvent e : values()) {
      if (e.type == type) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Returns the catalog's event name, e.g. {@code takeOwnership}. */
  public String eventName() {
    return eventName;
  }
}
