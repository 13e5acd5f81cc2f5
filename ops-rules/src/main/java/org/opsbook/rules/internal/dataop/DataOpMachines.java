package org.opsbook.rules.internal.dataop;

import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_SCRIPT;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_TECHNICAL;
import static org.opsbook.rules.dataop.DataOpEvent.ASSESS;
import static org.opsbook.rules.dataop.DataOpEvent.ASSIGN_TO_DEVELOPER;
import static org.opsbook.rules.dataop.DataOpEvent.ATTACH_SCRIPT;
import static org.opsbook.rules.dataop.DataOpEvent.ATTACH_SCRIPT_AND_BACKUP;
import static org.opsbook.rules.dataop.DataOpEvent.CANCEL;
import static org.opsbook.rules.dataop.DataOpEvent.CONFIRM_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.CONSENT;
import static org.opsbook.rules.dataop.DataOpEvent.DELIVER;
import static org.opsbook.rules.dataop.DataOpEvent.EXECUTE;
import static org.opsbook.rules.dataop.DataOpEvent.FAIL_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.NOTIFY_REQUESTER;
import static org.opsbook.rules.dataop.DataOpEvent.PASS_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.REPLY_IMPACT;
import static org.opsbook.rules.dataop.DataOpEvent.RESUBMIT;
import static org.opsbook.rules.dataop.DataOpEvent.RESUBMIT_SCRIPT;
import static org.opsbook.rules.dataop.DataOpEvent.RUN;
import static org.opsbook.rules.dataop.DataOpEvent.SUBMIT;
import static org.opsbook.rules.dataop.DataOpState.ASSESSED;
import static org.opsbook.rules.dataop.DataOpState.AWAITING_BUSINESS_CONFIRMATION;
import static org.opsbook.rules.dataop.DataOpState.AWAITING_BUSINESS_REVIEW;
import static org.opsbook.rules.dataop.DataOpState.BUSINESS_APPROVED;
import static org.opsbook.rules.dataop.DataOpState.CANCELLED;
import static org.opsbook.rules.dataop.DataOpState.CLOSED;
import static org.opsbook.rules.dataop.DataOpState.DELIVERED;
import static org.opsbook.rules.dataop.DataOpState.DEV_IMPACT_PENDING;
import static org.opsbook.rules.dataop.DataOpState.DRAFT;
import static org.opsbook.rules.dataop.DataOpState.EXECUTED;
import static org.opsbook.rules.dataop.DataOpState.EXTRACTED;
import static org.opsbook.rules.dataop.DataOpState.READY_TO_EXECUTE;
import static org.opsbook.rules.dataop.DataOpState.REVIEWED;
import static org.opsbook.rules.dataop.DataOpState.REWORK;
import static org.opsbook.rules.dataop.DataOpState.SCRIPT_APPROVED;
import static org.opsbook.rules.dataop.DataOpState.SCRIPT_READY;
import static org.opsbook.rules.dataop.DataOpState.SUBMITTED;
import static org.opsbook.rules.dataop.DataOpState.TECH_APPROVED;
import static org.opsbook.rules.internal.Inputs.blank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.StateMachine;
import org.opsbook.rules.dataop.Attachment;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.ExtractionWindow;
import org.opsbook.rules.dataop.Sample;
import org.opsbook.rules.dataop.TicketKind;
import org.opsbook.rules.dataop.DataOpRecord.Approval;

/**
 * The declared transition tables of SM-DATAOP-MOD (catalog §12.6) and SM-DATAOP-EXT (§12.7), and their guards. Each
 * guard names the rule that demands it and returns null when it holds, else one sentence saying why not.
 */
final class DataOpMachines {
  /** 数据分析室: the only source and recipient of extractions (DATAOP-EXT-01, DATAOP-EXT-02). */
  static final String ANALYSIS_ROOM = "数据分析室";

  private static final Role[] PROCESSORS = {Role.DATA_PROCESSOR_CITY, Role.DATA_PROCESSOR_DEV};
  private static final Role[] SUBMITTERS = {Role.DATA_SUBMITTER, Role.PRE_PROCESSOR};

  static final StateMachine<DataOpState, DataOpEvent, DataOpContext> MODIFICATION = modification();
  static final StateMachine<DataOpState, DataOpEvent, DataOpContext> EXTRACTION = extraction();

  private DataOpMachines() {}

