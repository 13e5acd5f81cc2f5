package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.rules.duty.ComplianceReport.Tally;
import org.opsbook.rules.duty.DutyLedger.Ending;
import org.opsbook.rules.duty.DutyLedger.Entry;
import org.opsbook.rules.duty.DutyLedger.Status;

/** The duty ledger: every duty of a fault ends done on time, done late, missed, superseded, or stays open. */
class DutyLedgerTest {

  private static Set<String> rules(List<Entry> entries) {
    return entries.stream().map(e -> e.duty().ruleId().value()).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("An L2 fault never reported, repaired 3 days later: ESC-ROOM-01, ESC-DEPT-02, NOTIFY-TRIG-05/01, ESC-REQ-12 missed at the repair")
  void unreportedL2FaultMissesItsDuties() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").faultStartTime(at("11-25 08:30")).complaintCount(60)
        .nature(FaultNature.SYSTEM)).event("11-28 09:00", FaultEventType.REPAIRED);
    DutyLedger ledger = f.tracker().ledger(at("11-28 09:00"));
    List<Entry> missed = ledger.with(Status.MISSED);
    assertThat(rules(missed)).contains("ESC-ROOM-01", "ESC-DEPT-02", "NOTIFY-TRIG-05", "NOTIFY-TRIG-01", "ESC-REQ-12");
    for (Entry e : missed) {
      assertThat(e.endedAt()).as("%s ended at the repair", e.duty().key()).contains(at("11-28 09:00"));
      assertThat(e.endedBy()).contains(Ending.REPAIR);
      assertThat(e.duty().dueAt().orElseThrow()).isBefore(at("11-28 09:00"));
    }
    Entry room = missed.stream().filter(e -> e.duty().ruleId().value().equals("ESC-ROOM-01")).findFirst()
        .orElseThrow();
    assertThat(room.duty().actor()).isEqualTo(Role.ESC_DUTY);
    assertThat(room.duty().target()).isEqualTo("ROOM_MANAGER");
    Entry dept = missed.stream().filter(e -> e.duty().ruleId().value().equals("ESC-DEPT-02")).findFirst()
        .orElseThrow();
    assertThat(dept.duty().actor()).isEqualTo(Role.ROOM_MANAGER);
    assertThat(dept.duty().dueAt()).contains(at("11-26 08:30"));
    // the recovery duties the repair raised are still open
    assertThat(rules(ledger.with(Status.OPEN))).contains("NOTIFY-TRIG-08");
    assertThat(ledger.with(Status.DONE_ON_TIME)).isEmpty();
  }

  @Test
  @DisplayName("ESC-REQ-12: every daily ITC entry that fell due and was not made is missed, not just the first")
  void everyMissedDailyEntryCounts() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(60).nature(FaultNature.SYSTEM))
        .event("11-30 10:00", FaultEventType.REPAIRED);
    List<Entry> daily = f.tracker().ledger(at("11-30 10:00")).entries().stream()
        .filter(e -> e.duty().ruleId().value().equals("ESC-REQ-12")).toList();
    // outlived one working day on 11-26 09:00: the entries for 11-26, 27, 28 and 29 (each due at the next
    // midnight) fell due; 11-30's had not when the repair ended the series
    assertThat(daily).extracting(e -> e.duty().sequence()).containsExactly(1, 2, 3, 4);
    assertThat(daily).allMatch(e -> e.status() == Status.MISSED && e.endedAt().orElseThrow().equals(at("11-30 10:00"))
        && e.endedBy().orElseThrow() == Ending.REPAIR);
    assertThat(daily.get(3).duty().dueAt()).contains(at("11-30 00:00"));
  }

  @Test
  @DisplayName("ESC-PROG-01: a report 70 minutes after the last is late, and the half-hour in between is missed")
  void progressSeriesCountsEachInterval() {
    Fault f = Fault.l1Reported()
        .event("11-25 10:20", FaultEventType.PROGRESS_REPORTED)
        .event("11-25 10:40", FaultEventType.PROGRESS_REPORTED);
    List<Entry> prog = f.tracker().ledger(at("11-25 10:40")).entries().stream()
        .filter(e -> e.duty().ruleId().value().equals("ESC-PROG-01")).toList();
    assertThat(prog).extracting(Entry::status).containsExactly(Status.DONE_LATE, Status.MISSED,
        Status.DONE_ON_TIME, Status.OPEN);
    assertThat(prog.get(0).lateBy()).contains(Duration.ofMinutes(40));
    assertThat(prog.get(1).repeat()).isEqualTo(1);
    assertThat(prog.get(1).duty().dueAt()).contains(at("11-25 10:10"));
    assertThat(prog.get(1).endedBy()).contains(Ending.LATER_OCCURRENCE);
  }

  @Test
  @DisplayName("ESC-DEPT-01 superseded by ESC-DEPT-02 when the L1 fault reaches L2 before its 48 h")
  void higherLevelSupersedes() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").faultStartTime(at("11-25 09:00")).complaintCount(25))
        .facts("11-25 12:00", b -> b.complaintCount(60));
    DutyLedger ledger = f.tracker().ledger(at("11-25 12:00"));
    Entry dept01 = ledger.entries().stream().filter(e -> e.duty().ruleId().value().equals("ESC-DEPT-01"))
        .findFirst().orElseThrow();
    assertThat(dept01.status()).isEqualTo(Status.SUPERSEDED);
    assertThat(dept01.endedBy()).contains(Ending.HIGHER_LEVEL);
    assertThat(dept01.endedAt()).contains(at("11-25 12:00"));
    assertThat(rules(ledger.with(Status.OPEN))).contains("ESC-DEPT-02");
  }

  @Test
  @DisplayName("ESC-ROOM-01 reported on time; compliance by rule and by role adds up")
  void complianceByRuleAndRole() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(25).nature(FaultNature.SYSTEM))
        .event("11-25 09:00", FaultEventType.REPORTED_TO_ROOM_MANAGER)
        .event("11-25 11:00", FaultEventType.NOTIFICATION_SENT)
        .event("11-25 12:00", FaultEventType.REPAIRED);
    ComplianceReport c = f.tracker().ledger(at("11-25 12:00")).compliance();
    assertThat(c.byRule().get(RuleId.of("ESC-ROOM-01")).onTime()).isEqualTo(1);
    Tally sms = c.byRule().get(RuleId.of("NOTIFY-TRIG-05"));
    assertThat(sms.late()).isEqualTo(1);
    assertThat(sms.lateness()).isEqualTo(Duration.ofHours(2));
    assertThat(c.byRole().get(Role.DUTY_68284).late()).isEqualTo(1);
    int byRule = c.byRule().values().stream().mapToInt(Tally::total).sum();
    int byRole = c.byRole().values().stream().mapToInt(Tally::total).sum();
    assertThat(byRule).isEqualTo(c.total().total()).isEqualTo(byRole);
    assertThat(c.faults()).isEqualTo(1);
    ComplianceReport before = ComplianceReport.of(List.of(f.tracker().ledger(at("11-25 12:00"))),
        at("11-24 00:00"), at("11-25 00:00"));
    assertThat(before.total().total()).isZero();
    assertThat(before.faults()).isZero();
  }
}
