package org.opsbook.notify.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.notify.internal.workflow.Fixture.DESK;
import static org.opsbook.notify.internal.workflow.Fixture.DUTY_A;
import static org.opsbook.notify.internal.workflow.Fixture.DUTY_B;
import static org.opsbook.notify.internal.workflow.Fixture.LEADER;
import static org.opsbook.notify.internal.workflow.Fixture.LEADER_ON_DUTY;
import static org.opsbook.notify.internal.workflow.Fixture.T0;
import static org.opsbook.notify.internal.workflow.Fixture.VILLAGE;
import static org.opsbook.notify.internal.workflow.Fixture.VILLAGE_2;
import static org.opsbook.notify.internal.workflow.Fixture.briefing;
import static org.opsbook.notify.internal.workflow.Fixture.content;
import static org.opsbook.notify.internal.workflow.Fixture.facts;
import static org.opsbook.notify.internal.workflow.Fixture.obligation;
import static org.opsbook.notify.internal.workflow.Fixture.systemFault;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.Outcome.RefusedException;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.internal.MessageRenderer;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.internal.NotifyConfig;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsState;
import org.opsbook.notify.internal.TemplateSet;
import org.opsbook.notify.SmsMessage;

class SmsWorkflowTest {
  private static final SmsKey NOTIFICATION = SmsKey.of("F-1", MessageType.NOTIFICATION, 1);
  private static final Instant SEND = T0.plusSeconds(300);

  private final Fixture f = new Fixture();

  private static RuleId rule(String id) {
    return RuleId.of(id);
  }

  private static void refusedBy(Outcome<SmsMessage> step, String ruleId, String field) {
    assertThat(step.isAccepted()).as("refused").isFalse();
    assertThat(step.violations()).as(step.violations().toString())
        .anySatisfy(v -> {
          assertThat(v.ruleId()).isEqualTo(RuleId.of(ruleId));
          assertThat(v.field()).contains(field);
        });
  }

  private Outcome<SmsMessage> releaseNotification(String text, Briefing b) {
    return f.sms.release(NOTIFICATION, DESK, text, b, systemFault(), SEND);
  }

  @Test
  @DisplayName("NOTIFY-TRIG-05 NOTIFY-TRIG-03: one notification plan per fault whichever rule asks")
  void NOTIFY_TRIG_05_anObligationPlansTheNotificationOncePerFault() {
    SmsMessage m = f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    assertThat(m.key()).isEqualTo(NOTIFICATION);
    assertThat(m.state()).isEqualTo(SmsState.REQUIRED);
    assertThat(m.record().templateId()).isEqualTo(TemplateSet.TPL_02);
    assertThat(m.record().triggerRuleId()).contains(rule("NOTIFY-TRIG-05"));
    assertThat(m.record().dueAt()).contains(T0);
    SmsMessage again = f.sms.plan(obligation("NOTIFY-TRIG-03", "F-1", 1, T0.plusSeconds(60)), systemFault(), T0);
    assertThat(again).as("NOTIFY-TRIG-03 de-duplicates against -02/-05: one plan per fault and type").isEqualTo(m);
    assertThat(f.workflows.list(SmsWorkflow.MACHINE)).hasSize(1);
  }

  @Test
  void NOTIFY_TRIG_04_aBusinessFaultsNotificationUsesTheBusinessTemplate() {
    SmsMessage m = f.sms.plan(obligation("NOTIFY-TRIG-04", "F-2", 1, T0), facts(FaultNature.BUSINESS, false, 0), T0);
    assertThat(m.record().templateId()).isEqualTo(TemplateSet.TPL_01);
    assertThat(m.record().baseClasses()).containsExactly(RecipientClass.C);
  }