  private static StateMachine<DataOpState, DataOpEvent, DataOpContext> modification() {
    StateMachine.Builder<DataOpState, DataOpEvent, DataOpContext> b =
        StateMachine.builder("SM-DATAOP-MOD", DataOpState.class, DataOpEvent.class, DataOpContext.class);
    b.transition("SM-DATAOP-MOD-T01", DRAFT, SUBMIT, SUBMITTED).by(SUBMITTERS)
        .guard("DATAOP-MOD-01", "ticketKind", DataOpMachines::ticketKindAllowsModification)
        .guard("DATAOP-MOD-06", "impactStatement", (c, a) -> blank(c.op().impactStatement())
            ? "the submission must state the impact (具体的影响面)" : null)
        .guard("DATAOP-MOD-06", "sideEffectStatement", DataOpMachines::sideEffectsStated)
        .guard("DATAOP-ROLE-01", "urgency", (c, a) -> blank(c.op().urgency())
            ? "the submission must state the urgency (任务紧急程度)" : null)
        .guard("DATAOP-DEF-05", "targetSystem", (c, a) -> c.op().targetSystem().isEmpty()
            ? "the submission must name the target system" : null)
        .guard("DATAOP-MOD-16", "fullScopeExtractionRef", DataOpMachines::faultFixCoversFullScope)
        .stamps("ticketNo", "ticketKind", "impactStatement", "sideEffectStatement", "urgency", "recordCount",
            "batch", "batchReasons", "involvesLevel1Sensitive", "routineOperation", "important")
        .add();
    b.transition("SM-DATAOP-MOD-T02", SUBMITTED, APPROVE_BUSINESS, BUSINESS_APPROVED).by(Role.BUSINESS_APPROVER)
        .guard("DATAOP-MOD-08", "actor", DataOpMachines::branchApprover)
        .stamps("businessApproverId", "businessApprovedAt").add();
    scriptAndBackup(b.transition("SM-DATAOP-MOD-T03", BUSINESS_APPROVED, ATTACH_SCRIPT_AND_BACKUP, SCRIPT_READY).by(PROCESSORS));
    b.transition("SM-DATAOP-MOD-T04", SCRIPT_READY, APPROVE_TECHNICAL, TECH_APPROVED).by(Role.DATA_PROCESSOR_CITY)
        .guard("DATAOP-MOD-04", "actor", (c, a) -> a.isDeveloper()
            ? "技术审批 is the city processor's; " + a.id() + " is a developer" : null)
        .guard("DATAOP-MOD-08", "actor", DataOpMachines::branchApprover)
        .guard("DATAOP-SENS-01", "sensitiveAccessFormApprovedBy", DataOpMachines::sensitiveAccessFormApproved)
        .guard("DATAOP-SENS-04", "batchSensitiveFormApprovedBy", (c, a) -> batchSensitiveFormApproved(c,
            Batch.of(c.ticket(), c.params()).isBatch()))
        .guard("DATAOP-MOD-18", "businessApprovedAt", (c, a) -> notBefore(c.rec().businessApprovedAt(), c.at(),
            "业务审批", "技术审批"))
        .stamps("techApproverId", "techApprovedAt").records("sensitiveAccessFormApprovedBy",
            "sensitiveAccessFormApprovedAt", "batchSensitiveFormApprovedBy", "batchSensitiveFormApprovedAt")
        .add();
    b.transition("SM-DATAOP-MOD-T05", TECH_APPROVED, ASSIGN_TO_DEVELOPER, DEV_IMPACT_PENDING)
        .by(Role.DATA_PROCESSOR_CITY)
        .guard("DATAOP-SENS-03", "executorKind", DataOpMachines::sensitiveAssignment)
        .requires("SM-DATAOP-MOD-T05", "developerId").requires("DATAOP-SENS-03", "executorKind")
        .records("cityMonitorId", "cityMonitorPresentThroughout").add();
    b.transition("SM-DATAOP-MOD-T14", DEV_IMPACT_PENDING, REPLY_IMPACT, DEV_IMPACT_PENDING)
        .by(Role.DATA_PROCESSOR_DEV)
        .guard("DATAOP-MOD-10", "actor", DataOpMachines::isAssignedDeveloper)
        .guard("DATAOP-MOD-10", "impactReply", (c, a) -> blank(c.data().impactReply())
            ? "the developer must state the impact on business, accounts and reports" : null)
        .records("impactReply").stamps("developerImpactReplyAt").add();
    b.transition("SM-DATAOP-MOD-T06", DEV_IMPACT_PENDING, CONSENT, READY_TO_EXECUTE).by(SUBMITTERS)
        .guard("DATAOP-MOD-10", "actor", DataOpMachines::consentByTheSubmitter)
        .stamps("submitterConsentAt").add();
    execution(b.transition("SM-DATAOP-MOD-T07", TECH_APPROVED, EXECUTE, EXECUTED).by(Role.DATA_PROCESSOR_CITY)
        .guard("DATAOP-MOD-10", "actor", (c, a) -> a.isDeveloper()
            ? "a developer executes only after stating the impact and the submitter's consent" : null)
        .guard("DATAOP-MOD-11", "backupTakenAt", DataOpMachines::backupBeforeExecution));
    execution(b.transition("SM-DATAOP-MOD-T07", READY_TO_EXECUTE, EXECUTE, EXECUTED).by(Role.DATA_PROCESSOR_DEV)
        .guard("SM-DATAOP-MOD-T07", "actor", DataOpMachines::isAssignedDeveloper)
        .guard("DATAOP-MOD-10", "submitterConsentAt", (c, a) -> notBefore(c.rec().submitterConsentAt(), c.at(),
            "the submitter's consent", "execution"))
        .guard("DATAOP-MOD-11", "backupTakenAt", DataOpMachines::backupBeforeExecution)
        .guard("DATAOP-MOD-13", "attachments", DataOpMachines::developerAttachedScriptAndBackup));
    b.transition("SM-DATAOP-MOD-T08", EXECUTED, PASS_REVIEW, REVIEWED).by(Role.DATA_REVIEWER)
        // one rule, three fields: a refusal names the one the review got wrong (the first in this order)
        .guard("DATAOP-MOD-15", "scriptVerified", (c, a) -> c.data().scriptVerified() ? null
            : unverified(false, "the script", c.data().resultVerified(), "the result"))
        .guard("DATAOP-MOD-15", "resultVerified", (c, a) -> c.data().scriptVerified() && !c.data().resultVerified()
            ? unverified(true, "the script", false, "the result") : null)
        .guard("DATAOP-MOD-15", "sampledNumbers", (c, a) -> c.data().scriptVerified() && c.data().resultVerified()
            ? modificationSamples(c) : null)
        .guard("DATAOP-MOD-14", "actor", DataOpMachines::batchReviewerIndependent)
        .guard("DATAOP-MOD-12", "actor", DataOpMachines::initiatorNotAccepting)
        .guard("DATAOP-ROLE-03", "actor", DataOpMachines::reviewerNotDeveloper)
        .guard("DATAOP-MOD-18", "executedAt", (c, a) -> notBefore(c.rec().executedAt(), c.at(), "执行", "复核"))
        .stamps("reviewerId", "reviewedAt").records("scriptVerified", "resultVerified", "sampledNumbers").add();
    b.transition("SM-DATAOP-MOD-T09", EXECUTED, FAIL_REVIEW, REWORK).by(Role.DATA_REVIEWER)
        .records("findings").add();
    scriptAndBackup(b.transition("SM-DATAOP-MOD-T10", REWORK, RESUBMIT_SCRIPT, SCRIPT_READY).by(PROCESSORS));
    b.transition("SM-DATAOP-MOD-T11", REVIEWED, NOTIFY_REQUESTER, AWAITING_BUSINESS_CONFIRMATION)
        .by(Role.DATA_REVIEWER)
        .guard("DATAOP-MOD-05", "channel", (c, a) -> c.data().channel().isEmpty()
            ? "say how the requester (需求方) was told to confirm the result: SMS, EMAIL, PHONE or OTHER" : null)
        .records("channel").stamps("requesterNotifiedAt").add();
    // 验收 (DATAOP-MOD-12) covers both checks that follow execution in the flow (§2.4.3.2 1、 4)): the reviewer's
    // 审核处理结果 and the requester's 业务审核和确认. An initiator who executed the change confirms neither.
    b.transition("SM-DATAOP-MOD-T12", AWAITING_BUSINESS_CONFIRMATION, CONFIRM_BUSINESS, CLOSED)
        .by(Role.REQUESTER, Role.DATA_SUBMITTER)
        .guard("DATAOP-MOD-12", "actor", DataOpMachines::initiatorNotAccepting)
        .stamps("businessConfirmedBy", "businessConfirmedAt").add();
    for (DataOpState s : List.of(DRAFT, SUBMITTED, BUSINESS_APPROVED, SCRIPT_READY, TECH_APPROVED,
        DEV_IMPACT_PENDING, READY_TO_EXECUTE)) {
      b.transition("SM-DATAOP-MOD-T13", s, CANCEL, CANCELLED).by(SUBMITTERS).records("reason").add();
    }
    return b.terminal(CLOSED, CANCELLED).build();
  }

