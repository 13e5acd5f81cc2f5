package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.engine.EngineFixture.T0;
import static org.opsbook.engine.EngineFixture.person;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.time.MutableClock;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.esc.EscFault.EscState;

/**
 * A fault's owner named in a lifecycle step (a handover, the monitor's assignment) is the directory's person, by the
 * canonical ID the owner later acts under (ESC-HANDLE-01, ESC-HANDLE-04), and owns it as the handler the directory
 * says they are (ESC-HANDLE-01, ESC-HANDLE-03).
 */
class LifecyclePeopleTest {
  private final MutableClock clock = MutableClock.at(T0);
  private OpsEngine ops;

  @BeforeEach
  void aFaultHandledByA() {
    ops = OpsEngine.builder().dataSource(EngineFixture.freshH2())
        .directory(InMemoryDirectory.of(List.of(person("zhi", Role.ESC_DUTY), person("an", Role.ESC_HANDLER_A),
            person("bei", Role.ESC_HANDLER_B), person("jian", Role.ESC_MONITOR))))
        .gateway(new RecordingMessageGateway(clock)).clock(clock).build();
    ops.faults().lifecycle("F-1", EscEvent.OPEN_FAULT, EscEventData.builder().facts(EngineFixture.l1("F-1")).build(),
        "zhi").orThrow();
    ops.faults().lifecycle("F-1", EscEvent.DECLARE, EscEventData.empty(), "zhi").orThrow();
    ops.faults().lifecycle("F-1", EscEvent.TAKE_OWNERSHIP, EscEventData.empty(), "an").orThrow();
  }

  @Test
  @DisplayName("ESC-HANDLE-04 a handover to Bei is to bei, who then acts as the owner")
  void aHandoverNamesTheOwnerByTheIdTheyActUnder() {
    Result<EscFault> handed = ops.faults().lifecycle("F-1", EscEvent.HANDOVER, EscEventData.builder()
        .assigneeId("Bei").handoverNote("交接: 待开发商回复").handlerAAvailable(false).build(), "an");
    assertThat(handed.violatedRules()).isEmpty();
    assertThat(handed.value().ownerId()).contains("bei");

    Result<EscFault> entry = ops.faults().lifecycle("F-1", EscEvent.PROGRESS_ENTRY, EscEventData.builder()
        .conclusion("开发商修复中").systemProblem(EscFault.SystemProblem.YES).build(), "bei");
    assertThat(entry.violatedRules()).as("the new owner writes the progress").isEmpty();
  }

  @Test
  @DisplayName("ESC-HANDLE-04 a handover to someone the directory does not know is refused naming data.assigneeId")
  void aHandoverToNobodyIsRefused() {
    InvalidInputException e = catchThrowableOfType(() -> ops.faults().lifecycle("F-1", EscEvent.HANDOVER,
        EscEventData.builder().assigneeId("beii").handoverNote("交接").handlerAAvailable(false).build(), "an"),
        InvalidInputException.class);
    assertThat(e.field()).isEqualTo("data.assigneeId");
    assertThat(ops.faults().lifecycleOf("F-1").orElseThrow().ownerId()).contains("an");
    assertThat(ops.faults().lifecycleOf("F-1").orElseThrow().state()).isEqualTo(EscState.HANDLING_SELF);
  }

  @Test
  @DisplayName("ESC-HANDLE-01 the monitor cannot give the fault as A to B while A is available, nor to a duty officer")
  void theMonitorAssignsOnlyAsTheHandlerTheAssigneeIs() {
    Result<EscFault> asA = ops.faults().lifecycle("F-1", EscEvent.REASSIGN, EscEventData.builder()
        .assigneeId("bei").handoverNote("交接").build(), "jian");
    assertThat(asA.violatedRules()).extracting(org.opsbook.core.RuleId::value).contains("ESC-HANDLE-01");
    assertThat(asA.violations()).anySatisfy(v -> assertThat(v.field()).contains("assigneeId"));

    Result<EscFault> toDuty = ops.faults().lifecycle("F-1", EscEvent.REASSIGN, EscEventData.builder()
        .assigneeId("zhi").assigneeHandler(EscFault.EscHandler.B).handlerAAvailable(false).handoverNote("交接")
        .build(), "jian");
    assertThat(toDuty.violatedRules()).extracting(org.opsbook.core.RuleId::value).contains("ESC-HANDLE-01");
    assertThat(ops.faults().lifecycleOf("F-1").orElseThrow().ownerId()).contains("an");

    Result<EscFault> asB = ops.faults().lifecycle("F-1", EscEvent.REASSIGN, EscEventData.builder()
        .assigneeId("bei").assigneeHandler(EscFault.EscHandler.B).handlerAAvailable(false).handoverNote("交接")
        .build(), "jian");
    assertThat(asB.violatedRules()).as("B while A is away: the one way the manual gives").isEmpty();
    assertThat(asB.value().ownerId()).contains("bei");
  }

  @Test
  @DisplayName("ESC-HANDLE-01 an owner cannot hand the fault over to someone who is not the other handler")
  void aHandoverGoesToTheOtherHandler() {
    Result<EscFault> handed = ops.faults().lifecycle("F-1", EscEvent.HANDOVER, EscEventData.builder()
        .assigneeId("zhi").handoverNote("交接: 待开发商回复").handlerAAvailable(false).build(), "an");
    assertThat(handed.violatedRules()).extracting(org.opsbook.core.RuleId::value).contains("ESC-HANDLE-01");
    assertThat(ops.faults().lifecycleOf("F-1").orElseThrow().ownerId()).contains("an");
  }
}
