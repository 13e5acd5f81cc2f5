package org.opsbook.rules.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryFaultRepository;
import org.opsbook.core.internal.memory.InMemoryObligationRepository;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;
import org.opsbook.rules.duty.Fault;
import org.opsbook.rules.duty.FaultTracker;

/** The service over the storage ports: history, summary, audit and timers move together. */
class FaultDutyServiceTest {
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final InMemoryFaultRepository faults = new InMemoryFaultRepository(audit);
  private final InMemoryObligationRepository timers = new InMemoryObligationRepository();
  private final FaultDutyService service = new FaultDutyService(faults, timers, ObligationEngine.standard());

  private static ObligationKey key(String rule, int sequence) {
    return new ObligationKey("F-1", RuleId.of(rule), sequence);
  }

  @Test
  @DisplayName("Opening stores the event, the summary and an audit entry, and schedules every timed duty")
  void open() {
    FaultTracker t = service.open("F-1", facts("11-25 09:00").complaintCount(55)
        .faultStartTime(at("11-25 08:00")).build(), at("11-25 09:00"), "zhang");
    assertThat(faults.events("F-1")).hasSize(1);
    FaultSummary s = faults.summary("F-1").orElseThrow();
    assertThat(s.peakLevel()).isEqualTo(Level.L2);
    assertThat(s.nextDueAt()).contains(at("11-25 09:00"));
    assertThat(timers.find(key("ESC-ROOM-01", 1))).isPresent();
    assertThat(timers.find(key("ESC-DEPT-02", 1)).map(ScheduledObligation::dueAt)).contains(at("11-26 08:00"));
    assertThat(timers.find(key("FAULT-GEN-07", 1))).as("timely duties have no timer").isEmpty();
    List<AuditRecord> records = audit.read("fault:F-1");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).entry().actorId()).isEqualTo("zhang");
    assertThat(records.get(0).entry().ruleIds()).contains(RuleId.of("ESC-ROOM-01"), RuleId.of("ESC-DEPT-02"));
    assertThat(t.version()).isEqualTo(1);
  }

  @Test
  @DisplayName("OPS-TIME-01 a time up to the clock skew before the last event is recorded at its time; further "
      + "before, or with no skew, it is refused as out of order and nothing is written")
  void clockSkew() {
    FaultDutyService skewed = new FaultDutyService(faults, timers, ObligationEngine.standard(),
        java.time.Duration.ofMinutes(5));
    skewed.open("F-1", facts("11-25 09:00").complaintCount(25).build(), at("11-25 09:00"), "zhang");
    skewed.record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, at("11-25 09:10"), "zhang");

    FaultTracker t = skewed.complete("F-1", RuleId.of("ESC-PROG-01"), OptionalInt.empty(),
        at("11-25 09:10").minusSeconds(3), "zhang");
    assertThat(t.lastEventAt()).contains(at("11-25 09:10"));
    assertThat(faults.events("F-1").get(2).at()).isEqualTo(at("11-25 09:10"));
    assertThat(t.readAt(at("11-25 09:09"))).as("a clock behind reads as of the last event")
        .isEqualTo(at("11-25 09:10"));
    assertThat(t.readAt(at("11-25 09:20"))).isEqualTo(at("11-25 09:20"));
    assertThat(t.obligations(t.readAt(at("11-25 09:09")))).isEqualTo(t.obligations(at("11-25 09:10")));

    assertThatThrownBy(() -> skewed.record("F-1", FaultEventType.PROGRESS_REPORTED, at("11-25 09:04"), "zhang"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("at"));
    assertThatThrownBy(() -> service.record("F-1", FaultEventType.PROGRESS_REPORTED,
        at("11-25 09:10").minusSeconds(3), "zhang")).as("the strict service, skew zero")
        .isInstanceOf(InvalidInputException.class);
    assertThat(faults.events("F-1")).hasSize(3);
  }

  @Test
  @DisplayName("Reports move timers: discharged keys are cancelled, the next progress report is scheduled")
  void reports() {
    service.open("F-1", facts("11-25 09:00").complaintCount(25).build(), at("11-25 09:00"), "zhang");
    service.record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, at("11-25 09:10"), "zhang");
    assertThat(timers.find(key("ESC-ROOM-01", 1))).isEmpty();
    assertThat(timers.find(key("ESC-PROG-01", 1)).map(ScheduledObligation::dueAt)).contains(at("11-25 09:40"));
    service.complete("F-1", RuleId.of("ESC-PROG-01"), OptionalInt.empty(), at("11-25 09:30"), "zhang");
    assertThat(timers.find(key("ESC-PROG-01", 1))).isEmpty();
    assertThat(timers.find(key("ESC-PROG-01", 2)).map(ScheduledObligation::dueAt)).contains(at("11-25 10:00"));
    assertThat(service.obligations("F-1", at("11-25 09:30"))).anyMatch(o -> o.key().equals(key("ESC-PROG-01", 2)));
    assertThat(audit.verify("fault:F-1").intact()).isTrue();
    assertThat(audit.read("fault:F-1")).hasSize(3);
  }

  @Test
  @DisplayName("An outside fact is recorded once under its note, never before the last event, never on a closed fault")
  void recordOnce() {
    service.open("F-1", facts("11-25 09:00").complaintCount(25).build(), at("11-25 09:00"), "zhang");
    service.record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, at("11-25 09:10"), "zhang");

    FaultTracker once = service.recordOnce("F-1", FaultEventType.NOTIFICATION_SENT, at("11-25 09:05"), "68284",
        "F-1/NOTIFICATION/1");
    FaultTracker twice = service.recordOnce("F-1", FaultEventType.NOTIFICATION_SENT, at("11-25 09:20"), "68284",
        "F-1/NOTIFICATION/1");

    assertThat(once.version()).isEqualTo(3);
    assertThat(twice.version()).isEqualTo(3);
    assertThat(faults.events("F-1")).filteredOn(e -> e.type() == FaultEventType.NOTIFICATION_SENT).singleElement()
        .satisfies(e -> {
          assertThat(e.note()).contains("F-1/NOTIFICATION/1");
          assertThat(e.at()).as("not before the report at 09:10").isEqualTo(at("11-25 09:10"));
        });
    assertThat(audit.read("fault:F-1")).hasSize(3);
    assertThat(service.recordOnce("F-1", FaultEventType.FOLLOW_UP_SENT, at("11-25 09:30"), "68284",
        "F-1/FOLLOW_UP/1").version()).isEqualTo(4);
    assertThatThrownBy(() -> service.recordOnce("F-1", FaultEventType.OPENED, at("11-25 09:40"), "68284", "x"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("type"));

    service.record("F-1", FaultEventType.REPAIRED, at("11-25 10:00"), "zhang");
    service.record("F-1", FaultEventType.CLOSED, at("11-25 11:00"), "zhang");
    assertThatThrownBy(() -> service.recordOnce("F-1", FaultEventType.RECOVERY_SENT, at("11-25 11:05"), "68284",
        "F-1/RECOVERY/1")).isInstanceOf(InvalidInputException.class).hasMessageContaining("closed");
    assertThat(faults.events("F-1")).hasSize(6);
  }

  @Test
  @DisplayName("Timers that died with a process are put back; pending, fired and cancelled ones are left as they are")
  void restoreTimers() {
    service.open("F-1", facts("11-25 09:00").complaintCount(55).faultStartTime(at("11-25 08:00")).build(),
        at("11-25 09:00"), "zhang");
    service.record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, at("11-25 09:10"), "zhang");
    List<ScheduledObligation> scheduled = timers.pending("F-1");
    assertThat(scheduled).isNotEmpty();
    assertThat(service.restoreTimers("F-1")).as("nothing missing").isZero();

    InMemoryObligationRepository lost = new InMemoryObligationRepository();
    FaultDutyService afterTheCrash = new FaultDutyService(faults, lost, ObligationEngine.standard());
    assertThat(afterTheCrash.restoreTimers("F-1")).isEqualTo(scheduled.size());
    assertThat(lost.pending("F-1")).containsExactlyElementsOf(scheduled);
    assertThat(afterTheCrash.restoreTimers("F-1")).isZero();

    ScheduledObligation moved = ScheduledObligation.builder().obligation(scheduled.get(0).obligation())
        .dueAt(at("11-25 12:00")).build();
    lost.schedule(moved);
    lost.cancel(scheduled.get(1).key());
    assertThat(afterTheCrash.restoreTimers("F-1")).isZero();
    assertThat(lost.find(moved.key())).as("a later schedule is not undone").contains(moved);
    assertThat(lost.find(scheduled.get(1).key())).as("a cancelled timer stays cancelled").isEmpty();
    assertThat(afterTheCrash.restoreTimers("NOBODY")).isZero();
  }

  @Test
  @DisplayName("A repair reported again, or after a relapse, keeps the timers of the recovery duties still owed")
  void repairAgain() {
    service.open("F-1", facts("11-25 09:00").complaintCount(25).build(), at("11-25 09:00"), "zhang");
    service.record("F-1", FaultEventType.REPAIRED, at("11-25 10:00"), "zhang");
    List<ScheduledObligation> recovery = timers.pending("F-1");
    assertThat(recovery).isNotEmpty();

    FaultTracker again = service.record("F-1", FaultEventType.REPAIRED, at("11-25 10:05"), "zhang");
    assertTimed(again, at("11-25 10:05"));
    assertThat(timers.pending("F-1")).containsExactlyElementsOf(recovery);

    service.record("F-1", FaultEventType.RELAPSED, at("11-25 10:10"), "zhang");
    FaultTracker repaired = service.record("F-1", FaultEventType.REPAIRED, at("11-25 10:30"), "zhang");
    assertTimed(repaired, at("11-25 10:30"));
  }

  @Test
  @DisplayName("A timer's firing asks the history whether its duty is still owed: no longer after the event that ended it")
  void owes() {
    service.open("F-1", facts("11-25 09:00").complaintCount(25).build(), at("11-25 09:00"), "zhang");
    List<ScheduledObligation> open = timers.pending("F-1");
    assertThat(open).isNotEmpty().allSatisfy(t -> assertThat(service.owes(t.key())).as("%s", t.key()).isTrue());

    service.record("F-1", FaultEventType.REPAIRED, at("11-25 10:00"), "zhang");
    List<ScheduledObligation> recovery = timers.pending("F-1");
    for (ScheduledObligation t : open) {
      assertThat(service.owes(t.key())).as("%s after the repair", t.key())
          .isEqualTo(recovery.stream().anyMatch(r -> r.key().equals(t.key())));
    }
    assertThat(recovery).isNotEmpty().allSatisfy(t -> assertThat(service.owes(t.key())).isTrue());

    service.record("F-1", FaultEventType.CLOSED, at("11-25 10:30"), "zhang");
    assertThat(recovery).allSatisfy(t -> assertThat(service.owes(t.key())).as("closed: %s", t.key()).isFalse());
    assertThat(service.owes(new ObligationKey("HOST-TIMER", open.get(0).key().ruleId(), 1)))
        .as("a subject with no history is the host's own").isTrue();
  }

  /** Every timed duty the fault owes as of {@code now} has a pending timer. */
  private void assertTimed(FaultTracker t, java.time.Instant now) {
    for (org.opsbook.core.Obligation o : t.obligations(now)) {
      if (o.dueAt().isPresent()) {
        assertThat(timers.find(o.key())).as("timer of %s", o.key()).isPresent();
      }
    }
  }

  @Test
  @DisplayName("The repair cancels the fault's timers and schedules the recovery duties")
  void repair() {
    service.open("F-1", facts("11-25 09:00").complaintCount(25).build(), at("11-25 09:00"), "zhang");
    service.record("F-1", FaultEventType.NOTIFICATION_SENT, at("11-25 09:05"), "68284");
    service.record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, at("11-25 09:10"), "zhang");
    FaultTracker t = service.record("F-1", FaultEventType.REPAIRED, at("11-25 10:00"), "zhang");
    assertThat(t.repairedAt()).contains(at("11-25 10:00"));
    assertThat(timers.pending("F-1")).extracting(p -> p.key().ruleId().value())
        .containsExactlyInAnyOrder("NOTIFY-TRIG-01", "NOTIFY-TRIG-08", "ESC-REQ-10");
    assertThat(faults.summary("F-1").orElseThrow().repairedAt()).contains(at("11-25 10:00"));
  }

  @Test
  @DisplayName("A refused event stores nothing and moves no timer")
  void refused() {
    service.open("F-1", facts("11-25 09:00").complaintCount(25).build(), at("11-25 09:00"), "zhang");
    List<ScheduledObligation> before = timers.pending("F-1");
    assertThatThrownBy(() -> service.record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, at("11-25 08:00"),
        "zhang")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> service.complete("F-1", RuleId.of("ESC-CENTER-01"), OptionalInt.empty(),
        at("11-25 09:10"), "zhang")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> service.record("F-1", FaultEventType.FACTS_CHANGED, at("11-25 09:10"), "zhang"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(faults.events("F-1")).hasSize(1);
    assertThat(audit.read("fault:F-1")).hasSize(1);
    assertThat(timers.pending("F-1")).isEqualTo(before);
    assertThat(service.load("F-1").version()).isEqualTo(1);
  }

  @Test
  @DisplayName("New facts re-evaluate the fault: an upgrade to L2 schedules the department report")
  void updateFacts() {
    service.open("F-1", facts("11-25 09:00").faultStartTime(at("11-25 09:00")).build(), at("11-25 09:00"), null);
    assertThat(timers.find(key("ESC-DEPT-02", 1))).isEmpty();
    service.updateFacts("F-1", facts("11-25 09:00").faultStartTime(at("11-25 09:00")).complaintCount(60).build(),
        at("11-25 10:00"), "li");
    assertThat(timers.find(key("ESC-DEPT-02", 1)).map(ScheduledObligation::dueAt)).contains(at("11-26 09:00"));
    assertThat(audit.read("fault:F-1").get(0).entry().actorId()).isEqualTo("system");
  }
}
