package org.opsbook.rules.esc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.opsbook.core.Actor;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.IntakeChannel;
import org.opsbook.core.Level;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.StateMachine;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.esc.EscFault.EscHandler;
import org.opsbook.rules.esc.EscFault.EscOwner;
import org.opsbook.rules.esc.EscFault.EscState;
import org.opsbook.rules.esc.EscFault.SystemProblem;
import org.opsbook.rules.internal.esc.EscWorkflow;

/**
 * People, times and faults the SM-ESC tests share; 2026-11-25 is a Wednesday, times are in Shanghai. A fault is
 * stepped as its tracker folds it: {@link #WF} takes each step on the fault's history ({@link FaultTracker#step}),
 * and {@link Fault} reads the lifecycle the history leaves.
 */
final class EscFixtures {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Lifecycle WF = new Lifecycle();
  static final Actor A = Actor.of("an", Role.ESC_HANDLER_A);
  static final Actor B = Actor.of("bei", Role.ESC_HANDLER_B);
  static final Actor B2 = Actor.of("bo", Role.ESC_HANDLER_B);
  static final Actor MONITOR = Actor.of("jian", Role.ESC_MONITOR);
  static final Actor DUTY = Actor.of("zhi", Role.ESC_DUTY);
  static final Actor SYSADMIN = Actor.of("guan", Role.IT_SYSADMIN);
  static final Actor PRE = Actor.of("pan", Role.PRE_PROCESSOR);
  static final Actor REVIEWER = Actor.of("shen", Role.TICKET_REVIEWER);
  static final Actor MANAGER = Actor.of("jing", Role.ROOM_MANAGER);
  /** Wednesday 25 November 2026, 09:00 in Shanghai: detection. */
  static final Instant T0 = at("11-25 09:00");

  private EscFixtures() {}

