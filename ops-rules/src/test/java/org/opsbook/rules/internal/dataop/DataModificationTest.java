package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_TECHNICAL;
import static org.opsbook.rules.dataop.DataOpEvent.ASSIGN_TO_DEVELOPER;
import static org.opsbook.rules.dataop.DataOpEvent.ATTACH_SCRIPT_AND_BACKUP;
import static org.opsbook.rules.dataop.DataOpEvent.CANCEL;
import static org.opsbook.rules.dataop.DataOpEvent.CONFIRM_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.CONSENT;
import static org.opsbook.rules.dataop.DataOpEvent.EXECUTE;
import static org.opsbook.rules.dataop.DataOpEvent.FAIL_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.NOTIFY_REQUESTER;
import static org.opsbook.rules.dataop.DataOpEvent.PASS_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.REPLY_IMPACT;
import static org.opsbook.rules.dataop.DataOpEvent.RESUBMIT_SCRIPT;
import static org.opsbook.rules.dataop.DataOpEvent.RUN;
import static org.opsbook.rules.dataop.DataOpEvent.SUBMIT;
import static org.opsbook.rules.internal.dataop.Fixtures.BUSINESS;
import static org.opsbook.rules.internal.dataop.Fixtures.CITY;
import static org.opsbook.rules.internal.dataop.Fixtures.CITY2;
import static org.opsbook.rules.internal.dataop.Fixtures.DEV;
import static org.opsbook.rules.internal.dataop.Fixtures.MANAGER;
import static org.opsbook.rules.internal.dataop.Fixtures.MOD;
import static org.opsbook.rules.internal.dataop.Fixtures.REMOTE_DEV;
import static org.opsbook.rules.internal.dataop.Fixtures.REQUESTER;
import static org.opsbook.rules.internal.dataop.Fixtures.REVIEWER;
import static org.opsbook.rules.internal.dataop.Fixtures.SUBMITTER;
import static org.opsbook.rules.internal.dataop.Fixtures.SUPERIOR;
import static org.opsbook.rules.internal.dataop.Fixtures.T0;
import static org.opsbook.rules.internal.dataop.Fixtures.actor;
import static org.opsbook.rules.internal.dataop.Fixtures.batchReview;
import static org.opsbook.rules.internal.dataop.Fixtures.data;
import static org.opsbook.rules.internal.dataop.Fixtures.developerAssignment;
import static org.opsbook.rules.internal.dataop.Fixtures.executed;
import static org.opsbook.rules.internal.dataop.Fixtures.modification;
import static org.opsbook.rules.internal.dataop.Fixtures.none;
import static org.opsbook.rules.internal.dataop.Fixtures.review;
import static org.opsbook.rules.internal.dataop.Fixtures.script;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.internal.dataop.Fixtures.Flow;
import org.opsbook.rules.dataop.Attachment;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.Sample;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;

class DataModificationTest {
  private static RuleId id(String s) {
    return RuleId.of(s);
  }

  private static void refusedBy(Outcome<DataOpTicket> o, String... rules) {
    assertThat(o.isAccepted()).as("refused").isFalse();
    assertThat(o.violatedRules()).extracting(RuleId::value).containsExactly(rules);
    assertThat(o.audit()).isEmpty();
  }

  @Nested
  class HappyPaths {
    @Test
    void aSingleChangeByTheCityProcessorRunsToClosedWithOneAuditEntryPerTransition() {
      Flow f = Flow.mod(modification().build()).toTechApproved();
      f.ok(EXECUTE, CITY, executed(12)).ok(PASS_REVIEW, REVIEWER, review())
          .ok(NOTIFY_REQUESTER, REVIEWER, data().channel(NotifyChannel.SMS).build())
          .ok(CONFIRM_BUSINESS, REQUESTER);
      assertThat(f.state()).isEqualTo(DataOpState.CLOSED);
      assertThat(f.ticket.record().executorId()).contains("li");
      assertThat(f.ticket.record().processorIds()).containsExactly("li");
      assertThat(Batch.of(f.ticket, Fixtures.P).isBatch()).isFalse();
    }

    @Test
    void aDeveloperExecutesAfterImpactStatementAndConsent() {
      Flow f = Flow.mod(modification().build()).toReadyForDeveloper(developerAssignment());
      assertThat(f.state()).isEqualTo(DataOpState.READY_TO_EXECUTE);
      f.ok(EXECUTE, DEV, executed(12)).ok(PASS_REVIEW, REVIEWER, review());
      assertThat(f.ticket.record().executorKind()).contains(ActorKind.DEVELOPER_ONSITE);
    }

    @Test
    void theAuditEntryNamesTheTransitionItsGuardsAndWhatWasRecorded() {
      Flow f = Flow.mod(modification().build());
      Outcome<DataOpTicket> o = f.fire(SUBMIT, SUBMITTER, none());
      AuditEntry a = o.audit().orElseThrow();
      assertThat(a.stream()).isEqualTo("dataop:DM-1");
      assertThat(a.action()).isEqualTo("submit");
      assertThat(a.fromState()).contains("DRAFT");
      assertThat(a.toState()).contains("SUBMITTED");
      assertThat(a.ruleIds()).contains(id("SM-DATAOP-MOD-T01"), id("DATAOP-MOD-01"), id("DATAOP-MOD-06"));
      assertThat(a.details()).containsEntry("recordCount", "12").containsEntry("batch", "false");
    }

    @Test
    void aFailedReviewSendsTheScriptBackForReworkAndAFreshApproval() {
      Flow f = Flow.mod(modification().build()).toTechApproved().ok(EXECUTE, CITY, executed(12))
          .ok(FAIL_REVIEW, REVIEWER, data().findings("2 records wrong").build());
      assertThat(f.state()).isEqualTo(DataOpState.REWORK);
      f.ok(RESUBMIT_SCRIPT, CITY2, data().scriptRef("v2.sql").backupRef("bak-2").build())
          .ok(APPROVE_TECHNICAL, CITY).ok(EXECUTE, CITY, executed(12));
      assertThat(f.ticket.record().reworkCount()).isEqualTo(1);
      assertThat(f.ticket.record().processorIds()).containsExactly("chen", "li");
    }

