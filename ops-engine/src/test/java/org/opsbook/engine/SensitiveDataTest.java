package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.engine.EngineFixture.T0;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.time.MutableClock;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;

/**
 * Sensitive-data approvals through the engine: the people a step's data names (a form's approver, the developer,
 * the city monitor) are the directory's, with the directory's roles and staff kinds, whatever the caller says of
 * them (DATAOP-SENS-01, DATAOP-SENS-03).
 */
class SensitiveDataTest {
  private final MutableClock clock = MutableClock.at(T0);
  private OpsEngine ops;

  private static Person person(String id, Role role) {
    return Person.builder().id(id).name(id).org("运营管理室")
        .phone(String.format("139%08d", Math.floorMod(id.hashCode(), 100_000_000))).addRoles(role).build();
  }

  @BeforeEach
  void aSensitiveModificationReadyForTechnicalApproval() {
    ops = OpsEngine.builder().dataSource(EngineFixture.freshH2())
        .directory(InMemoryDirectory.of(List.of(person("zhang", Role.DATA_SUBMITTER),
            person("wang", Role.BUSINESS_APPROVER), person("li", Role.DATA_PROCESSOR_CITY),
            person("boss", Role.SUPERIOR_SUPERVISOR), person("dev1", Role.DATA_PROCESSOR_DEV),
            person("dev2", Role.DATA_PROCESSOR_DEV))))
        .staffKinds(p -> switch (p.id()) {
          case "dev1" -> ActorKind.DEVELOPER_ONSITE;
          case "dev2" -> ActorKind.DEVELOPER_REMOTE;
          default -> ActorKind.CITY_STAFF;
        })
        .gateway(new RecordingMessageGateway(clock)).clock(clock).build();
    DataOp op = DataOp.builder().opType(OpType.MODIFICATION).ticketNo("DM-1").ticketKind(TicketKind.AMS_DATA_MOD)
        .targetSystem(TargetSystem.BOSS).recordCount(12).impactStatement("12 numbers' package end date")
        .sideEffectsBusiness("无").sideEffectsAccounts("无").sideEffectsReports("无").urgency("一般")
        .involvesLevel1Sensitive(true).build();
    ops.modifications().create(DataOpTicket.draft("DM-1", op), "zhang").orThrow();
    ops.modifications().fire("DM-1", DataOpEvent.SUBMIT, "zhang", DataOpEventData.none()).orThrow();
    ops.modifications().fire("DM-1", DataOpEvent.APPROVE_BUSINESS, "wang", DataOpEventData.none()).orThrow();
    ops.modifications().fire("DM-1", DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, "li",
        DataOpEventData.builder().scriptRef("script-1.sql").backupRef("bak-1").build()).orThrow();
  }

  @Test
  @DisplayName("DATAOP-SENS-01 an access form's approver has the directory's roles, not the ones the caller states")
  void aFormApprovedBySomeoneClaimingARoleIsRefused() {
    Result<DataOpTicket> forged = ops.modifications().fire("DM-1", DataOpEvent.APPROVE_TECHNICAL, "li",
        DataOpEventData.builder().sensitiveAccessFormApprovedBy(Actor.of("wang", Role.SUPERIOR_SUPERVISOR)).build());
    assertThat(forged.violatedRules()).extracting(Object::toString).contains("DATAOP-SENS-01");

    InvalidInputException nobody = catchThrowableOfType(() -> ops.modifications().fire("DM-1",
        DataOpEvent.APPROVE_TECHNICAL, "li", DataOpEventData.builder()
            .sensitiveAccessFormApprovedBy(Actor.of("nobody", Role.SUPERIOR_SUPERVISOR)).build()),
        InvalidInputException.class);
    assertThat(nobody.field()).isEqualTo("data.sensitiveAccessFormApprovedBy");
    assertThat(ops.modifications().find("DM-1").orElseThrow().record().sensitiveAccessForm()).isEmpty();

    Result<DataOpTicket> approved = ops.modifications().fire("DM-1", DataOpEvent.APPROVE_TECHNICAL, "li",
        DataOpEventData.builder().sensitiveAccessFormApprovedBy(Actor.of("Boss")).build());
    assertThat(approved.violatedRules()).isEmpty();
    Actor approver = approved.value().record().sensitiveAccessForm().orElseThrow().approver();
    assertThat(approver.id()).isEqualTo("boss");
    assertThat(approver.roles()).containsExactly(Role.SUPERIOR_SUPERVISOR);
  }

  @Test
  @DisplayName("DATAOP-SENS-03 the developer's staff kind and the city monitor come from the directory")
  void aRemoteDeveloperStatedOnSiteAndADeveloperAsMonitorAreRefused() {
    ops.modifications().fire("DM-1", DataOpEvent.APPROVE_TECHNICAL, "li",
        DataOpEventData.builder().sensitiveAccessFormApprovedBy(Actor.of("boss")).build()).orThrow();

    InvalidInputException onSite = catchThrowableOfType(() -> ops.modifications().fire("DM-1",
        DataOpEvent.ASSIGN_TO_DEVELOPER, "li", DataOpEventData.builder().developerId("dev2")
            .executorKind(ActorKind.DEVELOPER_ONSITE).cityMonitorId("li").cityMonitorPresentThroughout(true).build()),
        InvalidInputException.class);
    assertThat(onSite.field()).isEqualTo("data.executorKind");
    assertThat(onSite.getMessage()).contains("DEVELOPER_REMOTE").doesNotContain("dev2");

    Result<DataOpTicket> remote = ops.modifications().fire("DM-1", DataOpEvent.ASSIGN_TO_DEVELOPER, "li",
        DataOpEventData.builder().developerId("dev2").cityMonitorId("li").cityMonitorPresentThroughout(true).build());
    assertThat(remote.violatedRules()).as("unstated, the kind is the directory's").extracting(Object::toString)
        .contains("DATAOP-SENS-03");

    InvalidInputException monitor = catchThrowableOfType(() -> ops.modifications().fire("DM-1",
        DataOpEvent.ASSIGN_TO_DEVELOPER, "li", DataOpEventData.builder().developerId("dev1")
            .cityMonitorId("dev2").cityMonitorPresentThroughout(true).build()), InvalidInputException.class);
    assertThat(monitor.field()).isEqualTo("data.cityMonitorId");

    Result<DataOpTicket> assigned = ops.modifications().fire("DM-1", DataOpEvent.ASSIGN_TO_DEVELOPER, "li",
        DataOpEventData.builder().developerId("DEV1").cityMonitorId("li").cityMonitorPresentThroughout(true)
            .build());
    assertThat(assigned.violatedRules()).isEmpty();
    assertThat(assigned.value().record().assignedDeveloperId()).contains("dev1");
  }
}
