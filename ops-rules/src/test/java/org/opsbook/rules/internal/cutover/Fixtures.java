package org.opsbook.rules.internal.cutover;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.testing.WorkflowDriver;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.CutoverEventData.CountersignMedium;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverCategory;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverSystem;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverTrigger;
import org.opsbook.rules.cutover.CutoverEventData.ImportantOperation;
import org.opsbook.rules.cutover.Cutover.ProjectScope;
import org.opsbook.rules.cutover.ReportContent;

/** Actors, facts and a driver for cutover tests. */
final class Fixtures {
  static final CutoverWorkflow WF = new CutoverWorkflow(StandardWorkCalendar.weekdays(), OpsParameters.defaults());

  static final Actor OWNER = actor("qian", "运营管理室", Role.CUTOVER_OWNER);
  static final Actor SUPERVISOR = actor("sun", "运营管理室", Role.APPROVING_SUPERVISOR);
  static final Actor LEAD = actor("zhou", "运营管理室", Role.CUTOVER_ONSITE_LEAD);
  static final Actor OPERATOR = actor("wu", "运营管理室", Role.CUTOVER_OPERATOR);
  static final Actor WATCHER = actor("zheng", "运营管理室", Role.CUTOVER_WATCHER);

  /** Thursday 2026-11-26 22:00 in Shanghai. */
  static final Instant START = at(2026, 11, 26, 22, 0);
  /** Monday 2026-11-16 10:00: the flow starts here. */
  static final Instant T0 = at(2026, 11, 16, 10, 0);

  private Fixtures() {}

  static Instant at(int y, int m, int d, int h, int min) {
    return ZonedDateTime.of(y, m, d, h, min, 0, 0, StandardWorkCalendar.SHANGHAI).toInstant();
  }

  static Actor actor(String id, String org, Role... roles) {
    return Actor.builder().id(id).org(org).kind(ActorKind.CITY_STAFF).addRoles(roles).build();
  }

  static Cutover.Builder facts() {
    return Cutover.builder().cutoverId("CO-1").system(CutoverSystem.BOSS).category(CutoverCategory.SOFTWARE)
        .trigger(CutoverTrigger.OM_NEED).projectScope(ProjectScope.CITY_MANAGED).plannedStart(START)
        .affectsCustomerBusiness(true).needsSocialAnnouncement(true)
        .addReportContents(ReportContent.values())
        .addApplicationContents(ApplicationContent.TIME, ApplicationContent.PLAN, ApplicationContent.PERSONNEL,
            ApplicationContent.IMPACT_SCOPE);
  }

  static CutoverEventData.Builder data() {
    return CutoverEventData.builder();
  }

  static CutoverEventData none() {
    return CutoverEventData.none();
  }

  static CutoverEventData review() {
    return data().addDraftContents(ReportContent.PLAN, ReportContent.EMERGENCY_PLAN, ReportContent.DIAL_TEST_LIST)
        .feasible(true).businessTimeAgreed(true).generalAffairsConsulted(true).build();
  }

  static CutoverEventData notice() {
    return data().addRecipients("分管领导", "客服中心").leaderInChargeNotified(true)
        .addNoticeContents(ApplicationContent.TIME, ApplicationContent.IMPACT_SCOPE).build();
  }

  static CutoverEventData meeting() {
    return data().addAttendeeRoles(Role.CUTOVER_ONSITE_LEAD, Role.CONTRACTOR_LEAD, Role.CUTOVER_OPERATOR).build();
  }

  static CutoverEventData postCheck() {
    return data().addImportantOperations(ImportantOperation.of("switch DB", "wu", "zheng")).testResultsRef("dial.xls")
        .postChecklistRef("post.xls").equipmentNormal(true).expectedEffectAchieved(true).build();
  }

  static CutoverEventData archive() {
    return data().csTestResultsRef("cs.doc").processLogRef("log.txt").archiveRef("ARC-1").build();
  }

  /** Drives one cutover, ten minutes per step from {@link #T0}. */
  static final class Flow extends WorkflowDriver<CutoverTicket, CutoverEvent, CutoverEventData, Flow> {
    Flow(Cutover facts) {
      super(WF, CutoverTicket.draft(facts.cutoverId().orElse("CO"), facts), T0, none());
    }

    CutoverState state() {
      return ticket.state();
    }

    Flow toCountersigned() {
      return ok(CutoverEvent.CREATE, OWNER).ok(CutoverEvent.OWNER_REVIEW, OWNER, review())
          .ok(CutoverEvent.APPROVE_REPORT, SUPERVISOR)
          .ok(CutoverEvent.APPLY_VIA_AMS, OWNER, data().amsApplicationNo("AMS-1").build())
          .ok(CutoverEvent.PROVINCE_DECISION, OWNER, data().approved(true).build())
          .ok(CutoverEvent.COUNTERSIGN, OWNER, data().addCountersigners("信息技术中心")
              .countersignMedium(CountersignMedium.PAPERLESS_APPROVAL_FORM).build());
    }

    Flow toBriefed() {
      return toCountersigned().ok(CutoverEvent.PUBLISH_ANNOUNCEMENT, OWNER, data().announcementRef("DOC-9")
          .media("深圳特区报").build()).ok(CutoverEvent.NOTIFY_STAKEHOLDERS, OWNER, notice())
          .ok(CutoverEvent.PRE_MEETING, LEAD, meeting());
    }

    Flow toInProgress() {
      toBriefed().ok(CutoverEvent.ARRIVE, OWNER, data().leadQualified(true).build())
          .ok(CutoverEvent.PRE_CHECK, OPERATOR, data().preChecklistRef("pre.xls").preConditionsMet(true).build());
      now = START.minus(Duration.ofMinutes(10)); // the next step is at START: the approved time (CUTOVER-09)
      return ok(CutoverEvent.ORDER_START, LEAD, data().allPartiesPresent(true).build());
    }
  }
}