  private static StateMachine<DataOpState, DataOpEvent, DataOpContext> extraction() {
    StateMachine.Builder<DataOpState, DataOpEvent, DataOpContext> b =
        StateMachine.builder("SM-DATAOP-EXT", DataOpState.class, DataOpEvent.class, DataOpContext.class);
    b.transition("SM-DATAOP-EXT-T01", DRAFT, SUBMIT, SUBMITTED).by(Role.DATA_SUBMITTER)
        .guard("DATAOP-EXT-01", "actor", DataOpMachines::fromAnalysisRoom)
        .guard("DATAOP-EXT-01", "ticketKind", (c, a) -> c.op().ticketKind().orElse(null) == TicketKind.CMCP_IT_COLLAB
            ? null : "数据分析室 must send a CMCP协作单, not " + c.op().ticketKind().map(Enum::name).orElse("no ticket"))
        .guard("DATAOP-EXT-03", "requirementPurpose", (c, a) -> blank(c.op().requirementPurpose())
            ? "the requirement must state its purpose (需求用途)" : null)
        .guard("DATAOP-EXT-03", "requirementContent", (c, a) -> blank(c.op().requirementContent())
            ? "the requirement must describe its content (需求内容描述)" : null)
        .guard("DATAOP-EXT-03", "dataRequirements", (c, a) -> blank(c.op().dataRequirements())
            ? "the requirement must give the data requirements (数据详细要求)" : null)
        .guard("DATAOP-EXT-03", "requiredFields", (c, a) -> c.op().requiredFields().stream().allMatch(String::isBlank)
            ? "the requirement must list the fields needed (需要的字段)" : null)
        .stamps("ticketNo", "requirementPurpose", "requirementContent", "dataRequirements", "requiredFields")
        .add();
    b.transition("SM-DATAOP-EXT-T02", SUBMITTED, ASSESS, ASSESSED).by(PROCESSORS)
        .guard("DATAOP-ROLE-02", "actor", DataOpMachines::processorKind)
        .guard("DATAOP-EXT-08", "estimatedEffort", (c, a) -> blank(c.data().estimatedEffort())
            ? "the processor must tell the requester the estimated effort" : null)
        .records("estimatedEffort").stamps("assessedAt").add();
    b.transition("SM-DATAOP-EXT-T03", ASSESSED, ATTACH_SCRIPT, SCRIPT_READY).by(PROCESSORS)
        .guard("DATAOP-ROLE-02", "actor", DataOpMachines::processorKind)
        .guard("DATAOP-EXT-09", "scriptRef", DataOpMachines::scriptOnTicket)
        .records("scriptRef", "estimatedRowCount", "estimatedExecutionMinutes").add();
    b.transition("SM-DATAOP-EXT-T04", SCRIPT_READY, APPROVE_SCRIPT, SCRIPT_APPROVED).by(Role.DATA_PROCESSOR_CITY)
        .guard("DATAOP-EXT-10", "actor", (c, a) -> a.isDeveloper()
            ? "the city processor approves the script; " + a.id() + " is a developer" : null)
        .guard("DATAOP-SENS-01", "sensitiveAccessFormApprovedBy", DataOpMachines::sensitiveAccessFormApproved)
        .stamps("techApproverId", "techApprovedAt")
        .records("sensitiveAccessFormApprovedBy", "sensitiveAccessFormApprovedAt").add();
    // The run has happened when it is reported: a breach of the peak-hour ban (DATAOP-EXT-04) is recorded on the
    // ticket and in the audit trail for the review, never a refusal that would leave the ticket SCRIPT_APPROVED.
    b.transition("SM-DATAOP-EXT-T05", SCRIPT_APPROVED, RUN, EXTRACTED).by(PROCESSORS)
        .guard("DATAOP-ROLE-02", "actor", DataOpMachines::processorKind)
        .guard("DATAOP-SENS-03", "actor", DataOpMachines::sensitiveExecutor)
        .stamps("executorId")
        .requires("DATAOP-EXT-04", "actualRowCount", "actualExecutionMinutes")
        .guard("DATAOP-EXT-04", "startedAt", (c, a) -> c.data().startedAt().filter(s -> s.isAfter(c.at()))
            .map(s -> "the run is reported once it has run; it cannot have started at " + s + ", after the report at "
                + c.at()).orElse(null))
        .records("startedAt", "cityMonitorId", "cityMonitorPresentThroughout").add();
    b.transition("SM-DATAOP-EXT-T06", EXTRACTED, PASS_REVIEW, REVIEWED).by(Role.DATA_REVIEWER)
        .guard("DATAOP-EXT-05", "actor", (c, a) -> c.rec().processorIds().contains(a.id())
            ? a.id() + " acted as 数据操作处理人 on this extraction and may not review it" : null)
        // one rule, three fields, as DATAOP-MOD-15's
        .guard("DATAOP-EXT-06", "logicVerified", (c, a) -> c.data().logicVerified() ? null
            : unverified(false, "the extraction logic", c.data().countVerified(), "the record count"))
        .guard("DATAOP-EXT-06", "countVerified", (c, a) -> c.data().logicVerified() && !c.data().countVerified()
            ? unverified(true, "the extraction logic", false, "the record count") : null)
        .guard("DATAOP-EXT-06", "sampledNumbers", (c, a) -> c.data().logicVerified() && c.data().countVerified()
            ? extractionSamples(c) : null)
        .guard("DATAOP-ROLE-03", "actor", DataOpMachines::reviewerNotDeveloper)
        .stamps("reviewerId", "reviewedAt").records("logicVerified", "countVerified", "sampledNumbers").add();
    b.transition("SM-DATAOP-EXT-T07", EXTRACTED, FAIL_REVIEW, REWORK).by(Role.DATA_REVIEWER)
        .records("findings").add();
    b.transition("SM-DATAOP-EXT-T07", REWORK, RESUBMIT, SCRIPT_READY).by(PROCESSORS)
        .guard("DATAOP-EXT-09", "scriptRef", DataOpMachines::scriptOnTicket)
        .records("scriptRef", "estimatedRowCount", "estimatedExecutionMinutes").add();
    b.transition("SM-DATAOP-EXT-T08", REVIEWED, DELIVER, DELIVERED).by(PROCESSORS)
        .guard("DATAOP-EXT-02", "deliveredTo", (c, a) -> ANALYSIS_ROOM.equals(c.data().deliveredTo().orElse(null))
            ? null : "extracted data goes only to 数据分析室, not " + c.data().deliveredTo().orElse("an unnamed party"))
        .records("deliveredTo").stamps("deliveredAt").add();
    b.transition("SM-DATAOP-EXT-T09", DELIVERED, NOTIFY_REQUESTER, AWAITING_BUSINESS_REVIEW)
        .by(Role.DATA_PROCESSOR_CITY, Role.DATA_PROCESSOR_DEV, Role.DATA_REVIEWER)
        .guard("DATAOP-EXT-07", "channel", (c, a) -> c.data().channel().isEmpty()
            ? "say how the requester was told: SMS, EMAIL, PHONE or OTHER" : null)
        .guard("DATAOP-EXT-11", "actor", (c, a) -> c.rec().reviewerId().isPresent() ? null
            : "the requester is asked for business confirmation only after the reviewer passed the result")
        .records("channel").stamps("requesterNotifiedAt").add();
    b.transition("SM-DATAOP-EXT-T10", AWAITING_BUSINESS_REVIEW, CONFIRM_BUSINESS, CLOSED)
        .by(Role.DATA_SUBMITTER, Role.REQUESTER)
        .guard("DATAOP-EXT-01", "actor", DataOpMachines::fromAnalysisRoom)
        .stamps("businessConfirmedBy", "businessConfirmedAt").add();
    for (DataOpState s : List.of(DRAFT, SUBMITTED, ASSESSED, SCRIPT_READY, SCRIPT_APPROVED)) {
      b.transition("SM-DATAOP-EXT-T11", s, CANCEL, CANCELLED).by(Role.DATA_SUBMITTER).records("reason").add();
    }
    return b.terminal(CLOSED, CANCELLED).build();
  }

