package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;
import static org.opsbook.rules.duty.Fault.owedAtOpening;
import static org.opsbook.rules.duty.Fault.raisedOnlyAfter;
import static org.opsbook.rules.duty.Fault.triple;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultFacts.CoreInterface;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts.LoginSystem;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.rules.duty.Fault.Boundary;

/** ESC-CENTER-01..18: the room manager phones the centre manager (§2.2.3.2 ¶3). */
class CentreManagerTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundaries")
  @DisplayName("ESC-CENTER-03..07, 10, 12 to 14: a count or a duration past its boundary owes the call")
  void boundary(Boundary b) {
    b.check();
  }

  static Stream<Boundary> boundaries() {
    return Stream.of(
        new Boundary("ESC-CENTER-03", "more than 30 complaints of wrongful suspension (> 30)",
            n -> f -> f.wrongSuspensionComplainingCustomers(n), 30, false),
        new Boundary("ESC-CENTER-04", "more than 100 customers possibly wrongly suspended (> 100)",
            n -> f -> f.wrongSuspensionPotentialCustomers(n), 100, false),
        new Boundary("ESC-CENTER-05", "more than 30 complaints of account, billing or bank anomalies (> 30)",
            n -> f -> f.accountAnomalyComplainingCustomers(n), 30, false),
        new Boundary("ESC-CENTER-06", "more than 100 customers possibly hit by such anomalies (> 100)",
            n -> f -> f.accountAnomalyPotentialCustomers(n), 100, false),
        new Boundary("ESC-CENTER-07", "self-service bill lists unavailable more than 2 h (> 120 min)",
            n -> f -> f.selfServiceBillListOutageMinutes(n), 120, false),
        new Boundary("ESC-CENTER-10", "one or more red-list customers wrongly suspended or disturbed (>= 1)",
            n -> f -> f.redListCustomersAffected(n), 1, true),
        new Boundary("ESC-CENTER-12", "login instability more than 3 times in a month (> 3, no 含, CONFLICT-04)",
            n -> f -> f.loginInstabilityFaultsThisMonth(n), 3, false),
        new Boundary("ESC-CENTER-13", "self-service login failures more than 5 times in a month (> 5)",
            n -> f -> f.selfServiceLoginFaultsThisMonth(n), 5, false),
        new Boundary("ESC-CENTER-14",
            "a BOSS/IBOSS interface to CC, HLR, bank payment or SMP fully down more than 30 min (> 30)",
            n -> f -> f.putCoreInterfaceFullOutageMinutes(CoreInterface.HLR, (double) n), 30, false));
  }

  @Test
  @DisplayName("ESC-CENTER-01: more than 30 customers complain they cannot communicate, not fixable on the spot (> 30): 29, 30, 31")
  void escCenter01() {
    triple("ESC-CENTER-01", n -> f -> f.commFailureComplainingCustomers(n), 30, false, false, true);
    assertThat(owedAtOpening(f -> f.commFailureComplainingCustomers(31).restorableByHlrResetAtComplaint(true)))
        .doesNotContain("ESC-CENTER-01");
    Obligation o = Fault.open("11-25 09:00", facts("11-25 09:00").commFailureComplainingCustomers(31))
        .duty("11-25 09:00", "ESC-CENTER-01").orElseThrow();
    assertThat(o.actor()).isEqualTo(Role.ROOM_MANAGER);
    assertThat(o.target()).isEqualTo("CENTER_MANAGER");
    assertThat(o.channel()).isEqualTo(Channel.PHONE);
    assertThat(o.dueAt()).contains(at("11-25 09:00"));
  }

  @Test
  @DisplayName("ESC-CENTER-02: more than 100 customers possibly unable to communicate (> 100): 99, 100, 101")
  void escCenter02() {
    triple("ESC-CENTER-02", n -> f -> f.commFailurePotentialCustomers(n), 100, false, false, true);
    assertThat(owedAtOpening(f -> f.commFailurePotentialCustomers(101).restorableByHlrResetAtComplaint(true)))
        .doesNotContain("ESC-CENTER-02");
  }

  @Test
  @DisplayName("ESC-CENTER-08: BOSS, CC or IBOSS login down more than 30 minutes, any one system (> 30): 29, 30, 31")
  void escCenter08() {
    triple("ESC-CENTER-08", n -> f -> f.putLoginOutageMinutes(LoginSystem.CC, (double) n), 30, false, false, true);
    assertThat(owedAtOpening(f -> f.putLoginOutageMinutes(LoginSystem.BOSS, 10.0)
        .putLoginOutageMinutes(LoginSystem.IBOSS, 31.0))).contains("ESC-CENTER-08");
  }

  @Test
  @DisplayName("ESC-CENTER-09: important data lost, no solution confirmed more than 30 minutes on (> 30): solved at 29, 30, 31")
  void escCenter09() {
    Fault f = lostData();
    assertThat(f.duty("11-25 09:00", "ESC-CENTER-09").orElseThrow().dueAt()).contains(at("11-25 09:40"));
    Fault late = raisedOnlyAfter("ESC-CENTER-09", "11-25 09:40",
        t -> lostData().facts(t, b -> b.dataLossSolutionConfirmed(true)));
    assertThat(late.owes("11-25 09:41", "ESC-CENTER-09")).isTrue();
  }

  @Test
  @DisplayName("ESC-CENTER-09: a call to the centre manager before the 30 minutes are up does not answer it "
      + "(「事件发生超过30分钟,但未确认是否有解决办法」 is what the report says); one after them does")
  void escCenter09EarlyCall() {
    Fault f = lostData().event("11-25 09:15", FaultEventType.REPORTED_TO_CENTER_MANAGER);
    assertThat(f.duty("11-25 09:41", "ESC-CENTER-09").orElseThrow().dueAt()).contains(at("11-25 09:40"));
    Fault.refused(() -> f.complete("11-25 09:20", "ESC-CENTER-09"), "ruleId");
    f.event("11-25 09:45", FaultEventType.REPORTED_TO_CENTER_MANAGER);
    assertThat(f.completedAt("ESC-CENTER-09")).isEqualTo(at("11-25 09:45"));
  }

  private static Fault lostData() {
    return Fault.open("11-25 09:00", facts("11-25 09:00").importantDataLost(true).dataLossAt(at("11-25 09:10")));
  }

  @Test
  @DisplayName("ESC-CENTER-11: 250 or more complaints (>= 250): 249, 250, 251; more than 500 possibly affected (> 500): 499, 500, 501")
  void escCenter11() {
    triple("ESC-CENTER-11", n -> f -> f.complaintCount(n), 250, false, true, true);
    triple("ESC-CENTER-11", n -> f -> f.affectedCustomersPotential(n), 500, false, false, true);
  }

  @Test
  @DisplayName("ESC-CENTER-15: progress on complaints of level 4 or higher (>= 4): 3, 4, 5; at once, then every 30 minutes")
  void escCenter15() {
    triple("ESC-CENTER-15", n -> f -> f.csComplaintLevel(n), 4, false, true, true);
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").csComplaintLevel(4));
    Obligation first = f.duty("11-25 09:00", "ESC-CENTER-15").orElseThrow();
    assertThat(first.recurring()).isTrue();
    assertThat(first.dueAt()).contains(at("11-25 09:00"));
    f.complete("11-25 09:10", "ESC-CENTER-15");
    Obligation second = f.dueAtTheMinute("11-25 09:10", "ESC-CENTER-15", "11-25 09:40");
    assertThat(second.sequence()).isEqualTo(2);
    f.event("11-25 09:30", FaultEventType.REPORTED_TO_CENTER_MANAGER);
    assertThat(f.duty("11-25 09:30", "ESC-CENTER-15").orElseThrow().dueAt()).contains(at("11-25 10:00"));
  }

  @Test
  @DisplayName("ESC-CENTER-16: once the centre manager was told, a sign that the impact may expand is phoned again at once")
  void escCenter16() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").redListCustomersAffected(1))
        .event("11-25 09:05", FaultEventType.IMPACT_MAY_EXPAND);
    assertThat(f.owes("11-25 09:05", "ESC-CENTER-16")).isFalse();
    f.event("11-25 09:10", FaultEventType.REPORTED_TO_CENTER_MANAGER)
        .event("11-25 10:00", FaultEventType.IMPACT_MAY_EXPAND);
    Obligation o = f.duty("11-25 10:00", "ESC-CENTER-16").orElseThrow();
    assertThat(o.dueAt()).contains(at("11-25 10:00"));
    assertThat(o.recurring()).isTrue();
  }

  @Test
  @DisplayName("ESC-CENTER-17: once the centre manager was told, a new phenomenon is phoned again at once")
  void escCenter17() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").reportedToCenterManagerAt(at("11-25 09:00")))
        .event("11-25 10:00", FaultEventType.NEW_PHENOMENON);
    assertThat(f.duty("11-25 10:00", "ESC-CENTER-17").orElseThrow().dueAt()).contains(at("11-25 10:00"));
    f.event("11-25 10:05", FaultEventType.REPORTED_TO_CENTER_MANAGER);
    assertThat(f.owes("11-25 10:05", "ESC-CENTER-17")).isFalse();
  }

  @Test
  @DisplayName("ESC-CENTER-18: a general fault with impact stuck a day after both developer and province were told (>= 24 h): 23:59, 24:00, 24:01")
  void escCenter18() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").affectsNormalCommunication(true))
        .event("11-25 09:05", FaultEventType.REPORTED_TO_CENTER_MANAGER)
        .event("11-25 09:30", FaultEventType.REPORTED_TO_DEVELOPER);
    assertThat(f.owes("11-25 09:30", "ESC-CENTER-18")).isFalse();
    f.event("11-25 10:00", FaultEventType.REPORTED_TO_PROVINCE);
    f.dueAtTheMinute("11-25 10:00", "ESC-CENTER-18", "11-26 10:00");
    Fault escalated = Fault.open("11-25 09:00", facts("11-25 09:00").affectsNormalCommunication(true)
            .complaintCount(30))
        .event("11-25 09:05", FaultEventType.REPORTED_TO_CENTER_MANAGER)
        .event("11-25 09:30", FaultEventType.REPORTED_TO_DEVELOPER)
        .event("11-25 10:00", FaultEventType.REPORTED_TO_PROVINCE);
    assertThat(escalated.owes("11-25 10:00", "ESC-CENTER-18")).isFalse();
  }
}
