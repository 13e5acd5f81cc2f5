package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;
import static org.opsbook.rules.duty.Fault.raisedOnlyAfter;
import static org.opsbook.rules.duty.Fault.triple;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.DeptClockStart;
import org.opsbook.core.Role;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.fault.ObligationEngine;

/** ESC-PROG-01/02 (periodic progress to the room manager) and ESC-DEPT-01..03 (the department manager). */
class ProgressAndDepartmentTest {

  private static ObligationEngine deptClock(DeptClockStart start) {
    return new ObligationEngine(OpsParameters.builder().deptClockStart(start).build(),
        StandardWorkCalendar.weekdays());
  }

  @Test
  @DisplayName("ESC-PROG-01: after the room-manager report, progress every 30 minutes at most (BND-05 至少每X一次: interval <= 30): 29, 30, 31")
  void escProg01() {
    Fault f = Fault.l1Reported();
    Obligation first = f.dueAtTheMinute("11-25 09:10", "ESC-PROG-01", "11-25 09:40");
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.recurring()).isTrue();
    assertThat(first.triggeredAt()).contains(at("11-25 09:10"));
    assertThat(Fault.l1().owes("11-25 09:00", "ESC-PROG-01")).isFalse();
  }

  @Test
  @DisplayName("ESC-PROG-01: an earlier report resets the period (视实际处理情况周期可缩短); a missed one stays owed")
  void escProg01Reset() {
    Fault f = Fault.l1Reported().event("11-25 09:25", FaultEventType.PROGRESS_REPORTED);
    Obligation second = f.duty("11-25 09:25", "ESC-PROG-01").orElseThrow();
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.dueAt()).contains(at("11-25 09:55"));
    f.event("11-25 10:30", FaultEventType.IMPACT_MAY_EXPAND);
    assertThat(f.duty("11-25 10:30", "ESC-PROG-01").orElseThrow().dueAt()).contains(at("11-25 09:55"));
    f.complete("11-25 10:40", "ESC-PROG-01");
    Obligation third = f.duty("11-25 10:40", "ESC-PROG-01").orElseThrow();
    assertThat(third.sequence()).isEqualTo(3);
    assertThat(third.dueAt()).contains(at("11-25 11:10"));
    f.event("11-25 11:00", FaultEventType.REPAIRED);
    assertThat(f.owes("11-25 11:00", "ESC-PROG-01")).isFalse();
  }

  @Test
  @DisplayName("ESC-PROG-02: a general fault reports progress every 3 days at most (interval <= 72 h): 71:59, 72:00, 72:01")
  void escProg02() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").sameTypeComplaintCount(10))
        .event("11-25 09:10", FaultEventType.REPORTED_TO_ROOM_MANAGER);
    f.dueAtTheMinute("11-25 09:10", "ESC-PROG-02", "11-28 09:10");
    assertThat(f.owes("11-25 09:10", "ESC-PROG-01")).isFalse();
  }

  @Test
  @DisplayName("ESC-PROG-02 → ESC-PROG-01: a general fault escalated later switches to 30 minutes from that moment")
  void escProg02Upgraded() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").sameTypeComplaintCount(10))
        .event("11-25 09:10", FaultEventType.REPORTED_TO_ROOM_MANAGER)
        .facts("11-25 14:00", b -> b.complaintCount(22));
    assertThat(f.owes("11-25 14:00", "ESC-PROG-02")).isFalse();
    Obligation o = f.duty("11-25 14:00", "ESC-PROG-01").orElseThrow();
    assertThat(o.dueAt()).contains(at("11-25 14:00"));
    f.event("11-25 14:05", FaultEventType.REPORTED_TO_ROOM_MANAGER);
    assertThat(f.duty("11-25 14:05", "ESC-PROG-01").orElseThrow().dueAt()).contains(at("11-25 14:35"));
  }

  @Test
  @DisplayName("ESC-DEPT-01: an L1 fault unresolved 48 h after it started goes to the department manager (BND-08 > 48 h)")
  void escDept01() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").faultStartTime(at("11-25 08:30")).complaintCount(20));
    Obligation o = f.duty("11-25 09:00", "ESC-DEPT-01").orElseThrow();
    assertThat(o.actor()).isEqualTo(Role.ROOM_MANAGER);
    assertThat(o.target()).isEqualTo("DEPT_MANAGER");
    assertThat(o.dueAt()).contains(at("11-27 08:30"));
    assertThat(o.triggeredAt()).contains(at("11-25 09:00"));
    Fault late = raisedOnlyAfter("ESC-DEPT-01", "11-27 08:30", t -> repairedAt(t, 20));
    assertThat(late.cancelled("ESC-DEPT-01")).isTrue();
    assertThat(late.owes("11-27 08:31", "ESC-DEPT-01")).isFalse();
  }

  private static Fault repairedAt(String when, int complaints) {
    return Fault.open("11-25 09:00", facts("11-25 09:00").faultStartTime(at("11-25 08:30"))
            .complaintCount(complaints))
        .event(when, FaultEventType.REPAIRED);
  }

  @Test
  @DisplayName("ESC-DEPT-01: the clock can start when the level was first reached or at the room-manager report (OQ-11)")
  void escDept01ClockStart() {
    Fault reached = Fault.open(deptClock(DeptClockStart.LEVEL_FIRST_REACHED), "11-25 09:00",
            facts("11-25 09:00").faultStartTime(at("11-25 08:30")))
        .facts("11-25 10:00", b -> b.complaintCount(20));
    assertThat(reached.duty("11-25 10:00", "ESC-DEPT-01").orElseThrow().dueAt()).contains(at("11-27 10:00"));
    Fault reported = Fault.open(deptClock(DeptClockStart.ROOM_MANAGER_REPORT), "11-25 09:00",
        facts("11-25 09:00").complaintCount(20));
    assertThat(reported.owes("11-25 09:00", "ESC-DEPT-01")).isFalse();
    reported.event("11-25 09:10", FaultEventType.REPORTED_TO_ROOM_MANAGER);
    assertThat(reported.duty("11-25 09:10", "ESC-DEPT-01").orElseThrow().dueAt()).contains(at("11-27 09:10"));
  }

  @Test
  @DisplayName("ESC-DEPT-02: an L2 fault unresolved after 24 h (BND-08 > 24 h): repaired at 23:59, 24:00, 24:01")
  void escDept02() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").faultStartTime(at("11-25 08:30")).complaintCount(60));
    assertThat(f.duty("11-25 09:00", "ESC-DEPT-02").orElseThrow().dueAt()).contains(at("11-26 08:30"));
    assertThat(f.owes("11-25 09:00", "ESC-DEPT-01")).isFalse();
    raisedOnlyAfter("ESC-DEPT-02", "11-26 08:30", t -> repairedAt(t, 60));
  }

  @Test
  @DisplayName("ESC-DEPT-02: a fault that becomes L2 more than 24 h after it started owes the report at once")
  void escDept02Late() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").faultStartTime(at("11-23 08:00")))
        .facts("11-25 09:30", b -> b.complaintCount(60));
    Obligation o = f.duty("11-25 09:30", "ESC-DEPT-02").orElseThrow();
    assertThat(o.dueAt()).contains(at("11-25 09:30"));
    f.event("11-25 09:45", FaultEventType.REPORTED_TO_DEPT_MANAGER);
    assertThat(f.owes("11-25 09:45", "ESC-DEPT-02")).isFalse();
  }

  @Test
  @DisplayName("ESC-DEPT-02, ESC-DEPT-01: a call to the department manager before the deadline does not answer it "
      + "(「若24小时内未能解决应上报」: the report says the fault is still unresolved)")
  void anEarlyCallDoesNotAnswerTheLevelDeadline() {
    Fault l2 = Fault.open("11-25 09:00", facts("11-25 09:00").faultStartTime(at("11-25 08:30")).complaintCount(60))
        .event("11-25 09:10", FaultEventType.REPORTED_TO_DEPT_MANAGER);
    assertThat(l2.duty("11-26 08:31", "ESC-DEPT-02").orElseThrow().dueAt()).contains(at("11-26 08:30"));
    Fault.refused(() -> l2.complete("11-25 09:20", "ESC-DEPT-02"), "ruleId");
    l2.event("11-26 08:40", FaultEventType.REPORTED_TO_DEPT_MANAGER);
    assertThat(l2.completedAt("ESC-DEPT-02")).isEqualTo(at("11-26 08:40"));

    Fault l1 = Fault.l1().event("11-25 10:00", FaultEventType.REPORTED_TO_DEPT_MANAGER)
        .event("11-27 10:00", FaultEventType.REPAIRED);
    assertThat(l1.completedAt("ESC-DEPT-01")).as("told at hour 1, unresolved at hour 48: not done").isNull();
    assertThat(l1.cancelled("ESC-DEPT-01")).isTrue();
  }

  @Test
  @DisplayName("ESC-DEPT-03: a call before the complaint's hour is up does not answer it; one after it does")
  void anEarlyCallDoesNotAnswerTheComplaintDeadline() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").csComplaintLevel(3)
        .csComplaintReceivedAt(at("11-25 09:05"))).event("11-25 09:30", FaultEventType.REPORTED_TO_DEPT_MANAGER);
    assertThat(f.owes("11-25 10:06", "ESC-DEPT-03")).isTrue();
    f.complete("11-25 10:05", "ESC-DEPT-03");
    assertThat(f.completedAt("ESC-DEPT-03")).isEqualTo(at("11-25 10:05"));
  }

  @Test
  @DisplayName("ESC-DEPT-03: a customer-service complaint of level 3 or higher (>= 3): levels 2, 3, 4")
  void escDept03Levels() {
    triple("ESC-DEPT-03", n -> f -> f.csComplaintLevel(n), 3, false, true, true);
  }

  @Test
  @DisplayName("ESC-DEPT-03: unresolved 1 h after the complaint was received (BND-08 > 60 min): repaired at 59, 60, 61")
  void escDept03Deadline() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").csComplaintLevel(3)
        .csComplaintReceivedAt(at("11-25 09:05")));
    assertThat(f.duty("11-25 09:00", "ESC-DEPT-03").orElseThrow().dueAt()).contains(at("11-25 10:05"));
    for (String[] c : new String[][] {{"11-25 10:04", "false"}, {"11-25 10:05", "false"}, {"11-25 10:06", "true"}}) {
      Fault g = Fault.open("11-25 09:00", facts("11-25 09:00").csComplaintLevel(3)
          .csComplaintReceivedAt(at("11-25 09:05"))).event(c[0], FaultEventType.REPAIRED);
      assertThat(g.everRaised("ESC-DEPT-03")).as("repaired at " + c[0]).isEqualTo(Boolean.parseBoolean(c[1]));
    }
  }

  @Test
  @DisplayName("ESC-DEPT-03: without a receipt time the clock starts when the complaint level is first known")
  void escDept03WithoutReceipt() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00")).facts("11-25 09:20", b -> b.csComplaintLevel(3));
    assertThat(f.duty("11-25 09:20", "ESC-DEPT-03").orElseThrow().dueAt()).contains(at("11-25 10:20"));
  }
}