  /**
   * The checks and records of putting the script and the backup on a modification ticket, the first time
   * (SM-DATAOP-MOD-T03) and after a failed review (SM-DATAOP-MOD-T10): who may do it (DATAOP-ROLE-02), the script
   * and the backup on the ticket (DATAOP-MOD-03) and the original data and script placed (DATAOP-MOD-09).
   */
  private static void scriptAndBackup(
      StateMachine.Builder<DataOpState, DataOpEvent, DataOpContext>.TransitionBuilder t) {
    t.guard("DATAOP-ROLE-02", "actor", DataOpMachines::processorKind)
        .guard("DATAOP-SENS-03", "actor", (c, a) -> c.op().involvesLevel1Sensitive()
            && a.kind() == ActorKind.DEVELOPER_REMOTE
            ? "the backup reads the level-1 sensitive data, which a remote developer may not handle (不能给远端开发商处理)"
            : null)
        .guard("DATAOP-MOD-03", "scriptRef", DataOpMachines::scriptOnTicket)
        .guard("DATAOP-MOD-09", "inlineOriginalDataAndScript", DataOpMachines::evidencePlaced)
        .guard("DATAOP-MOD-03", "backupRef", DataOpMachines::backupOnTicket)
        .records("scriptRef", "backupRef", "backupTakenAt", "attachments", "inlineOriginalDataAndScript").add();
  }

