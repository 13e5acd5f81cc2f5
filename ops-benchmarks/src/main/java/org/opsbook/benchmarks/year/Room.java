package org.opsbook.benchmarks.year;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.core.time.MutableClock;
import org.opsbook.engine.OpsEngine;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.SmsKey;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverEventData.CountersignMedium;
import org.opsbook.rules.cutover.CutoverEventData.ImportantOperation;
import org.opsbook.rules.cutover.CutoverCategory;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverSystem;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverTrigger;
import org.opsbook.rules.cutover.Cutover.ProjectScope;
import org.opsbook.rules.cutover.ReportContent;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;

/**
 * The duty room as the year's data set and its measurements see it: an {@link OpsEngine} over the given storage with
 * a simulated clock, the room's people, a gateway that accepts everything, and the three lifecycles a busy day is made
 * of (a fault with its notification SMS, a data modification from submit to close, a cutover planned and reviewed),
 * each driven through the engine's public API.
 */
final class Room implements AutoCloseable {
  static final List<Person> PEOPLE = List.of(person("zhangsan", Role.ESC_DUTY), person("lisi", Role.FAULT_TEAM_LEADER),
      person("wangwu", Role.ROOM_SUPERVISOR), person("zhaoliu", Role.ROOM_MANAGER), person("sunba", Role.DUTY_68284),
      person("zhang", Role.DATA_SUBMITTER), person("wang", Role.BUSINESS_APPROVER),
      person("li", Role.DATA_PROCESSOR_CITY), person("zhao", Role.DATA_REVIEWER), person("chu", Role.CUTOVER_OWNER),
      person("wei", Role.APPROVING_SUPERVISOR), person("zhou", Role.CUTOVER_ONSITE_LEAD),
      person("wu", Role.CUTOVER_OPERATOR));

  final MutableClock clock;
  final OpsEngine engine;
  final MessageGateway gateway;

  Room(OpsJdbc jdbc, Instant at) {
    this.clock = MutableClock.at(at);
    this.gateway = sms -> new SendReceipt("gw-" + sms.idempotencyKey(), clock.instant(), false);
    this.engine = OpsEngine.builder()
        .ports(jdbc.faults(), jdbc.obligations(), jdbc.workflows(), jdbc.outbox(), jdbc.auditLog())
        .directory(InMemoryDirectory.of(PEOPLE)).clock(clock).reminder((duty, owing) -> { })
        .gateway(gateway)
        .checkpointInterval(Duration.ofDays(3650)).build();
  }

