package org.opsbook.rules.esc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.opsbook.core.Actor;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Role;
import org.opsbook.core.machine.Outcome;

/** People, times and faults the SM-ESC tests share; 2026-11-25 is a Wednesday, times are in Shanghai. */
final class EscFixtures {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final EscWorkflow WF = EscWorkflow.standard();
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

  static EscFault accepted(Outcome<EscFault> o) {
    assertThat(o.violations()).as("violations").isEmpty();
    return o.instance();
  }

  /** F-1 opened by the duty with {@code complaints} complaints. */
  static EscFault detected(int complaints) {
    return accepted(WF.open("F-1", data().facts(facts(complaints)).build(), DUTY, T0));
  }

  static EscFault declared(int complaints) {
    return accepted(WF.apply(detected(complaints), EscEvent.DECLARE, DUTY, EscEventData.empty(), T0));
  }

  /** F-1 owned by A, handled in-house. */
  static EscFault handling(int complaints) {
    return accepted(WF.apply(declared(complaints), EscEvent.TAKE_OWNERSHIP, A, EscEventData.empty(), T0));
  }

  /** F-1 owned by B while A is away. */
  static EscFault handlingByB(int complaints) {
    return accepted(WF.apply(declared(complaints), EscEvent.TAKE_OWNERSHIP, B,
        data().handlerAAvailable(false).build(), T0));
  }

  static EscFault recovered(int complaints, Instant at) {
    return accepted(WF.apply(handling(complaints), EscEvent.MARK_REPAIRED, A,
        data().recoveryCheck("拨测正常").build(), at));
  }

  static EscFault postIncident(int complaints) {
    Instant repaired = at("11-25 15:00");
    return accepted(WF.apply(recovered(complaints, repaired), EscEvent.FILE_POST_INCIDENT, A,
        data().dutyLogDeliveredAt(repaired).faultReportRef("RPT-1").build(), at("11-25 16:00")));
  }
}
