package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.engine.EngineFixture.T0;
import static org.opsbook.engine.EngineFixture.person;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.time.MutableClock;
import org.opsbook.rules.duty.FaultTracker;

/**
 * The engine's fault writes take the roles the lifecycle's steps take: a signed-in person with no role in fault
 * handling cannot open, repair or close a fault, nor discharge its duties; an SMS sent, and the duty to send it, are
 * recorded only by the engine's sending of the reviewed SMS (NOTIFY-REVIEW-01). Each refusal writes nothing.
 */
class FaultRolesTest {
  private final MutableClock clock = MutableClock.at(T0);
  private OpsEngine ops;

  @BeforeEach
  void aFaultOpenedByTheDutyDesk() {
    ops = OpsEngine.builder().dataSource(EngineFixture.freshH2())
        .directory(InMemoryDirectory.of(List.of(person("zhangsan", Role.ESC_DUTY),
            person("lisi", Role.FAULT_TEAM_LEADER), person("jiang", Role.BILLING_DECLARANT),
            person("chen", Role.DATA_SUBMITTER))))
        .gateway(new RecordingMessageGateway(clock)).clock(clock).build();
    ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
  }

  @AfterEach
  void close() {
    ops.close();
  }

  private InvalidInputException refused(Supplier<FaultTracker> write) {
    long version = ops.faults().load("F-1").version();
    InvalidInputException e = catchThrowableOfType(write::get, InvalidInputException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(ops.faults().load("F-1").version()).as("nothing written").isEqualTo(version);
    return e;
  }

  @Test
  @DisplayName("SM-ESC-T01 only the escalation duty, the IT system administrator, a pre-processor or a reviewer opens")
  void smEscT01OnlyTheirRolesOpenAFault() {
    InvalidInputException e = catchThrowableOfType(() -> ops.faults().open("F-2", EngineFixture.l1("F-2"), "jiang"),
        InvalidInputException.class);
    assertThat(e.field()).isEqualTo("personId");
    assertThat(e.ruleId()).contains(RuleId.of("SM-ESC-T01"));
    assertThat(e.getMessage()).doesNotContain("jiang");
    assertThat(ops.faults().openFaults()).extracting(s -> s.faultId()).containsExactly("F-1");
    assertThat(ops.faults().open("F-2", EngineFixture.l1("F-2"), "zhangsan").version()).isEqualTo(1);
  }

  @Test
  @DisplayName("SM-ESC-T07 SM-ESC-T11 a person with no role in fault handling neither repairs nor closes a fault")
  void smEscT07AndT11RepairAndCloseTakeTheOwnersRoles() {
    InvalidInputException repair = refused(() -> ops.faults().record("F-1", FaultEventType.REPAIRED, "jiang"));
    assertThat(repair.field()).isEqualTo("personId");
    assertThat(repair.ruleId()).contains(RuleId.of("SM-ESC-T07"));
    assertThat(refused(() -> ops.faults().record("F-1", FaultEventType.REPAIRED, "lisi")).ruleId())
        .as("the team leader is not the fault's owner").contains(RuleId.of("SM-ESC-T07"));
    assertThat(refused(() -> ops.faults().record("F-1", FaultEventType.CLOSED, "chen")).ruleId())
        .contains(RuleId.of("SM-ESC-T11"));
    assertThat(ops.faults().record("F-1", FaultEventType.REPAIRED, "zhangsan").repairedAt()).isPresent();
  }

  @Test
  @DisplayName("ESC-ROOM-01 a person with no role in fault handling discharges no duty and reports nothing")
  void escRoom01NoRoleNoDutyDone() {
    assertThat(refused(() -> ops.faults().complete("F-1", RuleId.of("ESC-ROOM-01"), "jiang")).field())
        .isEqualTo("personId");
    assertThat(refused(() -> ops.faults().record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, "chen")).field())
        .isEqualTo("personId");
    assertThat(refused(() -> ops.faults().updateFacts("F-1", EngineFixture.l1("F-1"), "jiang")).field())
        .isEqualTo("personId");
    assertThat(ops.faults().duties("F-1")).extracting(d -> d.ruleId().value()).contains("ESC-ROOM-01");
    ops.faults().record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhangsan");
    assertThat(ops.faults().duties("F-1")).extracting(d -> d.ruleId().value()).doesNotContain("ESC-ROOM-01");
  }

  @Test
  @DisplayName("NOTIFY-REVIEW-01 nobody records an SMS as sent, nor its duty as done, past the review")
  void notifyReview01TheSmsDutiesAreDoneBySendingOnly() {
    InvalidInputException sent = refused(() -> ops.faults().record("F-1", FaultEventType.NOTIFICATION_SENT,
        "zhangsan"));
    assertThat(sent.field()).isEqualTo("type");
    assertThat(sent.ruleId()).contains(RuleId.of("NOTIFY-REVIEW-01"));
    InvalidInputException done = refused(() -> ops.faults().complete("F-1", RuleId.of("NOTIFY-TRIG-05"),
        "zhangsan"));
    assertThat(done.field()).isEqualTo("ruleId");
    assertThat(done.ruleId()).contains(RuleId.of("NOTIFY-REVIEW-01"));
    assertThat(ops.faults().duties("F-1")).extracting(d -> d.ruleId().value()).contains("NOTIFY-TRIG-05");
  }
}
