package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryFaultRepository;
import org.opsbook.core.internal.memory.InMemoryObligationRepository;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault.EscHandler;
import org.opsbook.rules.esc.EscFault.EscState;
import org.opsbook.rules.esc.EscFault.SystemProblem;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.internal.fault.FaultDutyService;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.internal.esc.StepDataFormat;

/**
 * One fault, one history: SM-ESC's steps are events of the fault's own history in the {@code FaultRepository},
 * folded with its facts, levels and duties, with one audit stream per fault; a refused step stores nothing; the
 * repair from the lifecycle is the REPAIRED that ends the duties.
 */
class FaultLifecycleTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Actor A = Actor.of("an", Role.ESC_HANDLER_A);
  private static final Actor B = Actor.of("bei", Role.ESC_HANDLER_B);
  private static final Actor DUTY = Actor.of("zhi", Role.ESC_DUTY);
  private static final Instant T0 = at("11-25 09:00");

  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final InMemoryFaultRepository faults = new InMemoryFaultRepository(audit);
  private final InMemoryObligationRepository timers = new InMemoryObligationRepository();
  private final FaultDutyService service = new FaultDutyService(faults, timers, ObligationEngine.standard());

  private static Instant at(String monthDayTime) {
    return LocalDateTime.parse("2026-" + monthDayTime.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
  }

  private static FaultFacts facts(String faultId, int complaints) {
    return FaultFacts.builder().faultId(faultId).detectedAt(T0).complaintCount(complaints).build();
  }

  private static EscEventData.Builder data() {
    return EscEventData.builder();
  }

  private EscFault lifecycle(String faultId) {
    return service.load(faultId).lifecycle().orElseThrow();
  }

  private void handling(String faultId, int complaints) {
    assertThat(service.open(faultId, data().facts(facts(faultId, complaints)).build(), DUTY, T0).violations())
        .isEmpty();
    assertThat(service.fire(faultId, EscEvent.DECLARE, EscEventData.empty(), DUTY, at("11-25 09:01"))
        .isAccepted()).isTrue();
    assertThat(service.fire(faultId, EscEvent.TAKE_OWNERSHIP, EscEventData.empty(), A, at("11-25 09:02"))
        .isAccepted()).isTrue();
  }

  @Test
  @DisplayName("SM-ESC-T01 SM-ESC-T02 SM-ESC-T03 accepted steps are events of the fault's history, with one audit record each in the fault's stream")
  void stepsAreEventsOfTheFaultsHistory() {
    handling("F-1", 24);
    EscFault stored = lifecycle("F-1");
    assertThat(stored.state()).isEqualTo(EscState.HANDLING_SELF);
    assertThat(stored.ownerId()).contains("an");
    assertThat(faults.events("F-1")).extracting(FaultEvent::type).containsExactly(FaultEventType.OPENED,
        FaultEventType.DECLARED, FaultEventType.OWNERSHIP_TAKEN);
    EscEventData recorded = StepDataFormat.installed().decodeData(faults.events("F-1").get(2).stepData().get());
    assertThat(recorded.assigneeId()).contains("an");
    assertThat(recorded.assigneeHandler()).contains(EscHandler.A);
    assertThat(recorded.handlerAAvailable()).contains(true);
    List<AuditRecord> records = audit.read("fault:F-1");
    assertThat(records).extracting(r -> r.entry().action()).containsExactly("openFault", "declare", "takeOwnership");
    assertThat(records.get(2).entry().fromState()).contains("DECLARED");
    assertThat(records.get(0).entry().ruleIds()).as("the duties the opening raised").extracting(Object::toString)
        .contains("SM-ESC-T01", "ESC-ROOM-01");
    assertThat(audit.verify("fault:F-1").intact()).isTrue();
    assertThat(faults.openFaults()).extracting(s -> s.faultId()).containsExactly("F-1");
    assertThat(faults.summary("F-1").orElseThrow().peakLevel()).isEqualTo(Level.L1).isEqualTo(stored.peakLevel());
  }

  @Test
  @DisplayName("ESC-HANDLE-03 ESC-HANDLE-08 a refused step stores nothing: no event, no state change, no audit record")
  void refusalsChangeNothing() {
    service.open("F-1", data().facts(facts("F-1", 0).toBuilder().selfDiscovered(true).build()).build(), DUTY, T0);
    EscFault before = lifecycle("F-1");
    Outcome<FaultTracker> declare = service.fire("F-1", EscEvent.DECLARE, EscEventData.empty(), DUTY, T0);
    assertThat(declare.violatedRules()).extracting(Object::toString).containsExactly("ESC-HANDLE-08");
    assertThat(service.fire("F-1", EscEvent.TAKE_OWNERSHIP, EscEventData.empty(), B, T0).isAccepted()).isFalse();
    assertThat(lifecycle("F-1")).isEqualTo(before);
    assertThat(faults.events("F-1")).hasSize(1);
    assertThat(audit.read("fault:F-1")).hasSize(1);
    assertThatThrownBy(() -> service.fire("F-1", EscEvent.DECLARE, data().handoverNote("x").build(), DUTY, T0))
        .isInstanceOf(InvalidInputException.class);
    assertThat(audit.read("fault:F-1")).hasSize(1);
  }

  @Test
  @DisplayName("SM-ESC-T01 unknown faults are typed errors; opening a fault that exists is refused and stores nothing")
  void unknownFaultsAndDuplicateOpenings() {
    assertThatThrownBy(() -> service.fire("F-404", EscEvent.DECLARE, EscEventData.empty(), DUTY, T0))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("faultId");
    service.open("F-1", EscEventData.empty(), DUTY, T0);
    assertThat(service.open("F-1", EscEventData.empty(), DUTY, T0).isAccepted()).isFalse();
    assertThat(faults.events("F-1")).hasSize(1);
    assertThat(faults.summary("F-404")).isEmpty();
    assertThatThrownBy(() -> service.record("F-1", FaultEventType.HANDED_OVER, T0, "zhi"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("type");
  }

  @Test
  @DisplayName("SM-ESC-T07 ESC-ROOM-01 NOTIFY-TRIG-08 the lifecycle's repair is the REPAIRED that ends the escalation duties, as a reported repair is")
  void theLifecyclesRepairEndsTheDuties() {
    handling("F-1", 24);
    handling("F-2", 24);
    service.fire("F-1", EscEvent.HANDOVER, data().assigneeId("bei").handoverNote("交接: 待开发商回复")
        .handlerAAvailable(false).build(), A, at("11-25 09:03"));
    service.fire("F-1", EscEvent.PROGRESS_ENTRY, data().conclusion("开发商修复中").systemProblem(SystemProblem.YES)
        .channel(Channel.ITC).build(), B, at("11-25 09:04"));
    Instant repaired = at("11-25 09:10");
    Outcome<FaultTracker> viaLifecycle = service.fire("F-1", EscEvent.MARK_REPAIRED,
        data().recoveryCheck("拨测正常").build(), B, repaired);
    FaultTracker reported = service.record("F-2", FaultEventType.REPAIRED, repaired, "an");
    FaultTracker one = viaLifecycle.instance();
    assertThat(one.repairedAt()).contains(repaired);
    assertThat(faults.events("F-1").get(5).type()).isEqualTo(FaultEventType.REPAIRED);
    assertThat(one.lifecycle().orElseThrow().state()).isEqualTo(EscState.RECOVERED);
    assertThat(one.lifecycle().orElseThrow().owner()).contains(EscHandler.B);
    assertThat(reported.lifecycle().orElseThrow().state()).isEqualTo(EscState.RECOVERED);
    assertThat(one.cancellations().keySet()).extracting(k -> k.ruleId().value())
        .containsExactlyInAnyOrderElementsOf(reported.cancellations().keySet().stream()
            .map(k -> k.ruleId().value()).toList());
    assertThat(one.cancellations()).isNotEmpty();
    List<String> duties = one.obligations(repaired).stream().map(o -> o.ruleId().value()).toList();
    assertThat(duties).isEqualTo(reported.obligations(repaired).stream().map(o -> o.ruleId().value()).toList())
        .contains("NOTIFY-TRIG-08");
    for (Obligation o : timers.pending("F-1").stream().map(p -> p.obligation()).toList()) {
      assertThat(duties).contains(o.ruleId().value());
    }
    assertThat(audit.read("fault:F-1")).extracting(r -> r.entry().action()).containsExactly("openFault", "declare",
        "takeOwnership", "handover", "progressEntry", "markRepaired");
  }

  @Test
  @DisplayName("SM-ESC-T08 SM-ESC-T11 a reported relapse and closing move the lifecycle too; a closed fault takes no step")
  void reportedEventsMoveTheLifecycle() {
    handling("F-1", 0);
    service.record("F-1", FaultEventType.REPAIRED, at("11-25 10:00"), "an");
    FaultTracker relapsed = service.record("F-1", FaultEventType.RELAPSED, at("11-25 11:00"), "an");
    assertThat(relapsed.lifecycle().orElseThrow().state()).isEqualTo(EscState.HANDLING_SELF);
    assertThat(relapsed.lifecycle().orElseThrow().relapses()).isEqualTo(1);
    service.record("F-1", FaultEventType.REPAIRED, at("11-25 12:00"), "an");
    FaultTracker closed = service.record("F-1", FaultEventType.CLOSED, at("11-25 13:00"), "zhi");
    assertThat(closed.lifecycle().orElseThrow().state()).isEqualTo(EscState.CLOSED);
    Outcome<FaultTracker> refused = closed.step(EscEvent.INTERVENE, data().interventionNote("n").build(),
        Actor.of("jian", Role.ESC_MONITOR), at("11-25 14:00"));
    assertThat(refused.isAccepted()).isFalse();
    assertThat(refused.instance()).isSameAs(closed);
  }
}
