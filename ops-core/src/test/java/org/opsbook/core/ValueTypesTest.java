package org.opsbook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opsbook.core.internal.machine.GuardResult;
import org.opsbook.core.FaultFacts.LoginSystem;

class ValueTypesTest {
  private static final Instant T0 = Instant.parse("2026-11-25T06:30:00Z");

  @Test
  void valuesWithEqualFieldsAreEqual() {
    Actor a = Actor.builder().id("zhang").addRoles(Role.DATA_SUBMITTER).org("运营管理室").build();
    Actor b = Actor.builder().id("zhang").addRoles(Role.DATA_SUBMITTER).org("运营管理室").build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Actor.of("li", Role.DATA_SUBMITTER));
  }

  @Test
  void builderRejectsNullsAndMissingMandatoryFields() {
    assertThatThrownBy(() -> Actor.builder().id(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Actor.builder().addRoles(Role.ROOM_MANAGER).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("id");
  }

  @Test
  void strictBuilderRejectsSettingAFieldTwice() {
    assertThatThrownBy(() -> Actor.builder().id("a").id("b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("strict");
  }

  @Test
  void escDutyIsHeldByEitherHandler() {
    assertThat(Actor.of("a", Role.ESC_HANDLER_A).hasRole(Role.ESC_DUTY)).isTrue();
    assertThat(Actor.of("b", Role.ESC_HANDLER_B).hasRole(Role.ESC_DUTY)).isTrue();
    assertThat(Actor.of("m", Role.ROOM_MANAGER).hasRole(Role.ESC_DUTY)).isFalse();
  }

  @Test
  void faultFactsRejectNegativeCountsNamingTheField() {
    assertThatThrownBy(() -> FaultFacts.builder().complaintCount(-3).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("complaintCount must be >= 0: -3")
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("complaintCount");
    assertThatThrownBy(() -> FaultFacts.builder().hotBusinessOutageMinutes(-0.5).build())
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("hotBusinessOutageMinutes");
    assertThatThrownBy(() -> FaultFacts.builder().putLoginOutageMinutes(LoginSystem.CC, -1.0).build())
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("loginOutageMinutes.CC");
  }

  @Test
  void faultClassDef05ManualAssessmentNeedsAJustification() {
    assertThatThrownBy(() -> FaultFacts.builder().manualLevelAssessment(Level.L2).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("manualLevelJustification");
          assertThat(e.ruleId()).contains(RuleId.of("FAULT-CLASS-DEF-05"));
        });
    FaultFacts ok = FaultFacts.builder().manualLevelAssessment(Level.L2)
        .manualLevelJustification("全省计费中断, 情况未列出").build();
    assertThat(ok.manualLevelAssessment()).isEqualTo(Level.L2);
  }

  @Test
  void faultFactsDefaultsAreNeutral() {
    FaultFacts f = FaultFacts.empty();
    assertThat(f.complaintCount()).isZero();
    assertThat(f.affectsNormalCommunication()).isFalse();
    assertThat(f.csComplaintLevel()).isEmpty();
    assertThat(f.networkOutageScope()).isEqualTo(NetworkOutageScope.NONE);
    assertThat(f.manualLevelAssessment()).isEqualTo(Level.NONE);
    assertThat(f.responsibleUnit()).isEqualTo(ResponsibleUnit.OWN_ROOM);
    assertThat(f.repairedAt()).isEmpty();
  }

  @Test
  void sameFaultCustomerCountDefaultsToConfirmedCustomers() {
    assertThat(FaultFacts.builder().affectedCustomersConfirmed(12).build().effectiveSameFaultCustomerCount())
        .isEqualTo(12);
    assertThat(FaultFacts.builder().affectedCustomersConfirmed(12).sameFaultCustomerCount(3).build()
        .effectiveSameFaultCustomerCount()).isEqualTo(3);
  }

  @Test
  void toBuilderDerivesTheNextSnapshot() {
    FaultFacts first = FaultFacts.builder().faultId("F-1").complaintCount(10).build();
    FaultFacts next = first.toBuilder().complaintCount(55).build();
    assertThat(next.faultId()).contains("F-1");
    assertThat(next.complaintCount()).isEqualTo(55);
    assertThat(first.complaintCount()).isEqualTo(10);
  }

  @Test
  void substantiveProgressSinceComparesTheLastProgress() {
    FaultFacts f = FaultFacts.builder().lastSubstantiveProgressAt(T0).build();
    assertThat(f.substantiveProgressSince(T0.minusSeconds(1))).isTrue();
    assertThat(f.substantiveProgressSince(T0)).isFalse();
    assertThat(FaultFacts.empty().substantiveProgressSince(T0)).isFalse();
  }

  @Test
  void levelOrderPutsL2AboveL1() {
    assertThat(Level.L2.isAtLeast(Level.L1)).isTrue();
    assertThat(Level.max(Level.L1, Level.L2)).isEqualTo(Level.L2);
    assertThat(Level.L2.severityLabel()).isEqualTo("重大");
    assertThat(Level.L1.severityLabel()).isEqualTo("严重");
    assertThat(Level.NONE.severityLabel()).isEqualTo("一般");
    assertThat(Level.NONE.isEscalated()).isFalse();
  }

  @Test
  void ruleIdsHaveTheCatalogFormatAndSortAsStrings() {
    assertThat(RuleId.of("FAULT-CLASS-L2-01")).isLessThan(RuleId.of("FAULT-CLASS-L2-02"));
    assertThat(RuleId.of("ESC-REQ-02.3").value()).isEqualTo("ESC-REQ-02.3");
    assertThat(RuleId.of("SM-DATAOP-MOD-T08").value()).isEqualTo("SM-DATAOP-MOD-T08");
    assertThatThrownBy(() -> RuleId.of("esc-dept-02")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RuleId.of("ESC-DEPT")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void ruleIdsAreEqualByTheirTextAndHashAsTheirText() {
    RuleId id = RuleId.of("FAULT-CLASS-L2-01");
    assertThat(id).isEqualTo(RuleId.of("FAULT-CLASS-L2-01")).isNotEqualTo(RuleId.of("FAULT-CLASS-L2-02"))
        .isNotEqualTo("FAULT-CLASS-L2-01").isNotEqualTo(null);
    // the value a one-component record's generated hashCode has: sets of rule IDs iterate as they always did
    assertThat(id.hashCode()).isEqualTo("FAULT-CLASS-L2-01".hashCode());
    assertThat(java.util.Set.of(id, RuleId.of("ESC-REQ-02.3"))).contains(RuleId.of("ESC-REQ-02.3"));
  }

  @Test
  void classificationKeepsItsInvariants() {
    assertThatThrownBy(() -> Classification.builder().level(Level.L1).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Classification.builder().level(Level.NONE)
        .addMatchedRules(RuleId.of("FAULT-CLASS-L1-01"))
        .addMatchedRulesAllLevels(RuleId.of("FAULT-CLASS-L1-01")).build())
        .isInstanceOf(IllegalStateException.class);
    Classification c = Classification.builder().level(Level.L2)
        .addMatchedRules(RuleId.of("FAULT-CLASS-L2-04"))
        .addMatchedRulesAllLevels(RuleId.of("FAULT-CLASS-L2-04"), RuleId.of("FAULT-CLASS-L1-01")).build();
    assertThat(c.matchedRulesAllLevels()).extracting(RuleId::value)
        .containsExactly("FAULT-CLASS-L1-01", "FAULT-CLASS-L2-04");
    assertThat(c.isEscalated()).isTrue();
  }

  @Test
  void anObligationNeverFallsDueBeforeItsTrigger() {
    assertThatThrownBy(() -> Obligation.builder().ruleId(RuleId.of("ESC-ROOM-01")).subjectId("F-1")
        .actor(Role.ESC_DUTY).action("report").target("ROOM_MANAGER").channel(Channel.PHONE)
        .triggeredAt(T0).dueAt(T0.minusSeconds(1)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("dueAt");
    Obligation timely = Obligation.builder().ruleId(RuleId.of("ESC-REQ-05")).subjectId("F-1")
        .actor(Role.ESC_DUTY).action("inform 支持维护室").target("支持维护室").channel(Channel.PHONE).build();
    assertThat(timely.isTimely()).isTrue();
    assertThat(timely.key().toString()).isEqualTo("F-1/ESC-REQ-05/1");
    assertThat(ObligationKey.parse("F/1/ESC-REQ-05/1")).isEqualTo(new ObligationKey("F/1", RuleId.of("ESC-REQ-05"), 1));
  }

  @Test
  void guardResultListsEveryViolatedRuleOnce() {
    GuardResult r = GuardResult.of(java.util.List.of(
        Violation.of(RuleId.of("DATAOP-MOD-14"), "reviewer is the executor"),
        Violation.of(RuleId.of("DATAOP-MOD-12"), "initiator accepts own work"),
        Violation.of(RuleId.of("DATAOP-MOD-14"), "reviewer wrote the script")));
    assertThat(r.isAllowed()).isFalse();
    assertThat(r.ruleIds()).extracting(RuleId::value).containsExactly("DATAOP-MOD-12", "DATAOP-MOD-14");
    assertThat(GuardResult.of(java.util.List.of()).isAllowed()).isTrue();
  }

  @Test
  void personalDataIsMaskedInToString() {
    Person p = Person.builder().id("p1").name("张三丰").phone("13800138000").addRecipientClasses(RecipientClass.C)
        .build();
    assertThat(p.toString()).doesNotContain("13800138000").doesNotContain("张三丰")
        .contains("138****8000").contains("张**");
    assertThat(Masking.phonesIn("号码13912345678投诉")).isEqualTo("号码139****5678投诉");
  }

  @Test
  void aFaultEventAndAStoredInstanceNameNobodyInToString() {
    FaultEvent e = FaultEvent.builder().faultId("F-1").sequence(2).type(FaultEventType.PROGRESS_REPORTED)
        .at(java.time.Instant.parse("2026-11-25T02:00:00Z")).actorId("13900139000")
        .note("已电话联系投诉用户王小明 13800138000, 由张三跟进").build();
    assertThat(e.toString()).doesNotContain("13800138000").doesNotContain("13900139000").doesNotContain("王小明")
        .doesNotContain("张三").contains("F-1").contains("PROGRESS_REPORTED").contains("note=<");
    org.opsbook.core.spi.WorkflowRepository.WorkflowInstance i = org.opsbook.core.spi.WorkflowRepository
        .WorkflowInstance.builder().id("DM-1").machine("SM-DATAOP-MOD").state("SUBMITTED").version(1)
        .dataJson("{\"complaintNumbers\":[\"13800138000\"],\"customerName\":\"王小明\"}")
        .createdAt(java.time.Instant.EPOCH).updatedAt(java.time.Instant.EPOCH).build();
    assertThat(i.toString()).doesNotContain("13800138000").doesNotContain("王小明").contains("DM-1")
        .contains("SUBMITTED");
  }

  @Test
  void parametersDefaultToTheCatalogTable() {
    OpsParameters p = OpsParameters.defaults();
    assertThat(p.sameFaultCustomersForEmergency()).isEqualTo(10);
    assertThat(p.l2CustomersMin()).isEqualTo(500);
    assertThat(p.deptL2Hours()).hasHours(24);
    assertThat(p.extractionPeakWindows()).hasSize(2);
    assertThat(p.reportThresholdPolicy()).isEqualTo(OpsParameters.ReportThresholdPolicy.UNION);
    OpsParameters changed = p.toBuilder().sameFaultCustomersForEmergency(11).build();
    assertThat(changed.sameFaultCustomersForEmergency()).isEqualTo(11);
    assertThat(changed.l2CustomersMin()).isEqualTo(500);
    assertThatThrownBy(() -> OpsParameters.builder().l1CustomersMin(600).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("l1CustomersMin");
  }

  @Test
  void auditEntriesKeepMicrosecondPrecision() {
    AuditEntry e = AuditEntry.builder().stream("s").at(Instant.parse("2026-11-25T06:30:00.123456789Z"))
        .actorId("a").action("x").build();
    assertThat(e.at()).isEqualTo(Instant.parse("2026-11-25T06:30:00.123456Z"));
  }
}