  /** A person of class C with a mobile number of their own (from the ID): one person, one ID. */
  private static Person person(String id, Role role) {
    return Person.builder().id(id).name(id).phone(String.format("138%08d", Math.floorMod(id.hashCode(), 100_000_000)))
        .addRoles(role).addRecipientClasses(RecipientClass.C).org("运营管理室").build();
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  /** The facts of a first-level fault opened now. */
  FaultFacts facts(String faultId) {
    return FaultFacts.builder().faultId(faultId).nature(FaultNature.SYSTEM).subjectName("BOSS")
        .faultStartTime(clock.instant()).complaintCount(24).build();
  }

  /**
   * Opens a fault, drafts, reviews and releases its notification SMS (NOTIFY-TRIG-05, NOTIFY-REVIEW-01/03), sends it
   * through the outbox and records two reports; returns the SMS key.
   */
  SmsKey fault(String faultId) {
    engine.faults().open(faultId, facts(faultId), "zhangsan");
    Obligation notify = engine.faults().duties(faultId).stream()
        .filter(d -> d.ruleId().value().equals("NOTIFY-TRIG-05")).findFirst().orElseThrow();
    SmsKey key = engine.messages().plan(notify).key();
    advance(Duration.ofMinutes(2));
    String text = engine.messages().draft(key, "zhangsan", MessageContent.builder().phenomenon("缴费后无法开机")
        .cause("待查").scope("全市").handlingParty(HandlingParty.IT_CENTER).eta("待定").followUpPerson("张三").build())
        .orThrow().record().text().orElseThrow();
    engine.messages().submit(key, "zhangsan").orThrow();
    engine.messages().approve(key, "lisi", text).orThrow();
    engine.faults().told(faultId, Role.FAULT_TEAM_LEADER, "lisi", "zhangsan");
    engine.faults().told(faultId, Role.ROOM_SUPERVISOR, "wangwu", "zhangsan");
    engine.faults().told(faultId, Role.ROOM_MANAGER, "zhaoliu", "zhangsan");
    engine.messages().release(key, "sunba").orThrow();
    engine.runDueWork();
    advance(Duration.ofMinutes(5));
    engine.faults().record(faultId, FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhangsan");
    advance(Duration.ofMinutes(10));
    engine.faults().record(faultId, FaultEventType.PROGRESS_REPORTED, "zhangsan");
    return key;
  }

  /** A data modification from submit to close: eight transitions (SM-DATAOP-MOD). */
  void modification(String ticketNo) {
    DataOp op = DataOp.builder().opType(OpType.MODIFICATION).ticketNo(ticketNo).ticketKind(TicketKind.AMS_DATA_MOD)
        .targetSystem(TargetSystem.BOSS).recordCount(12).impactStatement("12 numbers").sideEffectsBusiness("无")
        .sideEffectsAccounts("无").sideEffectsReports("无").urgency("一般").build();
    var mods = engine.modifications();
    mods.create(DataOpTicket.draft(ticketNo, op), "zhang").orThrow();
    step(() -> mods.fire(ticketNo, DataOpEvent.SUBMIT, "zhang", DataOpEventData.none()).orThrow());
    step(() -> mods.fire(ticketNo, DataOpEvent.APPROVE_BUSINESS, "wang", DataOpEventData.none()).orThrow());
    step(() -> mods.fire(ticketNo, DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, "li",
        DataOpEventData.builder().scriptRef("s.sql").backupRef("b").build()).orThrow());
    step(() -> mods.fire(ticketNo, DataOpEvent.APPROVE_TECHNICAL, "li", DataOpEventData.none()).orThrow());
    step(() -> mods.fire(ticketNo, DataOpEvent.EXECUTE, "li", DataOpEventData.builder().actualRecordCount(12).build())
        .orThrow());
    step(() -> mods.fire(ticketNo, DataOpEvent.PASS_REVIEW, "zhao",
        DataOpEventData.builder().scriptVerified(true).resultVerified(true).build()).orThrow());
    step(() -> mods.fire(ticketNo, DataOpEvent.NOTIFY_REQUESTER, "zhao",
        DataOpEventData.builder().channel(NotifyChannel.SMS).build()).orThrow());
    step(() -> mods.fire(ticketNo, DataOpEvent.CONFIRM_BUSINESS, "zhang", DataOpEventData.none()).orThrow());
  }

  private void step(Runnable r) {
    advance(Duration.ofMinutes(5));
    r.run();
  }

  /** A cutover planned a month ahead and reviewed by its owner (SM-CUTOVER, CUTOVER-10/11). */
  void cutover(String id) {
    Cutover facts = Cutover.builder().cutoverId(id).system(CutoverSystem.BOSS).category(CutoverCategory.SOFTWARE)
        .trigger(CutoverTrigger.OM_NEED).projectScope(ProjectScope.CITY_MANAGED)
        .plannedStart(clock.instant().plus(Duration.ofDays(30))).affectsCustomerBusiness(true).build();
    engine.cutovers().create(CutoverTicket.draft(id, facts), "chu").orThrow();
    step(() -> engine.cutovers().fire(id, CutoverEvent.OWNER_REVIEW, "chu", CutoverEventData.builder()
        .addDraftContents(ReportContent.PLAN, ReportContent.EMERGENCY_PLAN, ReportContent.DIAL_TEST_LIST)
        .feasible(true).businessTimeAgreed(true).generalAffairsConsulted(true).build()).orThrow());
  }

  /**
   * A cutover walked from creation to its archive (SM-CUTOVER, every step through the engine): approved by the
   * province, countersigned, announced, briefed, done, post-checked, tested by customer service and archived.
   */
  void archivedCutover(String id) {
    Instant start = clock.instant().plus(Duration.ofDays(10));
    Cutover facts = Cutover.builder().cutoverId(id).system(CutoverSystem.BOSS).category(CutoverCategory.SOFTWARE)
        .trigger(CutoverTrigger.OM_NEED).projectScope(ProjectScope.CITY_MANAGED)
        .plannedStart(start).affectsCustomerBusiness(true)
        .needsSocialAnnouncement(true).addReportContents(ReportContent.values())
        .addApplicationContents(ApplicationContent.TIME, ApplicationContent.PLAN, ApplicationContent.PERSONNEL,
            ApplicationContent.IMPACT_SCOPE).build();
    var cutovers = engine.cutovers();
    cutovers.create(CutoverTicket.draft(id, facts), "chu").orThrow();
    fire(id, CutoverEvent.OWNER_REVIEW, "chu", CutoverEventData.builder()
        .addDraftContents(ReportContent.PLAN, ReportContent.EMERGENCY_PLAN, ReportContent.DIAL_TEST_LIST)
        .feasible(true).businessTimeAgreed(true).generalAffairsConsulted(true).build());
    fire(id, CutoverEvent.APPROVE_REPORT, "wei", CutoverEventData.none());
    fire(id, CutoverEvent.APPLY_VIA_AMS, "chu", CutoverEventData.builder().amsApplicationNo("AMS-" + id).build());
    fire(id, CutoverEvent.PROVINCE_DECISION, "chu", CutoverEventData.builder().approved(true).build());
    fire(id, CutoverEvent.COUNTERSIGN, "chu", CutoverEventData.builder().addCountersigners("信息技术中心")
        .countersignMedium(CountersignMedium.PAPERLESS_APPROVAL_FORM).build());
    fire(id, CutoverEvent.PUBLISH_ANNOUNCEMENT, "chu", CutoverEventData.builder().announcementRef("DOC-" + id)
        .media("深圳特区报").build());
    fire(id, CutoverEvent.NOTIFY_STAKEHOLDERS, "chu", CutoverEventData.builder().addRecipients("分管领导", "客服中心")
        .leaderInChargeNotified(true).addNoticeContents(ApplicationContent.TIME, ApplicationContent.IMPACT_SCOPE)
        .build());
    fire(id, CutoverEvent.PRE_MEETING, "zhou", CutoverEventData.builder().addAttendeeRoles(Role.CUTOVER_ONSITE_LEAD,
        Role.CONTRACTOR_LEAD, Role.CUTOVER_OPERATOR).build());
    fire(id, CutoverEvent.ARRIVE, "chu", CutoverEventData.builder().leadQualified(true).build());
    fire(id, CutoverEvent.PRE_CHECK, "wu", CutoverEventData.builder().preChecklistRef("pre.xls")
        .preConditionsMet(true).build());
    advance(Duration.between(clock.instant(), start).minus(Duration.ofMinutes(5))); // started at its time (CUTOVER-09)
    fire(id, CutoverEvent.ORDER_START, "zhou", CutoverEventData.builder().allPartiesPresent(true).build());
    fire(id, CutoverEvent.COMPLETE_AND_POST_CHECK, "wu", CutoverEventData.builder()
        .addImportantOperations(ImportantOperation.of("switch DB", "wu", "zhou")).testResultsRef("dial.xls")
        .postChecklistRef("post.xls").equipmentNormal(true).expectedEffectAchieved(true).build());
    fire(id, CutoverEvent.NOTIFY_CS_FOR_BUSINESS_TEST, "chu", CutoverEventData.none());
    fire(id, CutoverEvent.ARCHIVE, "chu", CutoverEventData.builder().csTestResultsRef("cs.doc")
        .processLogRef("log.txt").archiveRef("ARC-" + id).build());
  }

  private void fire(String id, CutoverEvent event, String actor, CutoverEventData data) {
    step(() -> engine.cutovers().fire(id, event, actor, data).orThrow());
  }

  @Override
  public void close() {
    engine.close();
  }
}
