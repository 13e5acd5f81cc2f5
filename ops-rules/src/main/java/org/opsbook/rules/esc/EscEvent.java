package org.opsbook.rules.esc;

import java.util.Arrays;
import java.util.Optional;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.EventNames;

/**
 * The events of SM-ESC (rules-catalog §7.3), each with the name the catalog uses and the type of the fault event
 * that records it in the fault's history.
 */
public enum EscEvent {
  /** SM-ESC-T01: a fault record is opened. */
  OPEN_FAULT(FaultEventType.OPENED),
  /** SM-ESC-T02 (ESC-HANDLE-08). */
  DECLARE(FaultEventType.DECLARED),
  /** SM-ESC-T03 (ESC-HANDLE-01, ESC-HANDLE-03). */
  TAKE_OWNERSHIP(FaultEventType.OWNERSHIP_TAKEN),
  /** SM-ESC-T04 (ESC-HANDLE-03, ESC-HANDLE-04): the A↔B switch. */
  HANDOVER(FaultEventType.HANDED_OVER),
  /** SM-ESC-T05 (ESC-HANDLE-02). */
  ESCALATE_EXTERNALLY(FaultEventType.ESCALATED_EXTERNALLY),
  /** SM-ESC-T06 (FAULT-GEN-08, FAULT-GEN-09, ESC-REQ-12). */
  PROGRESS_ENTRY(FaultEventType.PROGRESS_ENTERED),
  /** SM-ESC-T07. */
  MARK_REPAIRED(FaultEventType.REPAIRED),
  /** SM-ESC-T08. */
  RELAPSE(FaultEventType.RELAPSED),
  /** SM-ESC-T09 (ESC-REQ-10, ESC-REQ-11). */
  FILE_POST_INCIDENT(FaultEventType.POST_INCIDENT_FILED),
  /** SM-ESC-T10 (ESC-HANDLE-05): the monitor intervenes. */
  INTERVENE(FaultEventType.INTERVENED),
  /** SM-ESC-T10 (ESC-HANDLE-05): the monitor reassigns the owner. */
  REASSIGN(FaultEventType.REASSIGNED),
  /** SM-ESC-T11 (REPORT-FMT-01). */
  CLOSE(FaultEventType.CLOSED),
  /** ESC-HANDLE-03: A's availability changes (A leaves, or comes back while A owns). */
  REPORT_AVAILABILITY(FaultEventType.AVAILABILITY_REPORTED);

  private final FaultEventType type;

  EscEvent(FaultEventType type) {
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

  /** Returns the catalog's event name: the constant in lower camel case, e.g. {@code takeOwnership}. */
  public String eventName() {
    return EventNames.of(this);
  }

  /**
   * Returns the step named {@code name}.
   *
   * @param path the JSON path of the name, for the error
   * @throws InvalidInputException naming {@code path} and every step's name when no step has that name
   */
  public static EscEvent fromName(String name, String path) {
    return EventNames.find(EscEvent.class, name).orElseThrow(() -> new InvalidInputException(path,
        "unknown SM-ESC event '" + name + "'; events: " + Arrays.stream(values()).map(EscEvent::eventName).toList()));
  }
}
