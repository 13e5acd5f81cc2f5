package org.opsbook.rules.internal.cutover;

import static org.opsbook.rules.cutover.CutoverEvent.APPLY_VIA_AMS;
import static org.opsbook.rules.cutover.CutoverEvent.APPROVE_REPORT;
import static org.opsbook.rules.cutover.CutoverEvent.ARCHIVE;
import static org.opsbook.rules.cutover.CutoverEvent.ARRIVE;
import static org.opsbook.rules.cutover.CutoverEvent.COMPLETE_AND_POST_CHECK;
import static org.opsbook.rules.cutover.CutoverEvent.COUNTERSIGN;
import static org.opsbook.rules.cutover.CutoverEvent.CREATE;
import static org.opsbook.rules.cutover.CutoverEvent.INVOKE_EMERGENCY_PLAN;
import static org.opsbook.rules.cutover.CutoverEvent.NOTIFY_CS_FOR_BUSINESS_TEST;
import static org.opsbook.rules.cutover.CutoverEvent.NOTIFY_STAKEHOLDERS;
import static org.opsbook.rules.cutover.CutoverEvent.ORDER_START;
import static org.opsbook.rules.cutover.CutoverEvent.OWNER_REVIEW;
import static org.opsbook.rules.cutover.CutoverEvent.PRE_CHECK;
import static org.opsbook.rules.cutover.CutoverEvent.PRE_MEETING;
import static org.opsbook.rules.cutover.CutoverEvent.PROVINCE_DECISION;
import static org.opsbook.rules.cutover.CutoverEvent.PUBLISH_ANNOUNCEMENT;
import static org.opsbook.rules.cutover.CutoverEvent.RELAY_COMPLAINT;
import static org.opsbook.rules.cutover.CutoverEvent.RESOLVE_COMPLAINT;
import static org.opsbook.rules.cutover.CutoverState.ABORTED;
import static org.opsbook.rules.cutover.CutoverState.ANNOUNCED;
import static org.opsbook.rules.cutover.CutoverState.APPLIED;
import static org.opsbook.rules.cutover.CutoverState.ARCHIVED;
import static org.opsbook.rules.cutover.CutoverState.BRIEFED;
import static org.opsbook.rules.cutover.CutoverState.COUNTERSIGNED;
import static org.opsbook.rules.cutover.CutoverState.CS_TESTING;
import static org.opsbook.rules.cutover.CutoverState.DRAFTING;
import static org.opsbook.rules.cutover.CutoverState.INITIAL;
import static org.opsbook.rules.cutover.CutoverState.IN_PROGRESS;
import static org.opsbook.rules.cutover.CutoverState.OWNER_REVIEWED;
import static org.opsbook.rules.cutover.CutoverState.POST_CHECKED;
import static org.opsbook.rules.cutover.CutoverState.PROVINCE_APPROVED;
import static org.opsbook.rules.cutover.CutoverState.READY;
import static org.opsbook.rules.cutover.CutoverState.REJECTED;
import static org.opsbook.rules.cutover.CutoverState.STAKEHOLDERS_NOTIFIED;
import static org.opsbook.rules.cutover.CutoverState.SUPERVISOR_APPROVED;
import static org.opsbook.rules.internal.Inputs.blank;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.core.Actor;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.StateMachine;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverEventData.ImportantOperation;
import org.opsbook.rules.cutover.ReportContent;
import org.opsbook.rules.cutover.CutoverRecord.RecordedStep;

/**
 * The declared transition table of SM-CUTOVER (catalog §13.1) and its guards, each named by the rule that demands
 * it. CUTOVER-07 (announce before starting) is enforced where the path would skip the announcement, on
 * notifyStakeholders from COUNTERSIGNED, since no later state can still publish it.
 */
final class CutoverMachine {
  /** 运营管理室: the host room of every cutover (CUTOVER-04). */
  static final String HOST_ROOM = "运营管理室";
  /** 信息技术中心: always a countersigner (CUTOVER-06). */
  static final String IT_CENTRE = "信息技术中心";