  /**
   * The checks and records both paths of SM-DATAOP-MOD-T07 (the city processor's and the assigned developer's)
   * share, after each path's own guards: execution after 技术审批 (DATAOP-MOD-18), who may touch sensitive data
   * (DATAOP-SENS-03), the batch form on the actual count (DATAOP-SENS-04).
   */
  private static void execution(StateMachine.Builder<DataOpState, DataOpEvent, DataOpContext>.TransitionBuilder t) {
    t.guard("DATAOP-MOD-18", "techApprovedAt", (c, a) -> notBefore(c.rec().techApprovedAt(), c.at(),
        "技术审批", "执行"))
        .guard("DATAOP-SENS-03", "actor", DataOpMachines::sensitiveExecutor)
        .guard("DATAOP-SENS-04", "batchSensitiveFormApprovedBy", DataOpMachines::batchSensitiveFormOnActualCount)
        .stamps("executorId", "executedAt", "batch", "batchReasons")
        .requires("DATAOP-DEF-02", "actualRecordCount").records("batchSensitiveFormApprovedBy",
            "batchSensitiveFormApprovedAt").add();
  }

  // ---- guards shared by both machines ----

  static String scriptOnTicket(DataOpContext c, Actor a) {
    return blank(c.data().scriptRef()) ? "the script must be on the ticket (scriptRef)" : null;
  }

  static String reviewerNotDeveloper(DataOpContext c, Actor a) {
    return a.isDeveloper() ? "the reviewer is branch staff, never a developer; " + a.id() + " is " + a.kind() : null;
  }

  static String fromAnalysisRoom(DataOpContext c, Actor a) {
    return ANALYSIS_ROOM.equals(a.org().orElse(null)) ? null
        : "extractions are requested and confirmed only by 数据分析室, not " + a.org().orElse("an actor of no org");
  }