    @DisplayName("SM-DATAOP-MOD-T13 the submitter cancels before execution but not after")
    @Test
    void smDataopModT13TheSubmitterCancelsBeforeExecutionButNotAfter() {
      Flow f = Flow.mod(modification().build()).toTechApproved();
      assertThat(f.fire(CANCEL, SUBMITTER, data().reason("duplicate").build()).isAccepted()).isTrue();
      assertThat(f.state()).isEqualTo(DataOpState.CANCELLED);

      Flow g = Flow.mod(modification().build()).toTechApproved().ok(EXECUTE, CITY, executed(12));
      refusedBy(g.fire(CANCEL, SUBMITTER, none()), "SM-DATAOP-MOD-T13");
    }

    @Test
    void terminalStatesAbsorbEveryEvent() {
      Flow f = Flow.mod(modification().build()).ok(CANCEL, SUBMITTER);
      for (DataOpEvent e : MOD.events()) {
        if (e == EXECUTE || e == ASSIGN_TO_DEVELOPER) {
          continue;
        }
        assertThat(f.fire(e, SUBMITTER, none()).isAccepted()).as("%s", e).isFalse();
        assertThat(f.state()).isEqualTo(DataOpState.CANCELLED);
      }
    }
  }

  @Nested
  class Submission {
    @DisplayName("DATAOP-MOD-01 allowed ticket kinds")
    @Test
    void dataopMod01AllowedTicketKinds() {
      for (TicketKind k : new TicketKind[] {TicketKind.AMS_DATA_MOD, TicketKind.CMCP_BUSINESS_FAULT,
          TicketKind.CMCP_IT_COLLAB}) {
        assertThat(Flow.mod(modification().ticketKind(k).build()).fire(SUBMIT, SUBMITTER, none()).isAccepted())
            .as("%s", k).isTrue();
      }
    }

    @DisplayName("DATAOP-MOD-01 refuses system fault requirement and other tickets")
    @Test
    void dataopMod01RefusesSystemFaultRequirementAndOtherTickets() {
      for (TicketKind k : new TicketKind[] {TicketKind.AMS_SYSTEM_FAULT, TicketKind.REQUIREMENT, TicketKind.OTHER}) {
        refusedBy(Flow.mod(modification().ticketKind(k).build()).fire(SUBMIT, SUBMITTER, none()), "DATAOP-MOD-01");
      }
    }

    @DisplayName("DATAOP-MOD-06 refuses a submission without impact or side effects")
    @Test
    void dataopMod06RefusesASubmissionWithoutImpactOrSideEffects() {
      DataOp op = modification().build().toBuilder().impactStatement(" ").sideEffectsReports(" ").build();
      Outcome<DataOpTicket> o = Flow.mod(op).fire(SUBMIT, SUBMITTER, none());
      refusedBy(o, "DATAOP-MOD-06");
      assertThat(o.violations()).hasSize(2);
      assertThat(o.violations().get(1).message()).contains("reports (报表)");
    }

