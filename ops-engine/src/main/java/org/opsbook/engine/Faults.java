package org.opsbook.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.notify.Briefing;
import org.opsbook.rules.duty.ComplianceReport;
import org.opsbook.rules.duty.DutyLedger;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault;

/**
 * API: the faults, each with its facts, its event history, the level it derives and the duties it owes. Every change
 * is stored with its audit entry and reschedules the fault's duty timers; the acting person is named by ID and
 * resolved in the directory. Times come from the engine's clock. Thread-safe.
 *
 * <p>A fault's version is the number of events in its history ({@link FaultTracker#version()}). The writes that take
 * an {@code ifVersion} apply only to the fault at that version, in one step with the append: a host that decided on
 * the fault as it showed it to a person, or a request the network repeats, cannot write twice or over a colleague's
 * step taken meanwhile. Any other version is a {@link org.opsbook.core.ConcurrentUpdateException} naming the version
 * found, and nothing is written.
 */
public interface Faults {
  /**
   * Opens a fault with its first facts.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code personId} and SM-ESC-T01 when the person holds none
   *     of {@code ESC_DUTY}, {@code IT_SYSADMIN}, {@code PRE_PROCESSOR}, {@code TICKET_REVIEWER}
   */
  FaultTracker open(String faultId, FaultFacts facts, String personId);

  /**
   * Records a new snapshot of the fault's facts; the level is re-derived.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code personId} when the person holds no role the fault
   *     rules name (escalation duty and handlers, monitor, IT system administrator, team leader, room supervisor and
   *     managers, pre-processor, reviewer, 地球村, duty-log writer, 68284)
   */
  FaultTracker updateFacts(String faultId, FaultFacts facts, String personId);

  /**
   * As {@link #updateFacts(String, FaultFacts, String)}, only while the fault is at version {@code ifVersion}.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when it is at another version (nothing written)
   */
  FaultTracker updateFacts(String faultId, long ifVersion, FaultFacts facts, String personId);

  /**
   * Records an event (a report, the repair …); it discharges the duties it fulfils.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code type} and NOTIFY-REVIEW-01 for an SMS sent (the
   *     engine records it when it sends the reviewed SMS); naming {@code personId} when the person holds none of the
   *     roles the event takes: {@code ESC_DUTY}, {@code ESC_HANDLER_A}, {@code ESC_HANDLER_B} or {@code IT_SYSADMIN}
   *     for {@code REPAIRED}, {@code RELAPSED} and {@code CLOSED} (SM-ESC-T07, T08, T11), else a role the fault rules
   *     name, as for {@link #updateFacts}
   */
  FaultTracker record(String faultId, FaultEventType type, String personId);

  /**
   * As {@link #record(String, FaultEventType, String)}, only while the fault is at version {@code ifVersion}.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when it is at another version (nothing written)
   */
  FaultTracker record(String faultId, long ifVersion, FaultEventType type, String personId);

  /**
   * Records that the duty of {@code ruleId} is done.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code ruleId} and NOTIFY-REVIEW-01 for a duty to send an
   *     SMS (NOTIFY-TRIG-02 to 08: done by sending the reviewed SMS); naming {@code personId} when the person holds
   *     no role the fault rules name, as for {@link #updateFacts}
   */
  FaultTracker complete(String faultId, RuleId ruleId, String personId);

  /**
   * As {@link #complete(String, RuleId, String)}, only while the fault is at version {@code ifVersion}.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when it is at another version (nothing written)
   */
  FaultTracker complete(String faultId, long ifVersion, RuleId ruleId, String personId);

  /** Returns the fault as its history derives it. */
  FaultTracker load(String faultId);

  /** Returns the duties open now. */
  List<Obligation> duties(String faultId);

  /** Returns the summaries of the open faults. */
  List<FaultSummary> openFaults();

  /**
   * Returns the fault's duty ledger as of now: every duty it ever owed, done on time, done late, missed (fell due and
   * ended undone), superseded, or still open.
   */
  DutyLedger ledger(String faultId);

  /**
   * Returns how the duties that fell due in {@code [from, to)} were discharged, over every fault open or active in
   * that period: on time, late, missed, by rule and by role. The weekly report's duty-compliance table
   * ({@link org.opsbook.rules.report.SummaryTables#dutyCompliance}) renders it.
   *
   * @throws IllegalArgumentException when {@code to} is not after {@code from}
   */
  ComplianceReport compliance(Instant from, Instant to);

  /**
   * Records that {@code personId} told {@code listenerId} about the fault (NOTIFY-REVIEW-03): first the team leader
   * ({@link Role#FAULT_TEAM_LEADER}) and the room supervisor ({@link Role#ROOM_SUPERVISOR}), then the room manager
   * ({@link Role#ROOM_MANAGER}). The notification SMS is released with this briefing.
   *
   * @param whom the role in which the listener was told: one of the three above
   * @throws org.opsbook.core.InvalidInputException naming {@code whom} for another role, {@code faultId} when no
   *     fault has that ID, {@code personId} when the teller is not the escalation duty ({@code ESC_DUTY}) and
   *     {@code listenerId} when the listener does not hold {@code whom} (nothing is recorded)
   */
  void told(String faultId, Role whom, String listenerId, String personId);

  /** Returns the fault's briefing as recorded: the first time each of the three was told. */
  Briefing briefing(String faultId);

  /**
   * Applies an SM-ESC lifecycle event (ownership, handover, repair, relapse, close …); {@link EscEvent#OPEN_FAULT}
   * opens the lifecycle record.
   */
  Result<EscFault> lifecycle(String faultId, EscEvent event, EscEventData data, String personId);

  /**
   * As {@link #lifecycle(String, EscEvent, EscEventData, String)}, only while the fault is at version
   * {@code ifVersion}: an accepted step leaves it at {@code ifVersion + 1}, a refused one where it was. A progress
   * entry, an intervention or a handover sent twice by a network that repeats a request is written once.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when it is at another version (nothing written)
   */
  Result<EscFault> lifecycle(String faultId, long ifVersion, EscEvent event, EscEventData data, String personId);

  /** Returns the fault's SM-ESC lifecycle record, if opened. */
  Optional<EscFault> lifecycleOf(String faultId);
}