  /** DATAOP-SENS-01: a non-routine operation on level-1 sensitive data needs the superior's approved access form. */
  static String sensitiveAccessFormApproved(DataOpContext c, Actor a) {
    if (!c.op().involvesLevel1Sensitive() || c.op().routineOperation()) {
      return null;
    }
    return formFailure(c, approval(c.data().sensitiveAccessFormApprovedBy(),
            c.data().sensitiveAccessFormApprovedAt(), c.at()).or(() -> c.rec().sensitiveAccessForm()),
        "non-routine work on level-1 sensitive data needs an approved 运维访问敏感数据审批表", "access form",
        Role.SUPERIOR_SUPERVISOR, "a", f -> c.rec().submitterId().filter(f.approver().id()::equals).isPresent()
            ? "the initiator " + f.approver().id() + " may not approve their own access form" : null);
  }

  /** DATAOP-SENS-04: a batch change of level-1 sensitive data needs the room manager's approved batch form. */
  static String batchSensitiveFormApproved(DataOpContext c, boolean batch) {
    if (!batch || !c.op().involvesLevel1Sensitive()) {
      return null;
    }
    return formFailure(c, approval(c.data().batchSensitiveFormApprovedBy(),
            c.data().batchSensitiveFormApprovedAt(), c.at()).or(() -> c.rec().batchSensitiveForm()),
        "a batch change of level-1 sensitive data needs a 批量敏感数据修改审批单 approved by the room manager",
        "batch form", Role.ROOM_MANAGER, "the", f -> null);
  }

  /**
   * What is wrong with a sensitive-data form, in the order the rules ask: it is missing, its approver lacks
   * {@code role}, {@code further} objects, or it was approved after the operation; null when nothing is.
   */
  private static String formFailure(DataOpContext c, Optional<Approval> form, String missing, String name, Role role,
      String article, Function<Approval, String> further) {
    if (form.isEmpty()) {
      return missing;
    }
    Approval f = form.get();
    if (!f.approver().hasRole(role)) {
      return "the " + name + " was approved by " + f.approver().id() + ", who is not " + article + " " + role;
    }
    if (f.approver().kind() != ActorKind.CITY_STAFF) {
      return "the " + name + " is approved by the company's own " + role + " (获得本公司上级主管人员的审批许可); "
          + f.approver().id() + " is " + f.approver().kind();
    }
    String objection = further.apply(f);
    if (objection != null) {
      return objection;
    }
    return f.approvedAt().isAfter(c.at()) ? "the " + name + " was approved after the operation" : null;
  }

  static Optional<Approval> approval(Optional<Actor> by, Optional<Instant> when, Instant at) {
    return by.map(actor -> new Approval(actor, when.orElse(at)));
  }

  /** DATAOP-SENS-03 on the executing actor: not remote; on site only with a city monitor throughout. */
  static String sensitiveExecutor(DataOpContext c, Actor a) {
    if (!c.op().involvesLevel1Sensitive()) {
      return null;
    }
    return sensitiveDeveloper(a.kind(), Optional.of(a.id()),
        c.data().cityMonitorId().or(() -> c.rec().cityMonitorId()),
        c.data().cityMonitorPresentThroughout() || c.rec().cityMonitorPresentThroughout());
  }

  /**
   * 「一级敏感数据可以给在现场的开发商处理,市公司人员全程监控.不能给远端开发商处理」: never a remote developer; an on-site one
   * with a named monitor present throughout, who is not the developer (a directory checks the monitor is city staff,
   * {@link org.opsbook.rules.dataop.DataOpEventData#withPeopleFrom}).
   */
  private static String sensitiveDeveloper(ActorKind kind, Optional<String> developerId, Optional<String> monitorId,
      boolean present) {
    if (kind == ActorKind.DEVELOPER_REMOTE) {
      return "level-1 sensitive data may not be given to a remote developer (远端开发商)";
    }
    if (kind == ActorKind.DEVELOPER_ONSITE && (monitorId.filter(m -> !m.isBlank()).isEmpty() || !present)) {
      return "an on-site developer handles level-1 sensitive data only with a named city monitor present throughout";
    }
    if (kind == ActorKind.DEVELOPER_ONSITE && monitorId.equals(developerId)) {
      return "the city monitor (市公司人员全程监控) is someone other than the developer who handles the data";
    }
    return null;
  }

  /**
   * DATAOP-ROLE-02 「数据操作处理人可以是开发商,也可以是深圳分公司系统维护人员」: whoever acts as processor is a developer
   * or branch staff, never an outside party or the system.
   */
  static String processorKind(DataOpContext c, Actor a) {
    if (a.kind() == ActorKind.CITY_STAFF && a.roles().contains(Role.DATA_PROCESSOR_DEV)
        && !a.roles().contains(Role.DATA_PROCESSOR_CITY)) {
      // read as city staff, a developer would pass every check of where he works (DATAOP-SENS-03)
      return a.id() + " acts as 数据操作处理人(开发商) but its kind is CITY_STAFF: state DEVELOPER_ONSITE or "
          + "DEVELOPER_REMOTE";
    }
    return a.isDeveloper() || a.kind() == ActorKind.CITY_STAFF ? null
        : "数据操作处理人 is a developer or 深圳分公司 maintenance staff; " + a.id() + " is " + a.kind();
  }

  // ---- modification guards ----