  static final StateMachine<CutoverState, CutoverEvent, CutoverContext> MACHINE = build();

  private CutoverMachine() {}

  private static StateMachine<CutoverState, CutoverEvent, CutoverContext> build() {
    StateMachine.Builder<CutoverState, CutoverEvent, CutoverContext> b =
        StateMachine.builder("SM-CUTOVER", CutoverState.class, CutoverEvent.class, CutoverContext.class);
    b.transition("SM-CUTOVER-T01", INITIAL, CREATE, DRAFTING).by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", (c, a) -> HOST_ROOM.equals(a.org().orElse(null)) ? null
            : "the first responsible person is 运营管理室's cutover administrator, not " + a.org().orElse("no org"))
        .stamps("trigger", "system", "category", "plannedStart").add();
    b.transition("SM-CUTOVER-T02", DRAFTING, OWNER_REVIEW, OWNER_REVIEWED).by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
        .guard("CUTOVER-10", "draftContents", CutoverMachine::draftComplete)
        .guard("CUTOVER-11", "feasible", CutoverMachine::ownerReviewed)
        .records("draftContents", "feasible", "businessTimeAgreed", "generalAffairsConsulted").add();
    b.transition("SM-CUTOVER-T03", OWNER_REVIEWED, APPROVE_REPORT, SUPERVISOR_APPROVED)
        .by(Role.APPROVING_SUPERVISOR)
        .guard("CUTOVER-12", "actor", (c, a) -> c.rec().ownerId().filter(a.id()::equals).isPresent()
            ? "the report is submitted to a supervisor for approval (提交给主管审批); its owner " + a.id()
                + " may not approve it" : null)
        .guard("CUTOVER-12", "reportContents", CutoverMachine::reportComplete)
        .records("reportContents").add();
    b.transition("SM-CUTOVER-T04", SUPERVISOR_APPROVED, APPLY_VIA_AMS, APPLIED).by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
        .guard("CUTOVER-24", "applicationContents", CutoverMachine::applicationComplete)
        .guard("CUTOVER-23", "applicationSubmittedAt", CutoverMachine::appliedInTime)
        .requires("CUTOVER-05", "amsApplicationNo").records("applicationContents")
        .stamps("applicationSubmittedAt").add();
    b.transition("SM-CUTOVER-T05", APPLIED, PROVINCE_DECISION,
            c -> c.data().approved().orElse(false) ? PROVINCE_APPROVED : REJECTED)
        .by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
        .requires("CUTOVER-03", "approved").add();
    b.transition("SM-CUTOVER-T06", PROVINCE_APPROVED, COUNTERSIGN, COUNTERSIGNED).by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
        .guard("CUTOVER-06", "countersigners", CutoverMachine::countersigned)
        .records("countersigners", "countersignMedium").add();
    b.transition("SM-CUTOVER-T07", COUNTERSIGNED, PUBLISH_ANNOUNCEMENT, ANNOUNCED).by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
        .guard("CUTOVER-07", "announcementRef", (c, a) -> blank(c.data().announcementRef())
            ? "the announcement is a document to 行政服务中心; give its reference" : null)
        .records("announcementRef", "media").add();
    b.transition("SM-CUTOVER-T08", COUNTERSIGNED, NOTIFY_STAKEHOLDERS, STAKEHOLDERS_NOTIFIED).by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
        .guard("CUTOVER-07", "announcementRef", (c, a) -> c.facts().announcementRequired()
            ? "customers' business is affected: 行政服务中心 must publish the announcement first" : null)
        .guard("CUTOVER-08", "noticeContents", CutoverMachine::stakeholdersTold)
        .records("recipients", "leaderInChargeNotified", "noticeContents").add();
    b.transition("SM-CUTOVER-T08", ANNOUNCED, NOTIFY_STAKEHOLDERS, STAKEHOLDERS_NOTIFIED).by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
        .guard("CUTOVER-08", "noticeContents", CutoverMachine::stakeholdersTold)
        .records("recipients", "leaderInChargeNotified", "noticeContents").add();
    b.transition("SM-CUTOVER-T09", STAKEHOLDERS_NOTIFIED, PRE_MEETING, BRIEFED).by(Role.CUTOVER_ONSITE_LEAD)
        .guard("CUTOVER-13", "attendeeRoles", CutoverMachine::meetingHeld)
        .records("attendeeRoles").add();
    for (CutoverState s : List.of(STAKEHOLDERS_NOTIFIED, BRIEFED)) {
      b.transition("SM-CUTOVER-T09", s, ARRIVE, s).by(Role.CUTOVER_OWNER)
          .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
          .records("leadQualified").stamps("leadArrivedAt").add();
    }
    b.transition("SM-CUTOVER-T09", BRIEFED, PRE_CHECK, READY)
        .by(Role.CUTOVER_OPERATOR, Role.CUTOVER_ONSITE_LEAD, Role.CUTOVER_OWNER)
        .guard("CUTOVER-14", "leadArrivedAt", CutoverMachine::leadOnSiteInTime)
        .guard("CUTOVER-15", "preChecklistRef", (c, a) -> blank(c.data().preChecklistRef())
            || !c.data().preConditionsMet()
            ? "record the pre-cutover checklist and confirm the equipment meets the conditions" : null)
        .records("preChecklistRef", "preConditionsMet").add();
    // CUTOVER-09 「按照批准的方案组织进行」: the approved plan holds the cutover's time (割接时间), from which its lead time
    // (CUTOVER-23), the notice (CUTOVER-08) and the owner's arrival (CUTOVER-14) are all measured.
    b.transition("SM-CUTOVER-T10", READY, ORDER_START, IN_PROGRESS).by(Role.CUTOVER_ONSITE_LEAD)
        .guard("CUTOVER-09", "at", CutoverMachine::notBeforeApprovedTime)
        .guard("CUTOVER-16", "allPartiesPresent", (c, a) -> c.data().allPartiesPresent() ? null
            : "the host staff, cooperating departments and contractor must all be on site and ready")
        .records("allPartiesPresent").stamps("startOrderedAt").add();
    b.transition("SM-CUTOVER-T11", IN_PROGRESS, COMPLETE_AND_POST_CHECK, POST_CHECKED)
        .by(Role.CUTOVER_OPERATOR, Role.CUTOVER_WATCHER, Role.CUTOVER_ONSITE_LEAD)
        .guard("CUTOVER-18", "importantOperations", CutoverMachine::twoPersonOperations)
        .guard("CUTOVER-19", "testResultsRef", (c, a) -> blank(c.data().testResultsRef())
            ? "record the tests and verification run under the on-site lead" : null)
        .guard("CUTOVER-21", "postChecklistRef", CutoverMachine::postChecked)
        .records("importantOperations", "testResultsRef", "postChecklistRef", "equipmentNormal",
            "expectedEffectAchieved", "planDeviations").add();
    b.transition("SM-CUTOVER-T12", POST_CHECKED, NOTIFY_CS_FOR_BUSINESS_TEST, CS_TESTING).by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
        .stamps("csNotifiedAt").add();
    b.transition("SM-CUTOVER-T13", IN_PROGRESS, INVOKE_EMERGENCY_PLAN, ABORTED).by(Role.CUTOVER_ONSITE_LEAD)
        .requires("SM-CUTOVER-T13", "reason").records("rollbackSteps").add();
    b.transition("SM-CUTOVER-T14", CS_TESTING, ARCHIVE, ARCHIVED).by(Role.CUTOVER_OWNER)
        .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
        .guard("CUTOVER-22", "csTestResultsRef", (c, a) -> blank(c.data().csTestResultsRef())
            ? "record customer service's business-test results" : null)
        .guard("CUTOVER-09", "archiveRef", (c, a) -> blank(c.data().processLogRef()) || blank(c.data().archiveRef())
            ? "record the cutover process log and the document archive" : null)
        .guard("CUTOVER-20", "openComplaints", (c, a) -> c.rec().openComplaints().isEmpty() ? null
            : "customer complaints relayed during the cutover are still unresolved: " + c.rec().openComplaints()
                .keySet())
        .records("csTestResultsRef", "processLogRef", "archiveRef").add();
    // CUTOVER-20 「工程割接负责人员应密切注意客户服务中心反馈过来的客户投诉,及时解决处理」: each complaint relayed during
    // the cutover is put on it, and is the owner's duty until resolved.
    b.transition("SM-CUTOVER-T15", IN_PROGRESS, RELAY_COMPLAINT, IN_PROGRESS)
        .by(Role.CUTOVER_OWNER, Role.CUTOVER_ONSITE_LEAD)
        .guard("CUTOVER-20", "complaintRefs", (c, a) -> c.data().complaintRefs().stream().allMatch(String::isBlank)
            ? "name the complaints 客户服务中心 relayed (complaintRefs)" : null)
        .records("complaintRefs").add();
    for (CutoverState s : List.of(IN_PROGRESS, POST_CHECKED, CS_TESTING)) {
      b.transition("SM-CUTOVER-T16", s, RESOLVE_COMPLAINT, s).by(Role.CUTOVER_OWNER)
          .guard("CUTOVER-04", "actor", CutoverMachine::theOwner)
          .guard("CUTOVER-20", "complaintRefs", CutoverMachine::resolvesOpenComplaints)
          .records("complaintRefs").add();
    }
    return b.terminal(ARCHIVED, REJECTED, ABORTED).build();
  }

  /** CUTOVER-20: a resolution names complaints that were relayed and are still open. */
  private static String resolvesOpenComplaints(CutoverContext c, Actor a) {
    Set<String> refs = c.data().complaintRefs();
    if (refs.isEmpty()) {
      return "name the complaints resolved (complaintRefs)";
    }
    Set<String> unknown = new TreeSet<>(refs);
    unknown.removeAll(c.rec().openComplaints().keySet());
    return unknown.isEmpty() ? null : "no open complaint relayed during the cutover is named " + unknown;
  }

  /** CUTOVER-04: one first responsible person; the owner's steps are theirs alone. */
  private static String theOwner(CutoverContext c, Actor a) {
    return c.rec().ownerId().filter(a.id()::equals).isPresent() ? null
        : "only the cutover's first responsible person " + c.rec().ownerId().orElse("") + " may do this, not " + a.id();
  }

  private static String draftComplete(CutoverContext c, Actor a) {
    Set<ReportContent> needed = EnumSet.of(ReportContent.PLAN, ReportContent.EMERGENCY_PLAN,
        ReportContent.DIAL_TEST_LIST);
    needed.removeAll(c.data().draftContents());
    return needed.isEmpty() ? null : "the developer's draft lacks " + needed;
  }

  private static String ownerReviewed(CutoverContext c, Actor a) {
    List<String> missing = new ArrayList<>();
    if (!c.data().feasible()) {
      missing.add("the plan's feasibility");
    }
    if (!c.data().businessTimeAgreed()) {
      missing.add("the time agreed with the business departments");
    }
    if ((c.facts().announcementRequired() || c.facts().needsSocialAnnouncement())
        && !c.data().generalAffairsConsulted()) {
      missing.add("the announcement discussed with 综合部");
    }
    return missing.isEmpty() ? null : "the owner's review must confirm " + String.join(", ", missing);
  }

  private static String reportComplete(CutoverContext c, Actor a) {
    Set<ReportContent> given = c.data().reportContents().isEmpty() ? c.facts().reportContents()
        : c.data().reportContents();
    List<ReportContent> missing = c.rules().missingReportContents(given, c.facts().needsSocialAnnouncement());
    return missing.isEmpty() ? null : "the report lacks " + missing;
  }

  private static String applicationComplete(CutoverContext c, Actor a) {
    List<ApplicationContent> missing = c.rules().missingApplicationContents(applicationContents(c));
    return missing.isEmpty() ? null : "the application lacks " + missing;
  }

  static Set<ApplicationContent> applicationContents(CutoverContext c) {
    return c.data().applicationContents().isEmpty() ? c.facts().applicationContents()
        : c.data().applicationContents();
  }

  private static String appliedInTime(CutoverContext c, Actor a) {
    Instant start = c.facts().plannedStart().orElseThrow();
    return c.rules().leadTimeOk(start, Optional.of(c.at())) ? null
        : "the application must be complete by "
            + c.rules().applicationDeadline(start).atZone(c.rules().calendar().zone()).toOffsetDateTime() + ", "
            + c.params().cutoverLeadWorkingDays() + " working days ahead";
  }

  private static String countersigned(CutoverContext c, Actor a) {
    List<String> problems = new ArrayList<>();
    if (c.data().countersignMedium().isEmpty()) {
      problems.add("say whether by 无纸化审批系统 form or 发文");
    }
    Set<String> missing = new TreeSet<>(c.facts().relatedDepartments());
    missing.add(IT_CENTRE);
    missing.removeAll(c.data().countersigners());
    if (!missing.isEmpty()) {
      problems.add("not yet countersigned by " + missing);
    }
    Optional<Instant> approved = c.rec().step(PROVINCE_DECISION).map(RecordedStep::at);
    if (approved.isPresent() && approved.get().isAfter(c.at())) {
      problems.add("countersignature may not precede the province's approval");
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static String stakeholdersTold(CutoverContext c, Actor a) {
    List<String> problems = new ArrayList<>();
    if (!c.data().leaderInChargeNotified()) {
      problems.add("the leader in charge (分管领导) must be told");
    }
    if (!c.data().noticeContents().contains(ApplicationContent.TIME)
        || !c.data().noticeContents().contains(ApplicationContent.IMPACT_SCOPE)) {
      problems.add("the notice covers the time and the impact scope");
    }
    Set<String> untold = new TreeSet<>(c.facts().relatedDepartments());
    untold.removeAll(c.data().recipients());
    if (!untold.isEmpty()) {
      problems.add("the related departments (相关部门) must be told: " + untold);
    }
    if (!c.at().isBefore(c.facts().plannedStart().orElseThrow())) {
      problems.add("the notice goes out before the cutover starts");
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  /** CUTOVER-09: the cutover starts at the approved time, not before it. */
  private static String notBeforeApprovedTime(CutoverContext c, Actor a) {
    Instant start = c.facts().plannedStart().orElseThrow();
    return c.at().isBefore(start) ? "the cutover starts at its approved time " + start + ", not at " + c.at()
        : null;
  }

  private static String meetingHeld(CutoverContext c, Actor a) {
    Set<Role> needed = EnumSet.of(Role.CUTOVER_ONSITE_LEAD, Role.CONTRACTOR_LEAD, Role.CUTOVER_OPERATOR);
    needed.removeAll(c.data().attendeeRoles());
    return needed.isEmpty() ? null : "the pre-cutover meeting lacks " + needed;
  }

  private static String leadOnSiteInTime(CutoverContext c, Actor a) {
    Optional<RecordedStep> arrival = c.rec().step(ARRIVE);
    if (arrival.isEmpty()) {
      return "the owner's arrival on site is not recorded";
    }
    if (!arrival.get().data().leadQualified()) {
      return "the owner must hold the cutover qualification (相应资质)";
    }
    Instant latest = c.facts().plannedStart().orElseThrow()
        .minus(Duration.ofMinutes(c.params().cutoverLeadArrivalMinutes()));
    return arrival.get().at().isAfter(latest) ? "the owner must be on site by " + latest
        + ", " + c.params().cutoverLeadArrivalMinutes() + " minutes before the start" : null;
  }

  private static String twoPersonOperations(CutoverContext c, Actor a) {
    for (ImportantOperation op : c.data().importantOperations()) {
      if (!op.twoPeople()) {
        return "important operation '" + op.description() + "' needs one operator and a different watcher";
      }
    }
    return null;
  }

  private static String postChecked(CutoverContext c, Actor a) {
    if (blank(c.data().postChecklistRef())) {
      return "record the post-cutover checklist";
    }
    if (!c.data().equipmentNormal() || !c.data().expectedEffectAchieved()) {
      return "the equipment must run normally and the cutover achieve its expected effect";
    }
    return null;
  }
}
