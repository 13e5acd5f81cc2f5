package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.Violation;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.testing.WorkflowDriver;
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

/** Actors, operations and a small driver for data-operation tests. */
final class Fixtures {
  static final OpsParameters P = OpsParameters.defaults();
  static final DataOpWorkflow MOD = DataOpWorkflow.modification(P);
  static final DataOpWorkflow EXT = DataOpWorkflow.extraction(P, StandardWorkCalendar.weekdays());

  static final Actor SUBMITTER = actor("zhang", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER);
  static final Actor BUSINESS = actor("wang", "运营管理室", ActorKind.CITY_STAFF, Role.BUSINESS_APPROVER);
  static final Actor CITY = actor("li", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_PROCESSOR_CITY);
  static final Actor CITY2 = actor("chen", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_PROCESSOR_CITY);
  static final Actor DEV = actor("dev1", "开发商", ActorKind.DEVELOPER_ONSITE, Role.DATA_PROCESSOR_DEV);
  static final Actor REMOTE_DEV = actor("dev2", "开发商", ActorKind.DEVELOPER_REMOTE, Role.DATA_PROCESSOR_DEV);
  static final Actor REVIEWER = actor("zhao", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_REVIEWER);
  static final Actor SUPERIOR = actor("boss", "运营管理室", ActorKind.CITY_STAFF, Role.SUPERIOR_SUPERVISOR);
  static final Actor MANAGER = actor("mgr", "运营管理室", ActorKind.CITY_STAFF, Role.ROOM_MANAGER);
  static final Actor REQUESTER = actor("req", "市场部", ActorKind.CITY_STAFF, Role.REQUESTER);
  static final Actor ANALYST = actor("ana", "数据分析室", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER);

  /** Wednesday 2026-11-25 19:00 in Shanghai: outside peak hours. */
  static final Instant T0 = ZonedDateTime.of(2026, 11, 25, 19, 0, 0, 0, StandardWorkCalendar.SHANGHAI).toInstant();

  private Fixtures() {}

  static Actor actor(String id, String org, ActorKind kind, Role... roles) {
    return Actor.builder().id(id).org(org).kind(kind).addRoles(roles).build();
  }

  /** A single, complete modification of 12 records on BOSS. */
  static DataOp.Builder modification() {
    return DataOp.builder().opType(OpType.MODIFICATION).ticketNo("DM-1").ticketKind(TicketKind.AMS_DATA_MOD)
        .targetSystem(TargetSystem.BOSS).recordCount(12).impactStatement("12 numbers' package end date")
        .sideEffectsBusiness("无").sideEffectsAccounts("无").sideEffectsReports("无").urgency("一般");
  }

  /** A complete extraction request from 数据分析室 of 2,000 rows. */
  static DataOp.Builder extraction() {
    return DataOp.builder().opType(OpType.EXTRACTION).ticketNo("DE-1").ticketKind(TicketKind.CMCP_IT_COLLAB)
        .requirementPurpose("营销分析").requirementContent("上月新入网用户").dataRequirements("按区县汇总")
        .addRequiredFields("号码", "入网时间").estimatedRowCount(2000).estimatedExecutionMinutes(3);
  }

  static DataOpEventData.Builder data() {
    return DataOpEventData.builder();
  }

  static DataOpEventData none() {
    return DataOpEventData.none();
  }

  static DataOpEventData script() {
    return data().scriptRef("script-1.sql").backupRef("bak-1").build();
  }

  static DataOpEventData review() {
    return data().scriptVerified(true).resultVerified(true).build();
  }

  static DataOpEventData batchReview() {
    return data().scriptVerified(true).resultVerified(true).addSampledNumbers(Sample.of("13800138000"),
        Sample.of("13900139000"), Sample.of("13700137001")).build();
  }

  static DataOpEventData executed(int count) {
    return data().actualRecordCount(count).build();
  }

  /** Drives one ticket through a workflow, ten minutes per step. */
  static final class Flow extends WorkflowDriver<DataOpTicket, DataOpEvent, DataOpEventData, Flow> {
    private final DataOpWorkflow wf;

    Flow(DataOpWorkflow wf, DataOp op) {
      super(wf, DataOpTicket.draft(op.ticketNo().orElse("T"), op), T0, none());
      this.wf = wf;
    }

    static Flow mod(DataOp op) {
      return new Flow(MOD, op);
    }

    static Flow ext(DataOp op) {
      return new Flow(EXT, op);
    }

    DataOpState state() {
      return ticket.state();
    }

    /** Submit, business approval, script and backup by the city processor, technical approval by the same. */
    Flow toTechApproved() {
      return ok(DataOpEvent.SUBMIT, SUBMITTER).ok(DataOpEvent.APPROVE_BUSINESS, BUSINESS)
          .ok(DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, CITY, script()).ok(DataOpEvent.APPROVE_TECHNICAL, CITY);
    }

    /** As {@link #toTechApproved} with the developer's script, then assignment, impact reply and consent. */
    Flow toReadyForDeveloper(DataOpEventData assignment) {
      return ok(DataOpEvent.SUBMIT, SUBMITTER).ok(DataOpEvent.APPROVE_BUSINESS, BUSINESS)
          .ok(DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, DEV, data().scriptRef("s.sql").backupRef("b")
              .addAttachments(Attachment.SCRIPT, Attachment.BACKUP).build())
          .ok(DataOpEvent.APPROVE_TECHNICAL, CITY).ok(DataOpEvent.ASSIGN_TO_DEVELOPER, CITY, assignment)
          .ok(DataOpEvent.REPLY_IMPACT, DEV, data().impactReply("业务、帐务、报表均无影响").build())
          .ok(DataOpEvent.CONSENT, SUBMITTER);
    }

    /**
     * {@code notifier} tells the requester by {@code channel}; then the requester alone owes the confirmation, which
     * {@code confirmer} gives, and nothing is owed after it.
     */
    Flow requesterToldThenConfirms(Actor notifier, NotifyChannel channel, Actor confirmer) {
      ok(DataOpEvent.NOTIFY_REQUESTER, notifier, data().channel(channel).build());
      assertThat(wf.duties(ticket)).singleElement().satisfies(d -> assertThat(d.actor()).isEqualTo(Role.REQUESTER));
      ok(DataOpEvent.CONFIRM_BUSINESS, confirmer);
      assertThat(wf.duties(ticket)).isEmpty();
      return this;
    }

    /**
     * Asserts that a review verifying nothing is refused naming {@code nothing}, and one with only {@code partial}
     * verified naming {@code rest}.
     */
    void reviewRefusedNaming(String nothing, DataOpEventData partial, String rest) {
      assertThat(fire(DataOpEvent.PASS_REVIEW, REVIEWER, none()).violations()).extracting(Violation::message)
          .contains(nothing);
      assertThat(fire(DataOpEvent.PASS_REVIEW, REVIEWER, partial).violations()).extracting(Violation::message)
          .contains(rest);
    }

    /** Submitted, assessed, scripted and approved, ready to run. */
    Flow toScriptApproved() {
      return ok(DataOpEvent.SUBMIT, ANALYST).ok(DataOpEvent.ASSESS, CITY, data().estimatedEffort("半天").build())
          .ok(DataOpEvent.ATTACH_SCRIPT, CITY, data().scriptRef("x.sql").build())
          .ok(DataOpEvent.APPROVE_SCRIPT, CITY2);
    }
  }

  static DataOpEventData developerAssignment() {
    return data().developerId(DEV.id()).executorKind(ActorKind.DEVELOPER_ONSITE).build();
  }
}