  /**
   * DATAOP-MOD-09: a single-number change (DATAOP-DEF-03) records the number's original data and the script in the
   * ticket's title or body, or attaches them, so the ticket can be searched by number. For a batch change the manual
   * only permits attachments (「则可在系统上以附件的形式存放」); the backup itself is DATAOP-MOD-03's.
   */
  private static String evidencePlaced(DataOpContext c, Actor a) {
    Set<Attachment> att = c.data().attachments();
    if (c.op().singleNumber() && !Batch.of(c.ticket(), c.params()).isBatch()) {
      return c.data().inlineOriginalDataAndScript() || att.contains(Attachment.SCRIPT) ? null
          : "a single-number change records the original data and the script in the ticket's title or body "
              + "(inlineOriginalDataAndScript), or attaches them";
    }
    return null;
  }

  private static String ticketKindAllowsModification(DataOpContext c, Actor a) {
    Optional<TicketKind> k = c.op().ticketKind();
    return k.isPresent() && k.get().allowsModification() ? null
        : "a modification must be raised on an AMS数据修改单, CMCP业务故障单 or IT协作单, not "
            + k.map(Enum::name).orElse("no ticket");
  }

  private static String sideEffectsStated(DataOpContext c, Actor a) {
    List<String> missing = new ArrayList<>();
    if (blank(c.op().sideEffectsBusiness())) {
      missing.add("business (业务)");
    }
    if (blank(c.op().sideEffectsAccounts())) {
      missing.add("accounts (帐务)");
    }
    if (blank(c.op().sideEffectsReports())) {
      missing.add("reports (报表)");
    }
    return missing.isEmpty() ? null : "state the side effects on " + String.join(", ", missing) + ", or 无";
  }

  private static String faultFixCoversFullScope(DataOpContext c, Actor a) {
    if (c.op().linkedFaultId().isEmpty()) {
      return null;
    }
    return blank(c.op().fullScopeExtractionRef()) && blank(c.op().fullScopeJustification())
        ? "a fix for fault " + c.op().linkedFaultId().get()
            + " must cover every record the fault damaged: give the full extraction or a justification"
        : null;
  }

  private static String branchApprover(DataOpContext c, Actor a) {
    return a.kind() == ActorKind.CITY_STAFF ? null
        : "业务审批 and 技术审批 are given by branch staff; " + a.id() + " is " + a.kind();
  }

  private static String backupOnTicket(DataOpContext c, Actor a) {
    if (c.op().insertOnly() && c.params().allowNoBackupForInsertOnly()) {
      return null;
    }
    return blank(c.data().backupRef()) ? "the data must be backed up on the ticket (backupRef)" : null;
  }

  private static String backupBeforeExecution(DataOpContext c, Actor a) {
    if (c.op().insertOnly() && c.params().allowNoBackupForInsertOnly()) {
      return null;
    }
    Optional<Instant> taken = c.rec().backupTakenAt();
    if (taken.isEmpty()) {
      return "no backup was taken before the modification";
    }
    return taken.get().isBefore(c.at()) ? null : "the backup must be taken before the modification, not at "
        + taken.get();
  }

  private static String sensitiveAssignment(DataOpContext c, Actor a) {
    if (!c.op().involvesLevel1Sensitive()) {
      return null;
    }
    return sensitiveDeveloper(c.data().executorKind().orElse(ActorKind.DEVELOPER_REMOTE), c.data().developerId(),
        c.data().cityMonitorId(), c.data().cityMonitorPresentThroughout());
  }

  private static String isAssignedDeveloper(DataOpContext c, Actor a) {
    return c.rec().assignedDeveloperId().filter(a.id()::equals).isPresent() ? null
        : a.id() + " is not the developer this ticket was assigned to ("
            + c.rec().assignedDeveloperId().orElse("none") + ")";
  }

  private static String consentByTheSubmitter(DataOpContext c, Actor a) {
    if (c.rec().submitterId().filter(a.id()::equals).isEmpty()) {
      return "only the submitter " + c.rec().submitterId().orElse("") + " may consent, not " + a.id();
    }
    Optional<Instant> reply = c.rec().developerImpactReplyAt();
    if (reply.isEmpty()) {
      return "the developer has not stated the impact yet";
    }
    return reply.get().isAfter(c.at()) ? "consent must follow the developer's impact statement" : null;
  }

  private static String developerAttachedScriptAndBackup(DataOpContext c, Actor a) {
    Set<Attachment> att = c.rec().attachments();
    Set<String> missing = new HashSet<>();
    if (!att.contains(Attachment.SCRIPT)) {
      missing.add("SCRIPT");
    }
    if (!att.contains(Attachment.BACKUP)) {
      missing.add("BACKUP");
    }
    return missing.isEmpty() ? null
        : "a developer puts the backup and the script on the ticket as attachments; missing " + new TreeSet<>(missing);
  }

  private static String batchSensitiveFormOnActualCount(DataOpContext c, Actor a) {
    int actual = c.data().actualRecordCount().orElse(c.ticket().effectiveRecordCount());
    return batchSensitiveFormApproved(c, Batch.classify(c.op(), actual, c.params()).isBatch());
  }