  @Test
  @DisplayName("NOTIFY-TRIG-01 NOTIFY-TRIG-02 NOTIFY-TRIG-06 NOTIFY-TRIG-07 NOTIFY-TRIG-08: obligations map to SMS types; the posted notice is not an SMS")
  void NOTIFY_TRIG_02_06_07_08_mapToTheirMessageTypesAndTrig01IsNotAnSms() {
    assertThat(MessageType.askedBy(obligation("NOTIFY-TRIG-02", "F", 1, T0))).contains(MessageType.NOTIFICATION);
    assertThat(MessageType.askedBy(obligation("NOTIFY-TRIG-06", "F", 1, T0))).contains(MessageType.NOTIFICATION);
    assertThat(MessageType.askedBy(obligation("NOTIFY-TRIG-07", "F", 2, T0))).contains(MessageType.FOLLOW_UP);
    assertThat(MessageType.askedBy(obligation("NOTIFY-TRIG-08", "F", 1, T0))).contains(MessageType.RECOVERY);
    Obligation notice = Obligation.builder().ruleId(rule("NOTIFY-TRIG-01")).subjectId("F").actor(
        org.opsbook.core.Role.ESC_DUTY).action("ask 68284 to post the notice").target("DUTY_68284")
        .channel(Channel.NOTICE).dueAt(T0).build();
    assertThat(MessageType.askedBy(notice)).isEmpty();
    assertThatThrownBy(() -> f.sms.plan(notice, systemFault(), T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("obligation.ruleId");
          assertThat(e.ruleId()).contains(rule("NOTIFY-TRIG-01"));
        });
  }

  @Test
  void NOTIFY_TRIG_07_followUpsTakeTheObligationsSequenceAndDueTime() {
    Instant due = Instant.parse("2026-11-25T10:00:00Z");
    SmsMessage m = f.sms.plan(obligation("NOTIFY-TRIG-07", "F-1", 2, due), systemFault(), T0);
    assertThat(m.key()).isEqualTo(SmsKey.of("F-1", MessageType.FOLLOW_UP, 2));
    assertThat(m.record().templateId()).isEqualTo(TemplateSet.TPL_03);
    assertThat(m.record().dueAt()).contains(due);
  }