    @DisplayName("DATAOP-MOD-06 accepts side effects stated as none")
    @Test
    void dataopMod06AcceptsSideEffectsStatedAsNone() {
      assertThat(Flow.mod(modification().build()).fire(SUBMIT, SUBMITTER, none()).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-ROLE-01 refuses a submission without urgency")
    @Test
    void dataopRole01RefusesASubmissionWithoutUrgency() {
      DataOp op = DataOp.builder().from(modification().build()).urgency("").build();
      refusedBy(Flow.mod(op).fire(SUBMIT, SUBMITTER, none()), "DATAOP-ROLE-01");
    }

    @DisplayName("DATAOP-DEF-05 refuses a submission that names no target system and accepts one")
    @Test
    void dataopDef05RefusesASubmissionThatNamesNoTargetSystemAndAcceptsOne() {
      DataOp.Builder b = DataOp.builder().opType(OpType.MODIFICATION).ticketKind(TicketKind.AMS_DATA_MOD)
          .impactStatement("x").sideEffectsBusiness("无").sideEffectsAccounts("无").sideEffectsReports("无")
          .urgency("一般");
      refusedBy(Flow.mod(b.build()).fire(SUBMIT, SUBMITTER, none()), "DATAOP-DEF-05");
      assertThat(Flow.mod(b.targetSystem(TargetSystem.CHANNEL).build()).fire(SUBMIT, SUBMITTER, none())
          .isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-16 a fault fix must cover the faults whole scope")
    @Test
    void dataopMod16AFaultFixMustCoverTheFaultsWholeScope() {
      DataOp linked = modification().linkedFaultId("F-7").build();
      refusedBy(Flow.mod(linked).fire(SUBMIT, SUBMITTER, none()), "DATAOP-MOD-16");
      assertThat(Flow.mod(linked.toBuilder().fullScopeExtractionRef("extract-F-7.csv").build())
          .fire(SUBMIT, SUBMITTER, none()).isAccepted()).isTrue();
      assertThat(Flow.mod(linked.toBuilder().fullScopeJustification("only the 3 complainants were hit").build())
          .fire(SUBMIT, SUBMITTER, none()).isAccepted()).isTrue();
    }

    @DisplayName("SM-DATAOP-MOD-T01 only a submitter submits")
    @Test
    void smDataopModT01OnlyASubmitterSubmits() {
      refusedBy(Flow.mod(modification().build()).fire(SUBMIT, CITY, none()), "SM-DATAOP-MOD-T01");
    }

    @Test
    void aRefusalListsEveryFailedGuardSortedAndUnique() {
      DataOp bad = DataOp.builder().opType(OpType.MODIFICATION).ticketKind(TicketKind.REQUIREMENT).build();
      refusedBy(Flow.mod(bad).fire(SUBMIT, CITY, none()), "DATAOP-DEF-05", "DATAOP-MOD-01", "DATAOP-MOD-06",
          "DATAOP-ROLE-01", "SM-DATAOP-MOD-T01");
    }
  }

  @Nested
  class Approvals {
    @DisplayName("DATAOP-MOD-08 branch staff approve and business and technical may be one person")
    @Test
    void dataopMod08BranchStaffApproveAndBusinessAndTechnicalMayBeOnePerson() {
      Actor both = actor("zhou", "运营管理室", ActorKind.CITY_STAFF, Role.BUSINESS_APPROVER,
          Role.DATA_PROCESSOR_CITY);
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, both)
          .ok(ATTACH_SCRIPT_AND_BACKUP, CITY, script()).ok(APPROVE_TECHNICAL, both);
      assertThat(f.ticket.record().businessApproverId()).isEqualTo(f.ticket.record().techApproverId());
    }

    @DisplayName("DATAOP-MOD-08 refuses a provincial business approver")
    @Test
    void dataopMod08RefusesAProvincialBusinessApprover() {
      Actor province = actor("prov", "省业支", ActorKind.EXTERNAL, Role.BUSINESS_APPROVER);
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER);
      refusedBy(f.fire(APPROVE_BUSINESS, province, none()), "DATAOP-MOD-08");
    }

    @DisplayName("DATAOP-MOD-03 the script and the backup must both be on the ticket")
    @Test
    void dataopMod03TheScriptAndTheBackupMustBothBeOnTheTicket() {
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS);
      Outcome<DataOpTicket> o = f.fire(ATTACH_SCRIPT_AND_BACKUP, CITY, data().scriptRef("s.sql").build());
      refusedBy(o, "DATAOP-MOD-03");
      assertThat(o.violations().get(0).field()).contains("backupRef");
      refusedBy(f.fire(ATTACH_SCRIPT_AND_BACKUP, CITY, data().backupRef("b").build()), "DATAOP-MOD-03");
      assertThat(f.fire(ATTACH_SCRIPT_AND_BACKUP, CITY, script()).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-11 insert only scripts may skip the backup only when the host allows it")
    @Test
    void dataopMod11InsertOnlyScriptsMaySkipTheBackupOnlyWhenTheHostAllowsIt() {
      DataOp insert = modification().insertOnly(true).build();
      Flow strict = Flow.mod(insert).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS);
      refusedBy(strict.fire(ATTACH_SCRIPT_AND_BACKUP, CITY, data().scriptRef("s.sql").build()), "DATAOP-MOD-03");

      DataOpWorkflow lenient = DataOpWorkflow.modification(
          OpsParameters.builder().allowNoBackupForInsertOnly(true).build());
      Flow f = new Flow(lenient, insert).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, CITY, data().scriptRef("s.sql").build()).ok(APPROVE_TECHNICAL, CITY)
          .ok(EXECUTE, CITY, executed(3));
      assertThat(f.state()).isEqualTo(DataOpState.EXECUTED);
    }

    @DisplayName("DATAOP-MOD-04 a developer never gives technical approval")
    @Test
    void dataopMod04ADeveloperNeverGivesTechnicalApproval() {
      Actor devWithCityRole = actor("dev9", "开发商", ActorKind.DEVELOPER_ONSITE, Role.DATA_PROCESSOR_CITY);
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, devWithCityRole, script());
      refusedBy(f.fire(APPROVE_TECHNICAL, devWithCityRole, none()), "DATAOP-MOD-04", "DATAOP-MOD-08");
      refusedBy(f.fire(APPROVE_TECHNICAL, DEV, none()), "DATAOP-MOD-04", "DATAOP-MOD-08", "SM-DATAOP-MOD-T04");
      assertThat(f.fire(APPROVE_TECHNICAL, CITY, none()).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-18 technical approval may not precede business approval")
    @Test
    void dataopMod18TechnicalApprovalMayNotPrecedeBusinessApproval() {
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, CITY, script());
      Instant businessAt = f.ticket.record().businessApprovedAt().orElseThrow();
      refusedBy(f.fireAt(APPROVE_TECHNICAL, CITY, none(), businessAt.minusSeconds(1)), "DATAOP-MOD-18", "OPS-TIME-01");
      // 「提供修改脚本并且备份数据」 comes before 「审核脚本和备份数据」: the approval follows the script too
      Instant attachedAt = f.ticket.record().scriptAttachedAt().orElseThrow();
      assertThat(attachedAt).isAfter(businessAt);
      refusedBy(f.fireAt(APPROVE_TECHNICAL, CITY, none(), attachedAt.minusSeconds(1)), "OPS-TIME-01");
      assertThat(f.fireAt(APPROVE_TECHNICAL, CITY, none(), attachedAt).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-18 execution may not precede technical approval nor review execution")
    @Test
    void dataopMod18ExecutionMayNotPrecedeTechnicalApprovalNorReviewExecution() {
      Flow f = Flow.mod(modification().build()).toTechApproved();
      Instant tech = f.ticket.record().techApprovedAt().orElseThrow();
      refusedBy(f.fireAt(EXECUTE, CITY, executed(12), tech.minusSeconds(1)), "DATAOP-MOD-18", "OPS-TIME-01");
      assertThat(f.fireAt(EXECUTE, CITY, executed(12), tech.plusSeconds(1)).isAccepted()).isTrue();
      Instant exec = f.ticket.record().executedAt().orElseThrow();
      refusedBy(f.fireAt(PASS_REVIEW, REVIEWER, review(), exec.minusSeconds(1)), "DATAOP-MOD-18", "OPS-TIME-01");
      assertThat(f.fireAt(PASS_REVIEW, REVIEWER, review(), exec).isAccepted()).isTrue();
    }
  }

  @Nested
  class Execution {
    @DisplayName("DATAOP-MOD-11 the backup must be taken strictly before execution")
    @Test
    void dataopMod11TheBackupMustBeTakenStrictlyBeforeExecution() {
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS);
      Instant later = T0.plus(Duration.ofHours(5));
      f.ok(ATTACH_SCRIPT_AND_BACKUP, CITY, data().scriptRef("s").backupRef("b").backupTakenAt(later).build())
          .ok(APPROVE_TECHNICAL, CITY);
      refusedBy(f.fireAt(EXECUTE, CITY, executed(12), later), "DATAOP-MOD-11");
      assertThat(f.fireAt(EXECUTE, CITY, executed(12), later.plusSeconds(1)).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-10 a developer may not execute without the impact consent step")
    @Test
    void dataopMod10ADeveloperMayNotExecuteWithoutTheImpactConsentStep() {
      Actor devWithCityRole = actor("dev9", "开发商", ActorKind.DEVELOPER_ONSITE, Role.DATA_PROCESSOR_CITY);
      Flow f = Flow.mod(modification().build()).toTechApproved();
      refusedBy(f.fire(EXECUTE, devWithCityRole, executed(12)), "DATAOP-MOD-10");
      refusedBy(f.fire(EXECUTE, DEV, executed(12)), "DATAOP-MOD-10", "SM-DATAOP-MOD-T07");
    }

    @DisplayName("DATAOP-MOD-10 the assigned developer states the impact and only the submitter consents after it")
    @Test
    void dataopMod10TheAssignedDeveloperStatesTheImpactAndOnlyTheSubmitterConsentsAfterIt() {
      Flow f = Flow.mod(modification().build()).toTechApproved().ok(ASSIGN_TO_DEVELOPER, CITY,
          developerAssignment());
      refusedBy(f.fire(CONSENT, SUBMITTER, none()), "DATAOP-MOD-10");
      refusedBy(f.fire(REPLY_IMPACT, DEV, none()), "DATAOP-MOD-10");
      Actor otherDev = actor("dev3", "开发商", ActorKind.DEVELOPER_ONSITE, Role.DATA_PROCESSOR_DEV);
      refusedBy(f.fire(REPLY_IMPACT, otherDev, data().impactReply("无影响").build()), "DATAOP-MOD-10");
      f.ok(REPLY_IMPACT, DEV, data().impactReply("业务无影响,帐务无影响,报表无影响").build());
      Actor otherSubmitter = actor("sun", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER);
      refusedBy(f.fire(CONSENT, otherSubmitter, none()), "DATAOP-MOD-10");
      Instant reply = f.ticket.record().developerImpactReplyAt().orElseThrow();
      refusedBy(f.fireAt(CONSENT, SUBMITTER, none(), reply.minusSeconds(1)), "DATAOP-MOD-10", "OPS-TIME-01");
      assertThat(f.fireAt(CONSENT, SUBMITTER, none(), reply).isAccepted()).isTrue();
      refusedBy(f.fireAt(EXECUTE, DEV, executed(12), reply.minusSeconds(1)), "DATAOP-MOD-10", "DATAOP-MOD-13", "OPS-TIME-01");
    }

    @DisplayName("DATAOP-MOD-10 a reassignment after rework needs a fresh impact statement and consent")
    @Test
    void dataopMod10AReassignmentAfterReworkNeedsAFreshImpactStatementAndConsent() {
      Flow f = Flow.mod(modification().build()).toReadyForDeveloper(developerAssignment())
          .ok(EXECUTE, DEV, executed(12)).ok(FAIL_REVIEW, REVIEWER)
          .ok(RESUBMIT_SCRIPT, DEV, data().scriptRef("v2").backupRef("b2")
              .addAttachments(Attachment.SCRIPT, Attachment.BACKUP).build())
          .ok(APPROVE_TECHNICAL, CITY).ok(ASSIGN_TO_DEVELOPER, CITY, developerAssignment());
      assertThat(f.ticket.record().developerImpactReplyAt()).isEmpty();
      refusedBy(f.fire(CONSENT, SUBMITTER, none()), "DATAOP-MOD-10");
    }

    @DisplayName("SM-DATAOP-MOD-T07 only the assigned developer executes")
    @Test
    void smDataopModT07OnlyTheAssignedDeveloperExecutes() {
      Flow f = Flow.mod(modification().build()).toReadyForDeveloper(developerAssignment());
      Actor otherDev = actor("dev3", "开发商", ActorKind.DEVELOPER_ONSITE, Role.DATA_PROCESSOR_DEV);
      refusedBy(f.fire(EXECUTE, otherDev, executed(12)), "SM-DATAOP-MOD-T07");
      assertThat(f.fire(EXECUTE, DEV, executed(12)).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-13 a developer executes only with script and backup attached")
    @Test
    void dataopMod13ADeveloperExecutesOnlyWithScriptAndBackupAttached() {
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, DEV, data().scriptRef("s").backupRef("b")
              .addAttachments(Attachment.SCRIPT).build())
          .ok(APPROVE_TECHNICAL, CITY).ok(ASSIGN_TO_DEVELOPER, CITY, developerAssignment())
          .ok(REPLY_IMPACT, DEV, data().impactReply("无影响").build()).ok(CONSENT, SUBMITTER);
      Outcome<DataOpTicket> o = f.fire(EXECUTE, DEV, executed(12));
      refusedBy(o, "DATAOP-MOD-13");
      assertThat(o.violations().get(0).message()).contains("[BACKUP]");
    }

    @DisplayName("DATAOP-MOD-13 the city processor needs no attachments")
    @Test
    void dataopMod13TheCityProcessorNeedsNoAttachments() {
      assertThat(Flow.mod(modification().build()).toTechApproved().fire(EXECUTE, CITY, executed(12)).isAccepted())
          .isTrue();
    }
  }

  @Nested
  class Review {
    /** A city processor who is also a reviewer. */
    private final Actor cityReviewer = actor("li", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_PROCESSOR_CITY,
        Role.DATA_REVIEWER);

    @DisplayName("DATAOP-MOD-15 the reviewer verifies script and result")
    @Test
    void dataopMod15TheReviewerVerifiesScriptAndResult() {
      Flow f = Flow.mod(modification().build()).toTechApproved().ok(EXECUTE, CITY, executed(12));
      Outcome<DataOpTicket> o = f.fire(PASS_REVIEW, REVIEWER, data().scriptVerified(true).build());
      refusedBy(o, "DATAOP-MOD-15");
      assertThat(o.violations().get(0).message()).contains("the result");
      assertThat(f.fire(PASS_REVIEW, REVIEWER, review()).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-15 the refusal names what the review left unverified, in order")
    @Test
    void dataopMod15TheRefusalNamesWhatTheReviewLeftUnverified() {
      Flow f = Flow.mod(modification().build()).toTechApproved().ok(EXECUTE, CITY, executed(12));
      f.reviewRefusedNaming("the reviewer must verify the script and the result",
          data().resultVerified(true).build(), "the reviewer must verify the script");
      // each refusal names the field the review got wrong, not one fixed field of the rule
      assertThat(f.fire(PASS_REVIEW, REVIEWER, data().resultVerified(true).build()).violations())
          .singleElement().satisfies(v -> assertThat(v.field()).contains("scriptVerified"));
      assertThat(f.fire(PASS_REVIEW, REVIEWER, data().scriptVerified(true).build()).violations())
          .singleElement().satisfies(v -> assertThat(v.field()).contains("resultVerified"));
      Flow batch = Flow.mod(modification().recordCount(1500).build()).toTechApproved()
          .ok(EXECUTE, CITY, executed(1500));
      assertThat(batch.fire(PASS_REVIEW, REVIEWER, data().scriptVerified(true).resultVerified(true).build())
          .violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).contains("sampledNumbers");
            assertThat(v.message()).contains("sample at least 3");
          });
    }

    @DisplayName("DATAOP-MOD-15 a batch review samples at least three distinct numbers boundary")
    @Test
    void dataopMod15ABatchReviewSamplesAtLeastThreeDistinctNumbersBoundary() {
      Flow base = Flow.mod(modification().recordCount(1500).build()).toTechApproved()
          .ok(EXECUTE, CITY, executed(1500));
      DataOpEventData two = data().scriptVerified(true).resultVerified(true)
          .addSampledNumbers(Sample.of("13800138000"), Sample.of("13900139000")).build();
      refusedBy(base.fire(PASS_REVIEW, REVIEWER, two), "DATAOP-MOD-15");
      DataOpEventData duplicate = data().scriptVerified(true).resultVerified(true)
          .addSampledNumbers(Sample.of("13800138000"), Sample.of("13900139000"), Sample.of("13800138000")).build();
      refusedBy(base.fire(PASS_REVIEW, REVIEWER, duplicate), "DATAOP-MOD-15");
      DataOpEventData four = data().scriptVerified(true).resultVerified(true)
          .addSampledNumbers(Sample.of("13800138000"), Sample.of("13900139000"), Sample.of("13700137001"),
              Sample.of("13600136002")).build();
      assertThat(base.fire(PASS_REVIEW, REVIEWER, four).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-15 three samples suffice and a failing sample refuses")
    @Test
    void dataopMod15ThreeSamplesSufficeAndAFailingSampleRefuses() {
      Flow f = Flow.mod(modification().recordCount(1500).build()).toTechApproved()
          .ok(EXECUTE, CITY, executed(1500));
      DataOpEventData failing = data().scriptVerified(true).resultVerified(true)
          .addSampledNumbers(Sample.of("13800138000"), Sample.of("13900139000"), Sample.of("13700137001", false))
          .build();
      refusedBy(f.fire(PASS_REVIEW, REVIEWER, failing), "DATAOP-MOD-15");
      assertThat(f.fire(PASS_REVIEW, REVIEWER, batchReview()).isAccepted()).isTrue();
      assertThat(f.ticket.record().reviewSampledNumbers()).extracting(Sample::maskedNumber)
          .containsExactly("138****8000", "139****9000", "137****7001");
    }

    @DisplayName("DATAOP-MOD-14 a single change may be reviewed by its processor")
    @Test
    void dataopMod14ASingleChangeMayBeReviewedByItsProcessor() {
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, cityReviewer, script()).ok(APPROVE_TECHNICAL, cityReviewer)
          .ok(EXECUTE, cityReviewer, executed(12));
      assertThat(f.fire(PASS_REVIEW, cityReviewer, review()).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-14 a batch change is never reviewed by any of its processors")
    @Test
    void dataopMod14ABatchChangeIsNeverReviewedByAnyOfItsProcessors() {
      Flow f = Flow.mod(modification().recordCount(2000).build()).ok(SUBMIT, SUBMITTER)
          .ok(APPROVE_BUSINESS, BUSINESS).ok(ATTACH_SCRIPT_AND_BACKUP, cityReviewer, script())
          .ok(APPROVE_TECHNICAL, CITY2).ok(EXECUTE, CITY2, executed(2000));
      refusedBy(f.fire(PASS_REVIEW, cityReviewer, batchReview()), "DATAOP-MOD-14");
      assertThat(f.fire(PASS_REVIEW, REVIEWER, batchReview()).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-14 an important change needs an independent reviewer too")
    @Test
    void dataopMod14AnImportantChangeNeedsAnIndependentReviewerToo() {
      Flow f = Flow.mod(modification().isImportant(true).build()).ok(SUBMIT, SUBMITTER)
          .ok(APPROVE_BUSINESS, BUSINESS).ok(ATTACH_SCRIPT_AND_BACKUP, cityReviewer, script())
          .ok(APPROVE_TECHNICAL, cityReviewer).ok(EXECUTE, cityReviewer, executed(12));
      refusedBy(f.fire(PASS_REVIEW, cityReviewer, review()), "DATAOP-MOD-14");
    }

    @DisplayName("DATAOP-MOD-14 when the actual count turns a single change into a batch")
    @Test
    void dataopMod14WhenTheActualCountTurnsASingleChangeIntoABatch() {
      Flow f = Flow.mod(modification().recordCount(999).build()).ok(SUBMIT, SUBMITTER)
          .ok(APPROVE_BUSINESS, BUSINESS).ok(ATTACH_SCRIPT_AND_BACKUP, cityReviewer, script())
          .ok(APPROVE_TECHNICAL, cityReviewer);
      Outcome<DataOpTicket> exec = f.fire(EXECUTE, cityReviewer, executed(1000));
      assertThat(exec.audit().orElseThrow().details()).containsEntry("batch", "true")
          .containsEntry("batchCriteria", "RECORD_COUNT");
      assertThat(exec.audit().orElseThrow().ruleIds()).contains(Batch.DEF_02);
      refusedBy(f.fire(PASS_REVIEW, cityReviewer, batchReview()), "DATAOP-MOD-14");
      refusedBy(f.fire(PASS_REVIEW, REVIEWER, review()), "DATAOP-MOD-15");
    }

    @DisplayName("DATAOP-MOD-12 an initiator who executed may not accept their own change")
    @Test
    void dataopMod12AnInitiatorWhoExecutedMayNotAcceptTheirOwnChange() {
      Actor initiator = actor("zhang", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER,
          Role.DATA_PROCESSOR_CITY, Role.DATA_REVIEWER);
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, initiator).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, CITY, script()).ok(APPROVE_TECHNICAL, CITY)
          .ok(EXECUTE, initiator, executed(12));
      refusedBy(f.fire(PASS_REVIEW, initiator, review()), "DATAOP-MOD-12");
      assertThat(f.fire(PASS_REVIEW, REVIEWER, review()).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-MOD-12 an initiator who executed may not confirm their own change for the business either")
    @Test
    void dataopMod12AnInitiatorWhoExecutedMayNotConfirmTheirOwnChangeForTheBusinessEither() {
      Actor initiator = actor("zhang", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER,
          Role.DATA_PROCESSOR_CITY, Role.REQUESTER);
      Actor otherStaff = actor("sun", "市场部", ActorKind.CITY_STAFF, Role.REQUESTER);
      Actor outsider = actor("ext", "代理商", ActorKind.EXTERNAL, Role.REQUESTER);
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, initiator).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, CITY, script()).ok(APPROVE_TECHNICAL, CITY)
          .ok(EXECUTE, initiator, executed(12)).ok(PASS_REVIEW, REVIEWER, review())
          .ok(NOTIFY_REQUESTER, REVIEWER, data().channel(NotifyChannel.PHONE).build());
      Outcome<DataOpTicket> self = f.fire(CONFIRM_BUSINESS, initiator, none());
      refusedBy(self, "DATAOP-MOD-12");
      assertThat(self.violations().get(0).message()).contains("自行验收");
      refusedBy(f.fire(CONFIRM_BUSINESS, outsider, none()), "DATAOP-MOD-12");
      assertThat(f.fire(CONFIRM_BUSINESS, otherStaff, none()).isAccepted()).isTrue();
      assertThat(f.ticket.record().businessConfirmedBy()).contains("sun");
    }

    @DisplayName("DATAOP-MOD-12 an initiator who did not execute confirms the result as the requester")
    @Test
    void dataopMod12AnInitiatorWhoDidNotExecuteConfirmsTheResultAsTheRequester() {
      Actor initiator = actor("zhang", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER, Role.REQUESTER);
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, initiator).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, CITY, script()).ok(APPROVE_TECHNICAL, CITY)
          .ok(EXECUTE, CITY, executed(12)).ok(PASS_REVIEW, REVIEWER, review())
          .ok(NOTIFY_REQUESTER, REVIEWER, data().channel(NotifyChannel.PHONE).build());
      assertThat(f.fire(CONFIRM_BUSINESS, initiator, none()).isAccepted()).isTrue();
      assertThat(f.state()).isEqualTo(DataOpState.CLOSED);
    }

    @DisplayName("DATAOP-MOD-12 an initiator who did not execute may review a single change")
    @Test
    void dataopMod12AnInitiatorWhoDidNotExecuteMayReviewASingleChange() {
      Actor initiator = actor("zhang", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER, Role.DATA_REVIEWER);
      Flow f = Flow.mod(modification().build()).ok(SUBMIT, initiator).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, CITY, script()).ok(APPROVE_TECHNICAL, CITY).ok(EXECUTE, CITY, executed(12));
      assertThat(f.fire(PASS_REVIEW, initiator, review()).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-ROLE-03 a developer never reviews")
    @Test
    void dataopRole03ADeveloperNeverReviews() {
      Actor devReviewer = actor("dev5", "开发商", ActorKind.DEVELOPER_ONSITE, Role.DATA_REVIEWER);
      Flow f = Flow.mod(modification().build()).toTechApproved().ok(EXECUTE, CITY, executed(12));
      refusedBy(f.fire(PASS_REVIEW, devReviewer, review()), "DATAOP-ROLE-03");
      assertThat(f.fire(PASS_REVIEW, REVIEWER, review()).isAccepted()).isTrue();
    }
  }

  @Nested
  class SensitiveData {
    private DataOp sensitive() {
      return modification().involvesLevel1Sensitive(true).build();
    }

    private Flow scripted(DataOp op) {
      return Flow.mod(op).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, CITY, script());
    }

    @DisplayName("DATAOP-SENS-01 non routine sensitive work needs the superiors approved form")
    @Test
    void dataopSens01NonRoutineSensitiveWorkNeedsTheSuperiorsApprovedForm() {
      Flow f = scripted(sensitive());
      refusedBy(f.fire(APPROVE_TECHNICAL, CITY, none()), "DATAOP-SENS-01");
      refusedBy(f.fire(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(MANAGER).build()),
          "DATAOP-SENS-01");
      Outcome<DataOpTicket> ok = f.fire(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(SUPERIOR)
          .build());
      assertThat(ok.isAccepted()).isTrue();
      assertThat(ok.instance().record().sensitiveAccessForm().orElseThrow().approver().id()).isEqualTo("boss");
    }

    @DisplayName("DATAOP-SENS-01 the initiator may not approve their own form nor after the fact")
    @Test
    void dataopSens01TheInitiatorMayNotApproveTheirOwnFormNorAfterTheFact() {
      Actor initiatorSuperior = actor("zhang", "运营管理室", ActorKind.CITY_STAFF, Role.SUPERIOR_SUPERVISOR);
      Flow f = scripted(sensitive());
      refusedBy(f.fire(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(initiatorSuperior).build()),
          "DATAOP-SENS-01");
      refusedBy(f.fire(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(SUPERIOR)
          .sensitiveAccessFormApprovedAt(T0.plus(Duration.ofDays(1))).build()), "DATAOP-SENS-01");
    }

    @DisplayName("DATAOP-SENS-01 routine sensitive work needs no access form")
    @Test
    void dataopSens01RoutineSensitiveWorkNeedsNoAccessForm() {
      assertThat(scripted(modification().involvesLevel1Sensitive(true).routineOperation(true).build())
          .fire(APPROVE_TECHNICAL, CITY, none()).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-SENS-03 sensitive data goes only to on site developers with a city monitor")
    @Test
    void dataopSens03SensitiveDataGoesOnlyToOnSiteDevelopersWithACityMonitor() {
      Flow f = scripted(sensitive()).ok(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(SUPERIOR)
          .build());
      refusedBy(f.fire(ASSIGN_TO_DEVELOPER, CITY, data().developerId("dev2")
          .executorKind(ActorKind.DEVELOPER_REMOTE).cityMonitorId("li").cityMonitorPresentThroughout(true).build()),
          "DATAOP-SENS-03");
      refusedBy(f.fire(ASSIGN_TO_DEVELOPER, CITY, developerAssignment()), "DATAOP-SENS-03");
      assertThat(f.fire(ASSIGN_TO_DEVELOPER, CITY, data().developerId("dev1")
          .executorKind(ActorKind.DEVELOPER_ONSITE).cityMonitorId("li").cityMonitorPresentThroughout(true).build())
          .isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-SENS-03 the developer assigned sensitive data is not its city monitor (市公司人员全程监控)")
    @Test
    void dataopSens03TheDeveloperIsNotHisOwnMonitor() {
      Flow f = scripted(sensitive()).ok(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(SUPERIOR)
          .build());
      refusedBy(f.fire(ASSIGN_TO_DEVELOPER, CITY, data().developerId("dev1")
          .executorKind(ActorKind.DEVELOPER_ONSITE).cityMonitorId("dev1").cityMonitorPresentThroughout(true).build()),
          "DATAOP-SENS-03");
    }

    @DisplayName("DATAOP-SENS-03 a remote developer does not take the backup of level-1 sensitive data")
    @Test
    void dataopSens03ARemoteDeveloperDoesNotTakeTheBackup() {
      Flow f = Flow.mod(sensitive()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS);
      DataOpEventData scriptAndBackup = data().scriptRef("s").backupRef("b")
          .addAttachments(Attachment.SCRIPT, Attachment.BACKUP).build();
      refusedBy(f.fire(ATTACH_SCRIPT_AND_BACKUP, REMOTE_DEV, scriptAndBackup), "DATAOP-SENS-03");
      assertThat(f.fire(ATTACH_SCRIPT_AND_BACKUP, DEV, scriptAndBackup).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-SENS-01 the access form is approved by the company's own superior, not a developer's "
        + "(获得本公司上级主管人员的审批许可)")
    @Test
    void dataopSens01TheFormIsApprovedInsideTheCompany() {
      Actor developersBoss = actor("devboss", "开发商", ActorKind.DEVELOPER_REMOTE, Role.SUPERIOR_SUPERVISOR);
      Flow f = scripted(sensitive());
      refusedBy(f.fire(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(developersBoss).build()),
          "DATAOP-SENS-01");
      assertThat(f.fire(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(SUPERIOR).build())
          .isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-SENS-03 a remote developer who actually executes is refused")
    @Test
    void dataopSens03ARemoteDeveloperWhoActuallyExecutesIsRefused() {
      Flow f = Flow.mod(sensitive()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS)
          .ok(ATTACH_SCRIPT_AND_BACKUP, DEV, data().scriptRef("s").backupRef("b")
              .addAttachments(Attachment.SCRIPT, Attachment.BACKUP).build())
          .ok(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(SUPERIOR).build())
          .ok(ASSIGN_TO_DEVELOPER, CITY, data().developerId("dev2").executorKind(ActorKind.DEVELOPER_ONSITE)
              .cityMonitorId("li").cityMonitorPresentThroughout(true).build())
          .ok(REPLY_IMPACT, REMOTE_DEV, data().impactReply("无").build()).ok(CONSENT, SUBMITTER);
      refusedBy(f.fire(EXECUTE, REMOTE_DEV, executed(12)), "DATAOP-SENS-03");
    }

    @DisplayName("DATAOP-SENS-04 a batch sensitive change needs the room managers form before technical approval")
    @Test
    void dataopSens04ABatchSensitiveChangeNeedsTheRoomManagersFormBeforeTechnicalApproval() {
      DataOp op = modification().involvesLevel1Sensitive(true).routineOperation(true).recordCount(5000).build();
      Flow f = scripted(op);
      refusedBy(f.fire(APPROVE_TECHNICAL, CITY, none()), "DATAOP-SENS-04");
      refusedBy(f.fire(APPROVE_TECHNICAL, CITY, data().batchSensitiveFormApprovedBy(SUPERIOR).build()),
          "DATAOP-SENS-04");
      assertThat(f.fire(APPROVE_TECHNICAL, CITY, data().batchSensitiveFormApprovedBy(MANAGER).build())
          .isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-SENS-01 DATAOP-SENS-04 each refusal of a sensitive-data form says what is wrong with it")
    @Test
    void dataopSens01AndSens04RefusalsSayWhatIsWrongWithTheForm() {
      Flow access = scripted(sensitive());
      Actor initiatorSuperior = actor("zhang", "运营管理室", ActorKind.CITY_STAFF, Role.SUPERIOR_SUPERVISOR);
      assertThat(messages(access.fire(APPROVE_TECHNICAL, CITY, none())))
          .containsExactly("non-routine work on level-1 sensitive data needs an approved 运维访问敏感数据审批表");
      assertThat(messages(access.fire(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(MANAGER).build())))
          .containsExactly("the access form was approved by mgr, who is not a SUPERIOR_SUPERVISOR");
      assertThat(messages(access.fire(APPROVE_TECHNICAL, CITY, data()
          .sensitiveAccessFormApprovedBy(initiatorSuperior).build())))
          .containsExactly("the initiator zhang may not approve their own access form");
      assertThat(messages(access.fire(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(SUPERIOR)
          .sensitiveAccessFormApprovedAt(T0.plus(Duration.ofDays(1))).build())))
          .containsExactly("the access form was approved after the operation");
      Flow batch = scripted(modification().involvesLevel1Sensitive(true).routineOperation(true).recordCount(5000)
          .build());
      assertThat(messages(batch.fire(APPROVE_TECHNICAL, CITY, none()))).containsExactly(
          "a batch change of level-1 sensitive data needs a 批量敏感数据修改审批单 approved by the room manager");
      assertThat(messages(batch.fire(APPROVE_TECHNICAL, CITY, data().batchSensitiveFormApprovedBy(SUPERIOR).build())))
          .containsExactly("the batch form was approved by boss, who is not the ROOM_MANAGER");
      assertThat(messages(batch.fire(APPROVE_TECHNICAL, CITY, data().batchSensitiveFormApprovedBy(MANAGER)
          .batchSensitiveFormApprovedAt(T0.plus(Duration.ofDays(1))).build())))
          .containsExactly("the batch form was approved after the operation");
    }

    private static List<String> messages(Outcome<DataOpTicket> o) {
      return o.violations().stream().map(Violation::message).toList();
    }

    @DisplayName("DATAOP-SENS-04 when the actual count turns a sensitive single change into a batch")
    @Test
    void dataopSens04WhenTheActualCountTurnsASensitiveSingleChangeIntoABatch() {
      DataOp op = modification().involvesLevel1Sensitive(true).routineOperation(true).recordCount(999).build();
      Flow f = scripted(op).ok(APPROVE_TECHNICAL, CITY);
      refusedBy(f.fire(EXECUTE, CITY, executed(1000)), "DATAOP-SENS-04");
      assertThat(f.fire(EXECUTE, CITY, executed(999)).isAccepted()).isTrue();
    }

    @DisplayName("DATAOP-SENS-04 the form may come with the execution when the count crosses")
    @Test
    void dataopSens04TheFormMayComeWithTheExecutionWhenTheCountCrosses() {
      DataOp op = modification().involvesLevel1Sensitive(true).routineOperation(true).recordCount(999).build();
      Flow f = scripted(op).ok(APPROVE_TECHNICAL, CITY);
      assertThat(f.fire(EXECUTE, CITY, data().actualRecordCount(1001).batchSensitiveFormApprovedBy(MANAGER).build())
          .isAccepted()).isTrue();
      assertThat(f.ticket.record().batchSensitiveForm()).isPresent();
    }
  }

  @Nested
  class BadInput {
    @Test
    void anEventOfTheOtherMachineIsInvalidInputAndChangesNothing() {
      DataOpTicket t = DataOpTicket.draft("X", modification().build());
      assertThatThrownBy(() -> MOD.apply(t, RUN, CITY, none(), T0)).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("event"));
    }

    @Test
    void executeWithoutTheActualCountIsInvalidInputNamingTheFieldAndRule() {
      Flow f = Flow.mod(modification().build()).toTechApproved();
      DataOpTicket before = f.ticket;
      assertThatThrownBy(() -> f.fire(EXECUTE, CITY, none())).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> {
            InvalidInputException x = (InvalidInputException) e;
            assertThat(x.field()).isEqualTo("data.actualRecordCount");
            assertThat(x.ruleId()).contains(Batch.DEF_02);
          });
      assertThat(f.ticket).isSameAs(before);
    }

    @Test
    void aFieldTheEventDoesNotRecordIsInvalidInput() {
      Flow f = Flow.mod(modification().build());
      assertThatThrownBy(() -> f.fire(SUBMIT, SUBMITTER, data().scriptRef("x").build()))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("data.scriptRef");
    }

    @Test
    void assigningToANonDeveloperIsInvalidInput() {
      Flow f = Flow.mod(modification().build()).toTechApproved();
      assertThatThrownBy(() -> f.fire(ASSIGN_TO_DEVELOPER, CITY, data().developerId("li")
          .executorKind(ActorKind.CITY_STAFF).build())).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("data.executorKind");
      assertThatThrownBy(() -> f.fire(ASSIGN_TO_DEVELOPER, CITY, data().executorKind(ActorKind.DEVELOPER_ONSITE)
          .build())).isInstanceOf(InvalidInputException.class).hasMessageContaining("data.developerId");
    }

    @Test
    void negativeCountsAreInvalidInputNamingTheField() {
      assertThatThrownBy(() -> modification().recordCount(-1).build()).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("recordCount");
      assertThatThrownBy(() -> data().actualRecordCount(-5).build()).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("actualRecordCount");
      assertThatThrownBy(() -> modification().financialAmountDifferenceYuan(BigDecimal.valueOf(-1)).build())
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("financialAmountDifferenceYuan");
    }

    @Test
    void aQueryWithoutExportHasNoWorkflowDataopDef04() {
      assertThatThrownBy(() -> DataOpWorkflow.of(OpType.QUERY_ONLY, Fixtures.P, org.opsbook.core.time.StandardWorkCalendar.weekdays()))
          .isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).ruleId()).contains(id("DATAOP-DEF-04")));
    }
  }
}