  /** {@code "11-25 09:00"} → that instant in 2026, Shanghai. */
  static Instant at(String monthDayTime) {
    return LocalDateTime.parse("2026-" + monthDayTime.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
  }

  /** Facts of F-1 detected at {@link #T0}, with {@code complaints} complaints (24: L1, 60: L2, 0: general). */
  static FaultFacts facts(int complaints) {
    return FaultFacts.builder().faultId("F-1").detectedAt(T0).complaintCount(complaints).build();
  }

  static EscEventData.Builder data() {
    return EscEventData.builder();
  }

  /** A fault as the tests step it: its tracker, and the lifecycle the tracker's history leaves. */
  record Fault(FaultTracker tracker) {
    EscFault view() {
      return tracker.lifecycle().orElseThrow();
    }

    EscState state() {
      return view().state();
    }

    Optional<EscHandler> owner() {
      return view().owner();
    }

    Optional<String> ownerId() {
      return view().ownerId();
    }

    Optional<EscOwner> ownership() {
      return view().ownership();
    }

    Optional<Instant> ownerSince() {
      return view().ownerSince();
    }

    boolean handlerAAvailable() {
      return view().handlerAAvailable();
    }

    int handovers() {
      return view().handovers();
    }

    Optional<String> lastHandoverNote() {
      return view().lastHandoverNote();
    }

    int interventions() {
      return view().interventions();
    }

    Optional<String> amsFaultNo() {
      return view().amsFaultNo();
    }

    Optional<Instant> declaredAt() {
      return view().declaredAt();
    }

    Optional<Instant> reportedToProvinceAt() {
      return view().reportedToProvinceAt();
    }

    Optional<String> amsDevTicketNo() {
      return view().amsDevTicketNo();
    }

    Optional<Instant> reportedToDeveloperAt() {
      return view().reportedToDeveloperAt();
    }

    int progressEntries() {
      return view().progressEntries();
    }

    Optional<String> lastConclusion() {
      return view().lastConclusion();
    }

    Optional<SystemProblem> lastSystemProblem() {
      return view().lastSystemProblem();
    }

    Optional<Instant> lastProgressAt() {
      return view().lastProgressAt();
    }

    Optional<Instant> repairedAt() {
      return view().repairedAt();
    }

    Optional<String> recoveryCheck() {
      return view().recoveryCheck();
    }

    int relapses() {
      return view().relapses();
    }

    Optional<Instant> lastRelapseAt() {
      return view().lastRelapseAt();
    }

    Optional<Instant> dutyLogDeliveredAt() {
      return view().dutyLogDeliveredAt();
    }

    Optional<String> faultReportRef() {
      return view().faultReportRef();
    }

    Optional<String> weeklySummaryRef() {
      return view().weeklySummaryRef();
    }

    Optional<Instant> closedAt() {
      return view().closedAt();
    }

    Level peakLevel() {
      return view().peakLevel();
    }

    boolean selfDiscovered() {
      return view().selfDiscovered();
    }

    Optional<IntakeChannel> intakeChannel() {
      return view().intakeChannel();
    }

    String openedBy() {
      return view().openedBy();
    }

    Instant detectedAt() {
      return view().detectedAt();
    }

    Optional<String> linkedTicketId() {
      return view().linkedTicketId();
    }
  }

  /** SM-ESC as the tests drive it: each step decided and folded by the fault's tracker; the declared table. */
  static final class Lifecycle {
    Outcome<Fault> open(String faultId, EscEventData data, Actor actor, Instant at) {
      return wrap(ObligationEngine.standard().track(faultId).step(EscEvent.OPEN_FAULT, data, actor, at));
    }

    Outcome<Fault> apply(Fault f, EscEvent event, Actor actor, EscEventData data, Instant at) {
      return wrap(f.tracker().step(event, data, actor, at));
    }

    StateMachine<EscState, EscEvent, ?> table() {
      return EscWorkflow.table();
    }

    String describe() {
      return EscWorkflow.describe();
    }

    SortedSet<RuleId> guardRules(EscState state, EscEvent event) {
      return EscWorkflow.guardRules(state, event);
    }

    Set<String> recordedFields(EscEvent event) {
      return EscWorkflow.recordedFields(event);
    }

    String machine() {
      return EscWorkflow.MACHINE_ID;
    }

    private static Outcome<Fault> wrap(Outcome<FaultTracker> o) {
      return new Outcome<>(new Fault(o.instance()), o.transitionId(), o.violations(), o.audit());
    }
  }

  static Fault accepted(Outcome<Fault> o) {
    assertThat(o.violations()).as("violations").isEmpty();
    return o.instance();
  }

  /** F-1 opened by the duty with {@code complaints} complaints. */
  static Fault detected(int complaints) {
    return accepted(WF.open("F-1", data().facts(facts(complaints)).build(), DUTY, T0));
  }

  static Fault declared(int complaints) {
    return accepted(WF.apply(detected(complaints), EscEvent.DECLARE, DUTY, EscEventData.empty(), T0));
  }

  /** F-1 owned by A, handled in-house. */
  static Fault handling(int complaints) {
    return accepted(WF.apply(declared(complaints), EscEvent.TAKE_OWNERSHIP, A, EscEventData.empty(), T0));
  }

  /** F-1 owned by B while A is away. */
  static Fault handlingByB(int complaints) {
    return accepted(WF.apply(declared(complaints), EscEvent.TAKE_OWNERSHIP, B,
        data().handlerAAvailable(false).build(), T0));
  }

  static Fault recovered(int complaints, Instant at) {
    return accepted(WF.apply(handling(complaints), EscEvent.MARK_REPAIRED, A,
        data().recoveryCheck("拨测正常").build(), at));
  }

  static Fault postIncident(int complaints) {
    Instant repaired = at("11-25 15:00");
    return accepted(WF.apply(recovered(complaints, repaired), EscEvent.FILE_POST_INCIDENT, A,
        data().dutyLogDeliveredAt(repaired).faultReportRef("RPT-1").build(), at("11-25 16:00")));
  }
}