  @Test
  void planningAFaultWithoutNatureIsInvalidInput() {
    assertThatThrownBy(() -> f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0),
        org.opsbook.core.FaultFacts.empty(), T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("facts.nature"));
    assertThat(f.workflows.list(SmsWorkflow.MACHINE)).isEmpty();
  }

  @Test
  @DisplayName("NOTIFY-TRIG-08 NOTIFY-TRIG-07 SM-SMS-T06: the recovery supersedes every follow-up not yet sent")
  void NOTIFY_TRIG_08_theRecoverySupersedesEveryFollowUpNotYetSent() {
    SmsKey sent = f.approved(SmsKey.of("F-1", MessageType.FOLLOW_UP, 1), DUTY_A, LEADER);
    f.sms.release(sent, DESK, f.approvedText(sent), systemFault(), SEND).orThrow();
    SmsKey approved = f.approved(SmsKey.of("F-1", MessageType.FOLLOW_UP, 2), DUTY_A, LEADER);
    SmsKey planned = f.sms.plan(obligation("NOTIFY-TRIG-07", "F-1", 3, SEND), systemFault(), T0).key();

    SmsMessage recovery = f.sms.plan(obligation("NOTIFY-TRIG-08", "F-1", 1, SEND), systemFault(), SEND);

    assertThat(recovery.state()).isEqualTo(SmsState.REQUIRED);
    assertThat(f.sms.find(sent).orElseThrow().state()).isEqualTo(SmsState.SENT);
    for (SmsKey k : List.of(approved, planned)) {
      SmsMessage m = f.sms.find(k).orElseThrow();
      assertThat(m.state()).isEqualTo(SmsState.SUPERSEDED);
      assertThat(m.record().supersededBy()).contains(recovery.key().toString());
      List<AuditRecord> trail = f.audit.read("sms:" + k);
      assertThat(trail.get(trail.size() - 1).entry().action()).isEqualTo("supersede");
      assertThat(trail.get(trail.size() - 1).entry().ruleIds()).contains(rule("NOTIFY-TRIG-07"), rule("SM-SMS-T06"));
    }
    Outcome<SmsMessage> late = f.sms.release(approved, DESK, f.approvedText(approved), systemFault(), SEND);
    refusedBy(late, "SM-SMS-T05", "event");
    assertThat(late.violations().get(0).message()).contains("SUPERSEDED is terminal");
    assertThat(f.outbox.find(approved.toString())).isEmpty();
  }

  @Test
  void NOTIFY_TRIG_07_aFollowUpPlannedAfterTheRecoveryIsSupersededAtOnce() {
    f.sms.plan(obligation("NOTIFY-TRIG-08", "F-1", 1, T0), systemFault(), T0);
    SmsMessage late = f.sms.plan(obligation("NOTIFY-TRIG-07", "F-1", 1, T0), systemFault(), T0);
    assertThat(late.state()).isEqualTo(SmsState.SUPERSEDED);
  }

  @Test
  void SM_SMS_T01_draftRendersTheTemplateAndRecordsAuthorAndText() {
    f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    SmsMessage m = f.sms.draft(NOTIFICATION, DUTY_A, content(), T0).orThrow();
    assertThat(m.state()).isEqualTo(SmsState.DRAFTED);
    assertThat(m.record().author()).contains("duty-a");
    assertThat(m.record().authorRole()).contains(org.opsbook.core.Role.ESC_DUTY);
    assertThat(m.record().text()).contains(MessageRenderer.defaults().render(TemplateSet.TPL_02, content()).text());
  }

  @Test
  void SM_SMS_T01_aMissingPlaceholderIsAnErrorAndChangesNothing() {
    f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    MessageContent noEta = MessageContent.builder().subjectName("BOSS").faultStartTime(T0).phenomenon("p")
        .cause("c").scope("s").handlingParty(org.opsbook.notify.HandlingParty.IT_CENTER).followUpPerson("张三").build();
    assertThatThrownBy(() -> f.sms.draft(NOTIFICATION, DUTY_A, noEta, T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("eta");
          assertThat(e.ruleId()).contains(TemplateSet.TPL_02);
        });
    assertThat(f.sms.find(NOTIFICATION).orElseThrow().state()).isEqualTo(SmsState.REQUIRED);
  }

  @Test
  void SM_SMS_T01_onlyTheDutyHandlerOrEarthVillageDrafts() {
    f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    refusedBy(f.sms.draft(NOTIFICATION, DESK, content(), T0), "SM-SMS-T01", "actor");
  }

  @Test
  void SM_SMS_T01_aTextOverTheHostsSegmentLimitIsRefusedBeforeItCanBeSent() {
    Fixture small = new Fixture(NotifyConfig.builder().maxSmsSegments(1).build());
    small.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    Outcome<SmsMessage> step = small.sms.draft(NOTIFICATION, DUTY_A, content(), T0);
    refusedBy(step, "SM-SMS-T01", "text");
    assertThat(step.violations().get(0).message()).contains("2 SMS segments").contains("at most 1");
    assertThat(small.sms.find(NOTIFICATION).orElseThrow().state()).isEqualTo(SmsState.REQUIRED);
    assertThatThrownBy(step::orThrow).isInstanceOfSatisfying(RefusedException.class, e -> {
      assertThat(e.ruleIds()).containsExactly(rule("SM-SMS-T01"));
      assertThat(e.transitionId()).contains(rule("SM-SMS-T01"));
    });
  }

  @Test
  void SM_SMS_T02_onlyTheAuthorSubmitsTheDraft() {
    f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    f.sms.draft(NOTIFICATION, DUTY_A, content(), T0).orThrow();
    refusedBy(f.sms.submitForReview(NOTIFICATION, DUTY_B, T0), "SM-SMS-T02", "actor");
    assertThat(f.sms.submitForReview(NOTIFICATION, DUTY_A, T0).orThrow().state()).isEqualTo(SmsState.IN_REVIEW);
  }

  private void inReview(org.opsbook.core.Actor author) {
    f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    f.sms.draft(NOTIFICATION, author, content(), T0).orThrow();
    f.sms.submitForReview(NOTIFICATION, author, T0).orThrow();
  }

  @Test
  @DisplayName("NOTIFY-REVIEW-01 SM-SMS-T03: the fault-team leader reviews the duty handler's draft")
  void NOTIFY_REVIEW_01_theFaultTeamLeaderReviewsTheDutyHandlersDraft() {
    inReview(DUTY_A);
    refusedBy(f.sms.approve(NOTIFICATION, DUTY_B, f.text(NOTIFICATION), T0), "NOTIFY-REVIEW-01", "reviewer");
    SmsMessage m = f.sms.approve(NOTIFICATION, LEADER, f.text(NOTIFICATION), T0).orThrow();
    assertThat(m.state()).isEqualTo(SmsState.APPROVED);
    assertThat(m.record().reviewer()).contains("leader");
    assertThat(m.record().approvedText()).isEqualTo(m.record().text());
  }

  @Test
  void NOTIFY_REVIEW_01_aReviewerEqualToTheAuthorIsRefused() {
    inReview(LEADER_ON_DUTY);
    Outcome<SmsMessage> step = f.sms.approve(NOTIFICATION, LEADER_ON_DUTY, f.text(NOTIFICATION), T0);
    refusedBy(step, "NOTIFY-REVIEW-01", "reviewer");
    assertThat(step.violations()).extracting(Violation::message).anyMatch(m -> m.contains("must not be the author"));
    assertThat(f.sms.find(NOTIFICATION).orElseThrow().state()).isEqualTo(SmsState.IN_REVIEW);
  }

  @Test
  void NOTIFY_REVIEW_01_theReviewerApprovesExactlyTheDraftedText() {
    inReview(DUTY_A);
    refusedBy(f.sms.approve(NOTIFICATION, LEADER, f.text(NOTIFICATION) + " ", T0), "NOTIFY-REVIEW-01", "text");
  }

  @Test
  void NOTIFY_REVIEW_02_theDutyHandlerReviewsEarthVillagesDraftAndVillageSendsItsOwn() {
    inReview(VILLAGE);
    assertThat(f.sms.find(NOTIFICATION).orElseThrow().record().authorRole()).contains(
        org.opsbook.core.Role.EARTH_VILLAGE);
    refusedBy(f.sms.approve(NOTIFICATION, LEADER, f.text(NOTIFICATION), T0), "NOTIFY-REVIEW-02", "reviewer");
    refusedBy(f.sms.approve(NOTIFICATION, VILLAGE, f.text(NOTIFICATION), T0), "SM-SMS-T03", "actor");
    f.sms.approve(NOTIFICATION, DUTY_A, f.text(NOTIFICATION), T0).orThrow();
    refusedBy(f.sms.release(NOTIFICATION, VILLAGE_2, f.approvedText(NOTIFICATION), briefing(), systemFault(), SEND),
        "SM-SMS-T05", "actor");
    assertThat(f.sms.release(NOTIFICATION, VILLAGE, f.approvedText(NOTIFICATION), briefing(), systemFault(), SEND)
        .orThrow().state()).isEqualTo(SmsState.SENT);
  }

  @Test
  void SM_SMS_T04_theReviewerSendsTheDraftBackWithAReason() {
    inReview(DUTY_A);
    refusedBy(f.sms.reject(NOTIFICATION, LEADER, " ", T0), "SM-SMS-T04", "reason");
    SmsMessage back = f.sms.reject(NOTIFICATION, LEADER, "影响范围写具体", T0).orThrow();
    assertThat(back.state()).isEqualTo(SmsState.DRAFTED);
    assertThat(back.record().lastRejection()).contains("影响范围写具体");
    SmsMessage redrafted = f.sms.draft(NOTIFICATION, DUTY_A, content(), T0)
        .orThrow();
    assertThat(redrafted.state()).isEqualTo(SmsState.DRAFTED);
    assertThat(redrafted.record().reviewer()).isEmpty();
  }

  @Test
  void NOTIFY_REVIEW_01_onlyTheApprovedTextIsSentByteForByte() {
    f.approved(NOTIFICATION, DUTY_A, LEADER);
    String approved = f.approvedText(NOTIFICATION);
    refusedBy(releaseNotification(approved.replace(",", "，"), briefing()), "NOTIFY-REVIEW-01", "text");
    refusedBy(releaseNotification(approved + "\u200B", briefing()), "NOTIFY-REVIEW-01", "text");
    assertThat(f.outbox.list(Optional.empty())).as("nothing is sent on a refusal").isEmpty();
    SmsMessage sent = releaseNotification(approved, briefing()).orThrow();
    assertThat(sent.state()).isEqualTo(SmsState.SENT);
    OutboxMessage queued = f.outbox.find(NOTIFICATION.toString()).orElseThrow();
    assertThat(queued.text()).isEqualTo(approved);
    assertThat(queued.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(approved.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void SM_SMS_T05_anUnapprovedMessageCannotBeSent() {
    f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    f.sms.draft(NOTIFICATION, DUTY_A, content(), T0).orThrow();
    Outcome<SmsMessage> step = releaseNotification(f.text(NOTIFICATION), briefing());
    refusedBy(step, "SM-SMS-T05", "event");
    refusedBy(step, "NOTIFY-REVIEW-01", "approvedBy");
    f.sms.submitForReview(NOTIFICATION, DUTY_A, T0).orThrow();
    refusedBy(releaseNotification(f.text(NOTIFICATION), briefing()), "NOTIFY-REVIEW-01", "approvedBy");
    assertThat(f.outbox.list(Optional.empty())).isEmpty();
    assertThat(f.sms.find(NOTIFICATION).orElseThrow().state()).isEqualTo(SmsState.IN_REVIEW);
  }

  @Test
  void NOTIFY_REVIEW_03_theNotificationWaitsUntilTeamLeaderAndSupervisorWereToldAndTheManagerBriefed() {
    f.approved(NOTIFICATION, DUTY_A, LEADER);
    String text = f.approvedText(NOTIFICATION);
    Outcome<SmsMessage> none = releaseNotification(text, Briefing.none());
    refusedBy(none, "NOTIFY-REVIEW-03", "briefing.teamLeaderInformedAt");
    refusedBy(none, "NOTIFY-REVIEW-03", "briefing.roomSupervisorInformedAt");
    refusedBy(none, "NOTIFY-REVIEW-03", "briefing.roomManagerBriefedAt");
    Briefing managerFirst = Briefing.of(T0.plusSeconds(120), T0.plusSeconds(60), T0.plusSeconds(90));
    refusedBy(releaseNotification(text, managerFirst), "NOTIFY-REVIEW-03", "briefing.roomManagerBriefedAt");
    Briefing briefedLater = Briefing.of(T0, T0, SEND.plusSeconds(1));
    refusedBy(releaseNotification(text, briefedLater), "NOTIFY-REVIEW-03", "briefing.roomManagerBriefedAt");
    Briefing sameMoment = Briefing.of(SEND, SEND, SEND);
    assertThat(releaseNotification(text, sameMoment).isAccepted()).as("told, told, briefed, sent at one instant")
        .isTrue();
  }

  @Test
  void NOTIFY_REVIEW_03_followUpAndRecoveryNeedNoBriefing() {
    SmsKey followUp = f.approved(SmsKey.of("F-1", MessageType.FOLLOW_UP, 1), DUTY_A, LEADER);
    assertThat(f.sms.release(followUp, DESK, f.approvedText(followUp), systemFault(), SEND).isAccepted()).isTrue();
  }

  @Test
  void NOTIFY_RCPT_04_08_recipientsAreResolvedAtReleaseEachPersonOnce() {
    f.approved(NOTIFICATION, DUTY_A, LEADER);
    SmsMessage sent = f.sms.release(NOTIFICATION, DESK, f.approvedText(NOTIFICATION), briefing(),
        facts(FaultNature.SYSTEM, false, 3), SEND).orThrow();
    assertThat(sent.record().recipientClasses()).containsExactly(RecipientClass.A, RecipientClass.B,
        RecipientClass.C, RecipientClass.D);
    assertThat(sent.record().recipientIds()).containsExactly("a1", "b1", "bc", "c1", "d1");
    assertThat(f.outbox.find(NOTIFICATION.toString()).orElseThrow().recipients()).extracting(Person::id)
        .containsExactly("a1", "b1", "bc", "c1", "d1");

    SmsKey followUp = SmsKey.of("F-1", MessageType.FOLLOW_UP, 1);
    f.sms.plan(followUp, Optional.of(rule("NOTIFY-TRIG-07")), Optional.empty(), facts(FaultNature.SYSTEM, true, 3),
        T0);
    assertThat(f.sms.find(followUp).orElseThrow().record().baseClasses())
        .as("NOTIFY-RCPT-08: the notification's classes, not a recomputation").containsExactly(RecipientClass.A,
            RecipientClass.B, RecipientClass.C);
    f.sms.draft(followUp, DUTY_A, content(), T0).orThrow();
    f.sms.submitForReview(followUp, DUTY_A, T0).orThrow();
    f.sms.approve(followUp, LEADER, f.text(followUp), T0).orThrow();
    SmsMessage followed = f.sms.release(followUp, DESK, f.approvedText(followUp), facts(FaultNature.SYSTEM, false, 2),
        SEND).orThrow();
    assertThat(followed.record().recipientClasses()).as("D recomputed with the current level 2")
        .containsExactly(RecipientClass.A, RecipientClass.B, RecipientClass.C);
    assertThat(f.audit.read("sms:" + followUp).get(4).entry().details().get("recipientRules"))
        .contains("NOTIFY-RCPT-02").contains("NOTIFY-RCPT-08");
  }

  @Test
  void SM_SMS_T05_theSegmentLimitHoldsAtSendingToo() {
    f.approved(NOTIFICATION, DUTY_A, LEADER);
    SmsWorkflow stricter = SmsWorkflow.builder().workflows(f.workflows).outbox(f.outbox).directory(f.directory)
        .config(NotifyConfig.builder().maxSmsSegments(1).build()).build();
    refusedBy(stricter.release(NOTIFICATION, DESK, f.approvedText(NOTIFICATION), briefing(), systemFault(), SEND),
        "SM-SMS-T05", "text");
    assertThat(f.outbox.list(Optional.empty())).isEmpty();
  }

  @Test
  void SM_SMS_T05_aMessageThatWouldReachNobodyIsRefused() {
    f.approved(NOTIFICATION, DUTY_A, LEADER);
    SmsWorkflow empty = SmsWorkflow.builder().workflows(f.workflows).outbox(f.outbox)
        .directory(org.opsbook.core.memory.InMemoryDirectory.of(List.of())).build();
    refusedBy(empty.release(NOTIFICATION, DESK, f.approvedText(NOTIFICATION), briefing(), systemFault(), SEND),
        "SM-SMS-T05", "recipients");
  }

  @Test
  void NOTIFY_REVIEW_01_anApprovalTamperedInStorageIsRefusedAtSending() {
    f.approved(NOTIFICATION, DUTY_A, LEADER);
    SmsMessage m = f.sms.find(NOTIFICATION).orElseThrow();
    String forged = SmsRecordFormat.installed().write(m.record().withReviewer(Optional.of("duty-a")));
    f.workflows.transition(NOTIFICATION.toString(), m.version(), TransitionRecord.builder()
        .instanceId(NOTIFICATION.toString()).sequence(m.version() + 1).event("edit").fromState("APPROVED")
        .toState("APPROVED").actor(DUTY_A).at(T0).build(), forged, List.of());
    refusedBy(releaseNotification(f.approvedText(NOTIFICATION), briefing()), "NOTIFY-REVIEW-01", "approvedBy");
  }

  @Test
  void TIME_03_aFollowUpDueAtWorkdayEndIsOnTimeUpToEighteenHundredInclusive() {
    Instant workdayEnd = Instant.parse("2026-11-25T10:00:00Z");
    Object[][] cases = {{"F-a", -1, true}, {"F-b", 0, true}, {"F-c", 1, false}};
    for (Object[] c : cases) {
      Instant at = workdayEnd.plusSeconds((Integer) c[1]);
      SmsKey key = f.sms.plan(obligation("NOTIFY-TRIG-07", (String) c[0], 1, workdayEnd), systemFault(), T0).key();
      f.sms.draft(key, DUTY_A, content(), T0).orThrow();
      f.sms.submitForReview(key, DUTY_A, T0).orThrow();
      f.sms.approve(key, LEADER, f.text(key), T0).orThrow();
      assertThat(f.sms.find(key).orElseThrow().isOverdue(at)).isEqualTo(!(Boolean) c[2]);
      SmsMessage sent = f.sms.release(key, DESK, f.approvedText(key), systemFault(), at).orThrow();
      assertThat(sent.releasedOnTime()).contains((Boolean) c[2]);
      assertThat(sent.isOverdue(at.plusSeconds(3600))).as("a sent message is never overdue").isFalse();
      List<AuditRecord> trail = f.audit.read("sms:" + key);
      assertThat(trail.get(trail.size() - 1).entry().details().get("onTime")).isEqualTo(c[2].toString());
    }
  }

  @Test
  void everyTransitionIsAnAuditRecordAndTheChainVerifies() {
    f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    f.sms.draft(NOTIFICATION, DUTY_A, content(), T0).orThrow();
    f.sms.submitForReview(NOTIFICATION, DUTY_A, T0).orThrow();
    f.sms.approve(NOTIFICATION, LEADER, f.text(NOTIFICATION), T0).orThrow();
    releaseNotification(f.text(NOTIFICATION), briefing()).orThrow();
    List<AuditRecord> trail = f.audit.read("sms:" + NOTIFICATION);
    assertThat(trail).extracting(r -> r.entry().action())
        .containsExactly("plan", "draft", "submitForReview", "approve", "massSend");
    assertThat(trail.get(0).entry().ruleIds()).contains(rule("NOTIFY-TRIG-05"), rule("NOTIFY-RCPT-02"));
    assertThat(trail.get(3).entry().ruleIds()).contains(rule("SM-SMS-T03"), rule("NOTIFY-REVIEW-01"))
        .doesNotContain(rule("NOTIFY-REVIEW-02"));
    assertThat(trail.get(4).entry().ruleIds()).contains(rule("SM-SMS-T05"), rule("NOTIFY-REVIEW-01"),
        rule("NOTIFY-REVIEW-03"));
    assertThat(trail.get(4).entry().details()).containsEntry("recipientCount", "4").containsEntry("sender", "desk");
    assertThat(f.audit.verify("sms:" + NOTIFICATION).intact()).isTrue();
    assertThat(f.sms.history(NOTIFICATION)).extracting(TransitionRecord::event)
        .containsExactly("draft", "submitForReview", "approve", "massSend");
    assertThat(f.sms.history(NOTIFICATION).get(0).transitionId()).contains(rule("SM-SMS-T01"));
    assertThat(f.sms.messagesOf("F-1")).extracting(SmsMessage::key).containsExactly(NOTIFICATION);
    assertThat(SmsWorkflow.describe()).contains("SM-SMS-T05").contains("NOTIFY-REVIEW-03");
  }

  @Test
  @DisplayName("SM-SMS-T01 SM-SMS-T02 messages are kept through the core WorkflowStore: version, audit and history")
  void messagesAreKeptThroughTheSharedWorkflowStore() {
    f.sms.plan(obligation("NOTIFY-TRIG-05", "F-1", 1, T0), systemFault(), T0);
    f.sms.draft(NOTIFICATION, DUTY_A, content(), T0.plusSeconds(60)).orThrow();
    SmsMessage submitted = f.sms.submitForReview(NOTIFICATION, DUTY_A, T0.plusSeconds(120)).orThrow();
    WorkflowStore<SmsMessage, SmsEvent, SmsChange> store = SmsWorkflow.store(f.workflows);
    assertThat(store.find(NOTIFICATION.toString())).contains(submitted);
    assertThat(submitted.version()).isEqualTo(2).isEqualTo(f.workflows.find(NOTIFICATION.toString())
        .orElseThrow().version());
    assertThat(submitted.updatedAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(store.history(NOTIFICATION.toString())).isEqualTo(f.sms.history(NOTIFICATION));
    assertThat(f.workflows.history(NOTIFICATION.toString()).get(1).dataJson()).isEqualTo("{}");
    assertThatThrownBy(() -> store.fire("F-9/NOTIFICATION/1", SmsEvent.SUBMIT_FOR_REVIEW, DUTY_A,
        SmsChange.of(null, r -> r, java.util.Map.of()), T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("key"));
    SmsKey unplanned = SmsKey.of("F-9", MessageType.NOTIFICATION, 1);
    assertThatThrownBy(() -> f.sms.approve(unplanned, LEADER, "x", T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("key"));
    assertThatThrownBy(() -> f.sms.submitForReview(unplanned, DUTY_A, T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("key"));
    assertThat(f.workflows.find(unplanned.toString())).isEmpty();
    assertThatThrownBy(() -> SmsDecisions.INSTANCE.create(submitted, DUTY_A, T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("state"));
  }
}
