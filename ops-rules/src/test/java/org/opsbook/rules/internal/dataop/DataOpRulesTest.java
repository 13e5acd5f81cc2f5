package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_TECHNICAL;
import static org.opsbook.rules.dataop.DataOpEvent.ASSESS;
import static org.opsbook.rules.dataop.DataOpEvent.ASSIGN_TO_DEVELOPER;
import static org.opsbook.rules.dataop.DataOpEvent.ATTACH_SCRIPT;
import static org.opsbook.rules.dataop.DataOpEvent.ATTACH_SCRIPT_AND_BACKUP;
import static org.opsbook.rules.dataop.DataOpEvent.CONFIRM_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.CONSENT;
import static org.opsbook.rules.dataop.DataOpEvent.DELIVER;
import static org.opsbook.rules.dataop.DataOpEvent.EXECUTE;
import static org.opsbook.rules.dataop.DataOpEvent.FAIL_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.NOTIFY_REQUESTER;
import static org.opsbook.rules.dataop.DataOpEvent.PASS_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.REPLY_IMPACT;
import static org.opsbook.rules.dataop.DataOpEvent.RESUBMIT_SCRIPT;
import static org.opsbook.rules.dataop.DataOpEvent.RUN;
import static org.opsbook.rules.dataop.DataOpEvent.SUBMIT;
import static org.opsbook.rules.internal.dataop.Fixtures.ANALYST;
import static org.opsbook.rules.internal.dataop.Fixtures.BUSINESS;
import static org.opsbook.rules.internal.dataop.Fixtures.CITY;
import static org.opsbook.rules.internal.dataop.Fixtures.DEV;
import static org.opsbook.rules.internal.dataop.Fixtures.EXT;
import static org.opsbook.rules.internal.dataop.Fixtures.MOD;
import static org.opsbook.rules.internal.dataop.Fixtures.P;
import static org.opsbook.rules.internal.dataop.Fixtures.REQUESTER;
import static org.opsbook.rules.internal.dataop.Fixtures.REVIEWER;
import static org.opsbook.rules.internal.dataop.Fixtures.SUBMITTER;
import static org.opsbook.rules.internal.dataop.Fixtures.actor;
import static org.opsbook.rules.internal.dataop.Fixtures.data;
import static org.opsbook.rules.internal.dataop.Fixtures.developerAssignment;
import static org.opsbook.rules.internal.dataop.Fixtures.executed;
import static org.opsbook.rules.internal.dataop.Fixtures.extraction;
import static org.opsbook.rules.internal.dataop.Fixtures.modification;
import static org.opsbook.rules.internal.dataop.Fixtures.none;
import static org.opsbook.rules.internal.dataop.Fixtures.review;
import static org.opsbook.rules.internal.dataop.Fixtures.script;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.dataop.Fixtures.Flow;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.Sample;

/**
 * The definitions, roles, duties and advice of manual §2.4 that the guard tests do not reach, and every transition of
 * SM-DATAOP-MOD and SM-DATAOP-EXT named by its ID.
 */
class DataOpRulesTest {
  private static final Actor OUTSIDER = actor("ext1", "外包", ActorKind.EXTERNAL, Role.DATA_PROCESSOR_CITY,
      Role.DATA_PROCESSOR_DEV);

  private static void refusedBy(Outcome<DataOpTicket> o, String... rules) {
    assertThat(o.isAccepted()).as("refused").isFalse();
    assertThat(o.violatedRules()).extracting(RuleId::value).containsExactly(rules);
  }

  private static List<String> audited(Outcome<DataOpTicket> o) {
    return o.audit().orElseThrow().ruleIds().stream().map(RuleId::value).toList();
  }

  private static Flow extracted() {
    return Flow.ext(extraction().build()).toScriptApproved()
        .ok(RUN, CITY, data().actualRowCount(1800).actualExecutionMinutes(2).build());
  }

  private static DataOpEventData checked() {
    return data().logicVerified(true).countVerified(true).addSampledNumbers(Sample.of("13800138000"),
        Sample.of("13900139000"), Sample.of("13700137000")).build();
  }