  /** DATAOP-MOD-15's samples: a batch's at least three distinct numbers, and none failing the criteria. */
  private static String modificationSamples(DataOpContext c) {
    if (Batch.of(c.ticket(), c.params()).isBatch()) {
      int needed = Math.min(c.params().batchModSampleMin(), c.ticket().effectiveRecordCount());
      return samples(c.data().sampledNumbers(), needed);
    }
    return failedSample(c.data().sampledNumbers());
  }

  /**
   * What a review left unverified, as "the reviewer must verify the first and the second" (DATAOP-MOD-15,
   * DATAOP-EXT-06); null when the reviewer verified both.
   */
  private static String unverified(boolean first, String firstName, boolean second, String secondName) {
    List<String> missing = new ArrayList<>();
    if (!first) {
      missing.add(firstName);
    }
    if (!second) {
      missing.add(secondName);
    }
    return missing.isEmpty() ? null : "the reviewer must verify " + String.join(" and ", missing);
  }

  private static String batchReviewerIndependent(DataOpContext c, Actor a) {
    boolean batch = Batch.of(c.ticket(), c.params()).isBatch();
    if (!batch && !c.op().important()) {
      return null;
    }
    return c.rec().processorIds().contains(a.id())
        ? a.id() + " acted as 数据操作处理人 on this " + (batch ? "batch" : "important")
            + " modification and may not review it" : null;
  }

  private static String initiatorNotAccepting(DataOpContext c, Actor a) {
    Optional<String> initiator = c.rec().submitterId();
    if (initiator.isEmpty() || !c.rec().executorIds().contains(initiator.get())) {
      return null;
    }
    if (initiator.get().equals(a.id())) {
      return "the initiator " + a.id() + " executed the change and may not accept it (自行验收): neither its review "
          + "nor its business confirmation";
    }
    return a.kind() == ActorKind.CITY_STAFF ? null
        : "the change the initiator executed is accepted by other branch staff (深圳分公司其他人员), not " + a.kind();
  }

  // ---- extraction guards ----

  /**
   * When a run reported at {@code at} started: its {@code startedAt}, else {@code actualExecutionMinutes} before the
   * report, since a run is reported once it has ended (DATAOP-EXT-04: a run reported at 18:05 after 20 minutes ran
   * from 17:45, in the peak hours).
   */
  static Instant runStart(DataOpEventData d, Instant at) {
    return d.startedAt().orElseGet(() -> at.minusSeconds(Math.round(d.actualExecutionMinutes().orElse(0) * 60)));
  }

  /**
   * DATAOP-EXT-04 on a run as it happened from {@code start} ({@link #runStart}): the breach, if the run was large or
   * long by its estimate or by its actual rows and minutes and overlapped the peak hours of a working day; empty when
   * it kept the ban.
   */
  static Optional<String> peakHourBreach(DataOpTicket t, DataOpEventData d, Instant start, ExtractionWindow w) {
    int rows = d.actualRowCount().orElse(0);
    double minutes = d.actualExecutionMinutes().orElse(0);
    if (!w.decide(rows, minutes, start).allowed()) {
      return Optional.of("the extraction ran " + rows + " rows for " + minutes + " minutes from " + start
          + " into the peak hours of a working day (上班高峰时间)");
    }
    if (!w.decide(t.estimatedRowCount(), t.estimatedExecutionMinutes(), start).allowed()) {
      return Optional.of("the extraction was started at " + start + " in the peak hours of a working day although "
          + "its estimate (" + t.estimatedRowCount() + " rows, " + t.estimatedExecutionMinutes()
          + " minutes) made it large or long");
    }
    return Optional.empty();
  }

  /** DATAOP-EXT-06's samples: at least three distinct numbers (all rows when fewer), none failing the criteria. */
  private static String extractionSamples(DataOpContext c) {
    int rows = c.rec().actualRowCount().orElse(Integer.MAX_VALUE);
    return samples(c.data().sampledNumbers(), Math.min(c.params().extractionSampleMin(), rows));
  }

  /**
   * Each distinct number counts once, compared by its keyed digest and never by its mask: 13800138000, 13811118000
   * and 13822228000 all show as 138****8000 yet are three samples; one number listed twice is one.
   */
  private static String samples(List<Sample> sampled, int needed) {
    long distinct = sampled.stream().map(Sample::digest).distinct().count();
    if (distinct < needed) {
      return "the reviewer must sample at least " + needed + " numbers, found " + distinct;
    }
    return failedSample(sampled);
  }

  private static String failedSample(List<Sample> sampled) {
    for (Sample s : sampled) {
      if (!s.meetsCriteria()) {
        return "sampled number " + s.maskedNumber() + " does not meet the criteria";
      }
    }
    return null;
  }

  // ---- helpers ----

  private static String notBefore(Optional<Instant> earlier, Instant at, String first, String then) {
    if (earlier.isEmpty()) {
      return first + " is not recorded";
    }
    return earlier.get().isAfter(at) ? then + " at " + at + " may not precede " + first + " at " + earlier.get() : null;
  }
}