  @DisplayName("DATAOP-DEF-01 DATAOP-MOD-02 a modification is a back-end change raised by its submitter")
  @Test
  void dataopDef01DataopMod02AModificationIsABackEndChangeRaisedByItsSubmitter() {
    assertThat(DataOpWorkflow.of(OpType.MODIFICATION, P, StandardWorkCalendar.weekdays()).machine())
        .isEqualTo("SM-DATAOP-MOD");
    assertThatThrownBy(() -> EXT.apply(DataOpTicket.draft("x", modification().build()), SUBMIT, SUBMITTER, none(),
        Fixtures.T0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("opType");
    Flow f = Flow.mod(modification().build());
    Outcome<DataOpTicket> o = f.fire(SUBMIT, SUBMITTER, none());
    assertThat(audited(o)).contains("DATAOP-DEF-01", "DATAOP-MOD-02").doesNotContain("DATAOP-DEF-03");
    assertThat(f.ticket.record().submitterId()).contains("zhang");
  }

  @DisplayName("DATAOP-DEF-03 DATAOP-MOD-09 a single-number change keeps its data and script on the ticket")
  @Test
  void dataopDef03DataopMod09ASingleNumberChangeKeepsItsDataAndScriptOnTheTicket() {
    Flow f = Flow.mod(modification().recordCount(3).singleNumber(true).build());
    assertThat(audited(f.fire(SUBMIT, SUBMITTER, none()))).contains("DATAOP-DEF-03");
    f.ok(APPROVE_BUSINESS, BUSINESS);
    refusedBy(f.fire(ATTACH_SCRIPT_AND_BACKUP, CITY, script()), "DATAOP-MOD-09");
    assertThat(f.fire(ATTACH_SCRIPT_AND_BACKUP, CITY, data().scriptRef("s").backupRef("b")
        .inlineOriginalDataAndScript(true).build()).isAccepted()).isTrue();
    Flow batch = Flow.mod(modification().recordCount(1200).singleNumber(true).build());
    assertThat(audited(batch.fire(SUBMIT, SUBMITTER, none()))).doesNotContain("DATAOP-DEF-03");
    batch.ok(APPROVE_BUSINESS, BUSINESS).ok(ATTACH_SCRIPT_AND_BACKUP, CITY, script());
  }

  @DisplayName("DATAOP-SENS-02 a change of level-1 sensitive data is judged by that definition")
  @Test
  void dataopSens02AChangeOfLevel1SensitiveDataIsJudgedByThatDefinition() {
    assertThat(audited(Flow.mod(modification().involvesLevel1Sensitive(true).routineOperation(true).build())
        .fire(SUBMIT, SUBMITTER, none()))).contains("DATAOP-SENS-02");
    assertThat(audited(Flow.mod(modification().build()).fire(SUBMIT, SUBMITTER, none())))
        .doesNotContain("DATAOP-SENS-02");
    assertThat(Flow.mod(modification().involvesLevel1Sensitive(true).build()).ticket.op().important()).isTrue();
  }

  @DisplayName("DATAOP-ROLE-02 the processor is a developer or branch staff")
  @Test
  void dataopRole02TheProcessorIsADeveloperOrBranchStaff() {
    Flow m = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS);
    refusedBy(m.fire(ATTACH_SCRIPT_AND_BACKUP, OUTSIDER, script()), "DATAOP-ROLE-02");
    assertThat(m.fire(ATTACH_SCRIPT_AND_BACKUP, DEV, script()).isAccepted()).isTrue();
    Flow e = Flow.ext(extraction().build()).ok(SUBMIT, ANALYST);
    refusedBy(e.fire(ASSESS, OUTSIDER, data().estimatedEffort("1h").build()), "DATAOP-ROLE-02");
    e.ok(ASSESS, CITY, data().estimatedEffort("1h").build());
    refusedBy(e.fire(ATTACH_SCRIPT, OUTSIDER, data().scriptRef("x").build()), "DATAOP-ROLE-02");
  }

  @DisplayName("DATAOP-MOD-05 after the review the requester is told and then confirms")
  @Test
  void dataopMod05AfterTheReviewTheRequesterIsToldAndThenConfirms() {
    Flow f = Flow.mod(modification().build()).toTechApproved().ok(EXECUTE, CITY, executed(12))
        .ok(PASS_REVIEW, REVIEWER, review());
    List<Obligation> duties = MOD.duties(f.ticket);
    assertThat(duties).singleElement().satisfies(d -> {
      assertThat(d.ruleId().value()).isEqualTo("DATAOP-MOD-05");
      assertThat(d.actor()).isEqualTo(Role.DATA_REVIEWER);
      assertThat(d.target()).isEqualTo("REQUESTER");
      assertThat(d.isTimely()).isTrue();
      assertThat(d.triggeredAt()).isEqualTo(f.ticket.record().reviewedAt());
    });
    refusedBy(f.fire(NOTIFY_REQUESTER, REVIEWER, none()), "DATAOP-MOD-05");
    f.requesterToldThenConfirms(REVIEWER, NotifyChannel.SMS, REQUESTER);
  }

  @DisplayName("DATAOP-EXT-11 after the review and delivery the requester is asked to confirm")
  @Test
  void dataopExt11AfterTheReviewAndDeliveryTheRequesterIsAskedToConfirm() {
    Flow s = Flow.ext(extraction().build()).ok(SUBMIT, ANALYST);
    assertThat(EXT.duties(s.ticket)).extracting(d -> d.ruleId().value()).containsExactly("DATAOP-EXT-08");
    Flow f = extracted().ok(PASS_REVIEW, REVIEWER, checked()).ok(DELIVER, CITY, data().deliveredTo("数据分析室")
        .build());
    assertThat(EXT.duties(f.ticket)).singleElement().satisfies(d -> {
      assertThat(d.ruleId().value()).isEqualTo("DATAOP-EXT-11");
      assertThat(d.target()).isEqualTo("数据分析室");
    });
    f.requesterToldThenConfirms(CITY, NotifyChannel.EMAIL, ANALYST);
  }

  @DisplayName("DATAOP-MOD-07 a change of a thousand records or more is advised to go in small repeated steps")
  @Test
  void dataopMod07AChangeOfAThousandRecordsOrMoreIsAdvisedToGoInSmallRepeatedSteps() {
    Flow big = Flow.mod(modification().recordCount(1000).build()).ok(SUBMIT, SUBMITTER);
    assertThat(MOD.advice(big.ticket)).containsOnlyKeys(RuleId.of("DATAOP-MOD-07"));
    assertThat(MOD.advice(big.ticket).get(RuleId.of("DATAOP-MOD-07"))).isEqualTo("尽量采用少量、多次的方法进行数据删除或更改操作");
    assertThat(MOD.advice(Flow.mod(modification().recordCount(999).build()).ticket)).isEmpty();
    assertThat(MOD.advice(Flow.mod(modification().recordCount(5000).insertOnly(true).build()).ticket)).isEmpty();
  }

  @DisplayName("DATAOP-MOD-17 a developer's change that failed its review brings the assessment advice")
  @Test
  void dataopMod17ADevelopersChangeThatFailedItsReviewBringsTheAssessmentAdvice() {
    Flow f = Flow.mod(modification().build()).toReadyForDeveloper(developerAssignment())
        .ok(EXECUTE, DEV, executed(12));
    assertThat(MOD.advice(f.ticket)).isEmpty();
    f.ok(FAIL_REVIEW, REVIEWER, data().findings("套餐结束日期错误").build());
    assertThat(MOD.advice(f.ticket)).containsOnlyKeys(RuleId.of("DATAOP-MOD-17"));
    assertThat(MOD.advice(f.ticket).get(RuleId.of("DATAOP-MOD-17"))).startsWith("如开发商数据修改出错的影响面超过一定范围");
    Flow city = Flow.mod(modification().build()).toTechApproved().ok(EXECUTE, CITY, executed(12))
        .ok(FAIL_REVIEW, REVIEWER, data().findings("x").build());
    assertThat(MOD.advice(city.ticket)).isEmpty();
  }

  @DisplayName("SM-DATAOP-MOD-T03 SM-DATAOP-MOD-T05 SM-DATAOP-MOD-T14 SM-DATAOP-MOD-T06 script, assignment, impact, "
      + "consent")
  @Test
  void smDataopModScriptAssignmentImpactConsent() {
    Flow f = Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS);
    refusedBy(f.fire(ATTACH_SCRIPT_AND_BACKUP, CITY, data().scriptRef("s").build()), "DATAOP-MOD-03");
    f.ok(ATTACH_SCRIPT_AND_BACKUP, CITY, script());
    assertThat(f.state()).as("SM-DATAOP-MOD-T03").isEqualTo(DataOpState.SCRIPT_READY);
    f.ok(APPROVE_TECHNICAL, CITY);
    assertThatThrownBy(() -> f.fire(ASSIGN_TO_DEVELOPER, CITY, none())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("developerId");
    f.ok(ASSIGN_TO_DEVELOPER, CITY, developerAssignment());
    assertThat(f.state()).as("SM-DATAOP-MOD-T05").isEqualTo(DataOpState.DEV_IMPACT_PENDING);
    refusedBy(f.fire(CONSENT, SUBMITTER, none()), "DATAOP-MOD-10");
    f.ok(REPLY_IMPACT, DEV, data().impactReply("无影响").build());
    assertThat(f.ticket.record().developerImpactReplyAt()).as("SM-DATAOP-MOD-T14").isPresent();
    f.ok(CONSENT, SUBMITTER);
    assertThat(f.state()).as("SM-DATAOP-MOD-T06").isEqualTo(DataOpState.READY_TO_EXECUTE);
  }

  @DisplayName("SM-DATAOP-MOD-T09 SM-DATAOP-MOD-T10 SM-DATAOP-MOD-T11 SM-DATAOP-MOD-T12 rework, notice, confirmation")
  @Test
  void smDataopModReworkNoticeConfirmation() {
    Flow f = Flow.mod(modification().build()).toTechApproved().ok(EXECUTE, CITY, executed(12))
        .ok(FAIL_REVIEW, REVIEWER, data().findings("结果不符").build());
    assertThat(f.state()).as("SM-DATAOP-MOD-T09").isEqualTo(DataOpState.REWORK);
    assertThat(f.ticket.record().reworkCount()).isEqualTo(1);
    f.ok(RESUBMIT_SCRIPT, CITY, data().scriptRef("s2").backupRef("b2").build());
    assertThat(f.state()).as("SM-DATAOP-MOD-T10").isEqualTo(DataOpState.SCRIPT_READY);
    assertThat(f.ticket.record().scriptRef()).contains("s2");
    f.ok(APPROVE_TECHNICAL, CITY).ok(EXECUTE, CITY, executed(12)).ok(PASS_REVIEW, REVIEWER, review())
        .ok(NOTIFY_REQUESTER, REVIEWER, data().channel(NotifyChannel.PHONE).build());
    assertThat(f.state()).as("SM-DATAOP-MOD-T11").isEqualTo(DataOpState.AWAITING_BUSINESS_CONFIRMATION);
    refusedBy(f.fire(CONFIRM_BUSINESS, REVIEWER, none()), "SM-DATAOP-MOD-T12");
    f.ok(CONFIRM_BUSINESS, REQUESTER);
    assertThat(f.state()).as("SM-DATAOP-MOD-T12").isEqualTo(DataOpState.CLOSED);
  }

  @DisplayName("SM-DATAOP-EXT-T01 SM-DATAOP-EXT-T02 SM-DATAOP-EXT-T03 SM-DATAOP-EXT-T05 the way to the extraction")
  @Test
  void smDataopExtTheWayToTheExtraction() {
    Flow f = Flow.ext(extraction().build());
    refusedBy(f.fire(SUBMIT, REQUESTER, none()), "DATAOP-EXT-01", "SM-DATAOP-EXT-T01");
    f.ok(SUBMIT, ANALYST);
    assertThat(f.state()).as("SM-DATAOP-EXT-T01").isEqualTo(DataOpState.SUBMITTED);
    refusedBy(f.fire(ASSESS, CITY, none()), "DATAOP-EXT-08");
    f.ok(ASSESS, CITY, data().estimatedEffort("2h").build());
    assertThat(f.state()).as("SM-DATAOP-EXT-T02").isEqualTo(DataOpState.ASSESSED);
    f.ok(ATTACH_SCRIPT, DEV, data().scriptRef("x.sql").estimatedRowCount(3000).build());
    assertThat(f.state()).as("SM-DATAOP-EXT-T03").isEqualTo(DataOpState.SCRIPT_READY);
    assertThat(f.ticket.estimatedRowCount()).isEqualTo(3000);
    f.ok(DataOpEvent.APPROVE_SCRIPT, CITY).ok(RUN, DEV, data().actualRowCount(2900).actualExecutionMinutes(4)
        .build());
    assertThat(f.state()).as("SM-DATAOP-EXT-T05").isEqualTo(DataOpState.EXTRACTED);
    assertThat(f.ticket.record().executorIds()).containsExactly("dev1");
  }

  @DisplayName("SM-DATAOP-EXT-T06 SM-DATAOP-EXT-T08 SM-DATAOP-EXT-T09 SM-DATAOP-EXT-T10 review, delivery, notice, "
      + "confirmation")
  @Test
  void smDataopExtReviewDeliveryNoticeConfirmation() {
    Flow f = extracted();
    refusedBy(f.fire(PASS_REVIEW, CITY, checked()), "DATAOP-EXT-05", "SM-DATAOP-EXT-T06");
    f.ok(PASS_REVIEW, REVIEWER, checked());
    assertThat(f.state()).as("SM-DATAOP-EXT-T06").isEqualTo(DataOpState.REVIEWED);
    refusedBy(f.fire(DELIVER, CITY, data().deliveredTo("市场部").build()), "DATAOP-EXT-02");
    f.ok(DELIVER, CITY, data().deliveredTo("数据分析室").build());
    assertThat(f.state()).as("SM-DATAOP-EXT-T08").isEqualTo(DataOpState.DELIVERED);
    f.ok(NOTIFY_REQUESTER, REVIEWER, data().channel(NotifyChannel.SMS).build());
    assertThat(f.state()).as("SM-DATAOP-EXT-T09").isEqualTo(DataOpState.AWAITING_BUSINESS_REVIEW);
    refusedBy(f.fire(CONFIRM_BUSINESS, REQUESTER, none()), "DATAOP-EXT-01");
    f.ok(CONFIRM_BUSINESS, ANALYST);
    assertThat(f.state()).as("SM-DATAOP-EXT-T10").isEqualTo(DataOpState.CLOSED);
  }
}
