package org.opsbook.examples.demo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.opsbook.core.ActorKind;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.IntakeChannel;
import org.opsbook.core.Level;
import org.opsbook.core.Role;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.examples.host.People;
import org.opsbook.jdbc.audit.SoxExport;
import org.opsbook.jdbc.audit.SoxStep;
import org.opsbook.jdbc.audit.SoxTrail;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverCategory;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverSystem;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverTrigger;
import org.opsbook.rules.cutover.Cutover.ProjectScope;
import org.opsbook.rules.cutover.ReportContent;
import org.opsbook.rules.dataop.Attachment;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.ExtractionWindow;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.Sample;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;
import org.opsbook.rules.duty.ComplianceReport;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.report.ReportFacts;
import org.opsbook.rules.report.ReportFacts.FaultCategory;
import org.opsbook.rules.report.ReportInclusion;
import org.opsbook.rules.report.ReportRules;
import org.opsbook.rules.report.ReportRules.ReportWindow;
import org.opsbook.rules.report.SummaryTables;
import org.opsbook.rules.report.SummaryTables.MajorFaultSummaryRow;
import org.opsbook.rules.report.SummaryTables.SummaryTable;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.spi.WorkCalendar;

/**
 * The bundled scenario: Wednesday 25 November 2026 at the operations room (运营管理室), Asia/Shanghai, running into
 * Thursday morning for the department manager's 24-hour duty. Everything here is scenario data, what the people do
 * and when; what the rules make of it comes from the library at replay time.
 *
 * <ul>
 *   <li>a BOSS payment outage that grows from a general fault to 二级 (L2): the room manager told, progress every 30
 *       minutes, the notification SMS drafted, refused to its own author, approved by the team leader and sent, the
 *       follow-up before 18:00, the department manager at 24 h, the repair and the recovery SMS;
 *   <li>the extraction of the affected customers, refused in peak hours and run at the earliest allowed start;
 *   <li>the batch data fix of their payment records, refused when its executor tries to review it, then reviewed by
 *       someone else, with its SOX trail;
 *   <li>the program fix's cutover, applied too late for Friday and moved to the next Tuesday;
 *   <li>Thursday morning, a CALLCENTER fault whose notification goes to classes B and C only; its draft is sent back
 *       once and still waits for review when the replay ends (approve it in the dashboard);
 *   <li>the week's report: which faults the weekly and monthly reports must show, and the major-fault summary.
 * </ul>
 *
 * <p>IDs carry a run suffix ({@code -r2}, {@code -r3} …) from the second run on, so the scenario replays cleanly on
 * the same database: audit records are append-only and IDs are never reused.
 */
final class DayAtTheRoom {
  static final ZoneId ZONE = StandardWorkCalendar.SHANGHAI;
  /** When the replay starts: the BOSS fault is detected. */
  static final Instant START = at("11-25 08:52");
  /** When the replay ends, Thursday morning. */
  static final Instant END = at("11-26 11:00");

  private final String f1;
  private final String f2;
  private final String ex;
  private final String dm;
  private final String coLate;
  private final String coNext;
  private final List<Replay.Step> steps = new ArrayList<>();

  private final Who duty;
  private final Who leader;
  private final Who supervisor;
  private final Who roomManager;
  private final Who deptManager;
  private final Who processor;
  private final Who processorReviewing;
  private final Who developer;
  private final Who reviewer;
  private final Who submitter;
  private final Who businessApprover;
  private final Who analyst;
  private final Who cutoverOwner;
  private final Who supervisorApproving;

  private final FaultFacts.Builder boss;
  private final FaultFacts.Builder callCenter;

  private DayAtTheRoom(People people, String suffix) {
    f1 = "F-20261125-01" + suffix;
    f2 = "F-20261126-01" + suffix;
    ex = "EX-20261125-01" + suffix;
    dm = "DM-20261125-01" + suffix;
    coLate = "CO-20261127-01" + suffix;
    coNext = "CO-20261201-01" + suffix;
    duty = Who.as(person(people, "zhangsan"), Role.ESC_DUTY);
    leader = Who.as(person(people, "lisi"), Role.FAULT_TEAM_LEADER);
    supervisor = Who.as(person(people, "wangwu"), Role.ROOM_SUPERVISOR);
    roomManager = Who.as(person(people, "zhaoliu"), Role.ROOM_MANAGER);
    deptManager = Who.as(person(people, "qianqi"), Role.DEPT_MANAGER);
    processor = Who.as(person(people, "zhoujiu"), Role.DATA_PROCESSOR_CITY);
    processorReviewing = Who.as(person(people, "zhoujiu"), Role.DATA_REVIEWER);
    developer = Who.as(person(people, "qin21"), Role.DATA_PROCESSOR_DEV, ActorKind.DEVELOPER_ONSITE);
    reviewer = Who.as(person(people, "wushi"), Role.DATA_REVIEWER);
    submitter = Who.as(person(people, "zheng11"), Role.DATA_SUBMITTER);
    businessApprover = Who.as(person(people, "feng12"), Role.BUSINESS_APPROVER);
    analyst = Who.as(person(people, "chen13"), Role.DATA_SUBMITTER);
    cutoverOwner = Who.as(person(people, "chu14"), Role.CUTOVER_OWNER);
    supervisorApproving = Who.as(person(people, "wei15"), Role.APPROVING_SUPERVISOR);
    boss = FaultFacts.builder().faultId(f1).nature(FaultNature.SYSTEM).subjectName("BOSS")
        .faultStartTime(at("11-25 08:40")).detectedAt(at("11-25 08:52")).intakeChannel(IntakeChannel.ITC_MONITORING)
        .affectsBusinessOrQuery(true);
    callCenter = FaultFacts.builder().faultId(f2).nature(FaultNature.SYSTEM).callCenterFault(true)
        .subjectName("CALLCENTER").faultStartTime(at("11-26 09:18")).detectedAt(at("11-26 09:40"))
        .intakeChannel(IntakeChannel.PHONE).affectsBusinessOrQuery(true);
  }

  /**
   * Returns the day's script for a run, with its reactions registered on {@code room}.
   *
   * @param suffix appended to every ID: empty for the first run, {@code -r2} for the second …
   */
  static List<Replay.Step> script(OpsRoom room, String suffix) {
    DayAtTheRoom day = new DayAtTheRoom(room.host().people(), suffix);
    // ESC-PROG-01: 「至少每半小时向室经理上报一次处理进展」 — the duty handler reports as each one falls due
    room.onDue("ESC-PROG-01", (r, o) -> r.reportProgress(o, day.duty));
    day.bossOutage();
    day.extraction();
    day.dataFix();
    day.cutover();
    day.callCenterFault();
    day.weeklyReport();
    return day.steps;
  }

  /** Returns the ID of the fault whose notification waits for review at the end. */
  static String pendingMessage(String suffix) {
    return SmsKey.of("F-20261126-01" + suffix, MessageType.NOTIFICATION, 1).toString();
  }

  // ------------------------------------------------------------------------------------- the BOSS outage

  private void bossOutage() {
    on("11-25 08:52", r -> r.open(f1, boss.complaintCount(3).hotBusinessOutageMinutes(12).build(), duty,
        r.text("day.boss.open")));
    on("11-25 08:58", r -> r.complete(f1, "FAULT-GEN-07", duty, r.text("day.itcProgress")));
    on("11-25 09:05", r -> r.event(f1, FaultEventType.REPORTED_TO_DEVELOPER, duty, r.text("day.boss.developer"),
        "ESC-HANDLE-02"));
    on("11-25 09:20", r -> r.facts(f1, boss.complaintCount(24).hotBusinessOutageMinutes(40).build(), duty,
        r.text("day.boss.complaints24")));
    brief(f1, "11-25 09:21", "11-25 09:22", "day.boss.brief", "11-25 09:24", "day.boss.brief.manager");
    on("11-25 09:25", r -> r.complete(f1, "NOTIFY-TRIG-01", duty, r.text("day.boss.notice")));
    Sms notification = sms(f1, MessageType.NOTIFICATION, "11-25 09:26", content("营业厅及网上营业厅缴费后无法开机",
        "缴费接口程序异常,待开发商确认", "全市部分缴费用户", "2026-11-25T12:00:00+08:00"), "11-25 09:28");
    // the duty handler tries to approve his own draft: NOTIFY-REVIEW-01 refuses
    on("11-25 09:29", r -> r.approve(notification.key, duty));
    notification.approvedAndSent("11-25 09:31", "11-25 09:33");
    on("11-25 10:05", r -> r.facts(f1, boss.complaintCount(56).hotBusinessOutageMinutes(85).build(), duty,
        r.text("day.boss.complaints50")));
    on("11-25 10:07", r -> r.event(f1, FaultEventType.REPORTED_TO_ROOM_MANAGER, duty,
        r.text("day.boss.phonesAgain", roomManager)));
    on("11-25 10:30", r -> r.complete(f1, "FAULT-GEN-03", duty, r.text("day.boss.solution", roomManager)));
    on("11-25 11:40", r -> r.facts(f1, boss.complaintCount(88).hotBusinessOutageMinutes(180).build(), duty,
        r.text("day.boss.threeHours")));
    sms(f1, MessageType.FOLLOW_UP, "11-25 16:40", content("营业厅及网上营业厅缴费后无法开机", "缴费接口配置错误,已定位,"
        + "程序修复中", "全市部分缴费用户,受影响缴费记录已修复", "2026-11-26T10:00:00+08:00"), "11-25 16:45")
        .approvedAndSent("11-25 16:55", "11-25 17:10");
    on("11-25 17:30", r -> r.facts(f1, boss.complaintCount(130).hotBusinessOutageMinutes(290).build(), duty,
        r.text("day.boss.complaints130")));
    on("11-26 08:45", r -> r.event(f1, FaultEventType.REPORTED_TO_DEPT_MANAGER, roomManager,
        r.text("day.boss.deptManager", deptManager)));
    on("11-26 09:10", r -> r.complete(f1, "ESC-REQ-12", duty, r.text("day.boss.conclusion")));
    on("11-26 10:20", r -> r.event(f1, FaultEventType.REPAIRED, duty, r.text("day.boss.repaired"), "SM-ESC-T07"));
    on("11-26 10:22", r -> r.complete(f1, "NOTIFY-TRIG-01", duty, r.text("day.recoveryNotice")));
    sms(f1, MessageType.RECOVERY, "11-26 10:24", content("营业厅及网上营业厅缴费后无法开机", "缴费接口程序缺陷,已修复",
        "全市部分缴费用户", null), "11-26 10:26").approvedAndSent("11-26 10:30", "11-26 10:32");
  }

  // ------------------------------------------------------------------------- the extraction (DATAOP-EXT)

  private void extraction() {
    DataOp op = DataOp.builder().opType(OpType.EXTRACTION).ticketNo(ex).ticketKind(TicketKind.CMCP_IT_COLLAB)
        .targetSystem(TargetSystem.BOSS).requirementPurpose("确定 " + f1 + " 的全部受影响客户 (DATAOP-MOD-16)")
        .requirementContent("11-25 08:40 起缴费成功但未开机的号码").dataRequirements("按缴费渠道分类")
        .addRequiredFields("号码", "缴费时间", "缴费金额", "缴费渠道").estimatedRowCount(80_000)
        .estimatedExecutionMinutes(6).plannedStart(at("11-25 11:00")).build();
    on("11-25 10:40", r -> {
      r.create(r.host().engine().extractions(), "dataop:" + ex, DataOpTicket.draft(ex, op), analyst);
      r.fire(r.host().engine().extractions(), ex, DataOpEvent.SUBMIT, analyst, DataOpEventData.none(),
          r.text("day.ex.submit"), "DATAOP-EXT-01", "DATAOP-EXT-03");
    });
    on("11-25 10:45", r -> r.fire(r.host().engine().extractions(), ex, DataOpEvent.ASSESS, processor,
        DataOpEventData.builder().estimatedEffort("约1小时").build(), r.text("day.ex.assess"),
        "DATAOP-EXT-08"));
    on("11-25 10:52", r -> r.fire(r.host().engine().extractions(), ex, DataOpEvent.ATTACH_SCRIPT, developer,
        DataOpEventData.builder().scriptRef("EX-script-v1.sql").estimatedRowCount(82_000)
            .estimatedExecutionMinutes(6).build(), r.text("day.ex.script"),
        "DATAOP-EXT-09"));
    on("11-25 10:58", r -> r.fire(r.host().engine().extractions(), ex, DataOpEvent.APPROVE_SCRIPT, processor,
        DataOpEventData.none(), r.text("day.ex.approveScript"), "DATAOP-EXT-10"));
    on("11-25 11:00", r -> {
      // the processor asks before starting: a run reported after the fact is recorded with its violation instead
      ExtractionWindow window = new ExtractionWindow(r.host().engine().calendar(), r.host().engine().parameters());
      ExtractionWindow.Decision d = window.decide(82_000, 6, r.now());
      r.timeline().line(d.violations(), r.text("day.ex.refused", ex,
          r.host().engine().parameters().extractionPeakWindows(),
          d.earliestAllowedStart().map(r::when).orElse(r.text("day.ex.noStart"))));
    });
    on("11-25 12:00", r -> r.fire(r.host().engine().extractions(), ex, DataOpEvent.RUN, processor, DataOpEventData.builder()
        .actualRowCount(81_406).actualExecutionMinutes(5.5).build(), r.text("day.ex.run"),
        "DATAOP-EXT-04"));
    on("11-25 12:20", r -> r.fire(r.host().engine().extractions(), ex, DataOpEvent.PASS_REVIEW, reviewer,
        DataOpEventData.builder().logicVerified(true).countVerified(true).addSampledNumbers(
            Sample.of("13900001111"), Sample.of("13900002222"), Sample.of("13900003333")).build(),
        r.text("day.ex.review"), "DATAOP-EXT-05", "DATAOP-EXT-06"));
    on("11-25 12:30", r -> r.fire(r.host().engine().extractions(), ex, DataOpEvent.DELIVER, processor,
        DataOpEventData.builder().deliveredTo("数据分析室").build(), r.text("day.ex.deliver"),
        "DATAOP-EXT-02"));
    on("11-25 12:31", r -> r.fire(r.host().engine().extractions(), ex, DataOpEvent.NOTIFY_REQUESTER, processor,
        DataOpEventData.builder().channel(NotifyChannel.EMAIL).build(), r.text("day.ex.notify"),
        "DATAOP-EXT-07"));
    on("11-25 12:50", r -> r.fire(r.host().engine().extractions(), ex, DataOpEvent.CONFIRM_BUSINESS, analyst,
        DataOpEventData.none(), r.text("day.ex.confirm")));
  }

  // ---------------------------------------------------------------------------- the data fix (DATAOP-MOD)

  private void dataFix() {
    DataOp op = DataOp.builder().opType(OpType.MODIFICATION).ticketNo(dm).ticketKind(TicketKind.AMS_DATA_MOD)
        .targetSystem(TargetSystem.BOSS).recordCount(1_250).impactStatement("1,250 笔已缴费未开机的缴费记录状态")
        .sideEffectsBusiness("开机状态恢复").sideEffectsAccounts("无").sideEffectsReports("当日缴费报表重算")
        .urgency("紧急").linkedFaultId(f1).fullScopeExtractionRef(ex).build();
    on("11-25 13:30", r -> {
      r.create(r.host().engine().modifications(), "dataop:" + dm, DataOpTicket.draft(dm, op), submitter);
      r.fire(r.host().engine().modifications(), dm, DataOpEvent.SUBMIT, submitter, DataOpEventData.none(),
          r.text("day.dm.submit", f1, ex),
          "DATAOP-DEF-02", "DATAOP-MOD-16");
    });
    on("11-25 13:40", r -> r.fire(r.host().engine().modifications(), dm, DataOpEvent.APPROVE_BUSINESS, businessApprover,
        DataOpEventData.none(), r.text("day.dm.business"), "DATAOP-MOD-08"));
    on("11-25 13:55", r -> r.fire(r.host().engine().modifications(), dm, DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, developer,
        DataOpEventData.builder().scriptRef("DM-fix-payment-status.sql").backupRef("BAK-ops_payment-20261125-1350")
            .backupTakenAt(at("11-25 13:50")).addAttachments(Attachment.SCRIPT, Attachment.BACKUP).build(),
        r.text("day.dm.script"), "DATAOP-MOD-03"));
    on("11-25 14:05", r -> r.fire(r.host().engine().modifications(), dm, DataOpEvent.APPROVE_TECHNICAL, processor,
        DataOpEventData.none(), r.text("day.dm.technical"), "DATAOP-MOD-04", "DATAOP-MOD-18"));
    on("11-25 14:30", r -> r.fire(r.host().engine().modifications(), dm, DataOpEvent.EXECUTE, processor,
        DataOpEventData.builder().actualRecordCount(1_250).build(), r.text("day.dm.execute"),
        "DATAOP-DEF-02", "DATAOP-MOD-11", "DATAOP-MOD-18"));
    DataOpEventData review = DataOpEventData.builder().scriptVerified(true).resultVerified(true)
        .addSampledNumbers(Sample.of("13900004444"), Sample.of("13900005555"), Sample.of("13900006666")).build();
    on("11-25 14:40", r -> r.fire(r.host().engine().modifications(), dm, DataOpEvent.PASS_REVIEW, processorReviewing, review,
        r.text("day.dm.selfReview")));
    on("11-25 14:50", r -> r.fire(r.host().engine().modifications(), dm, DataOpEvent.PASS_REVIEW, reviewer, review,
        r.text("day.dm.review"), "DATAOP-MOD-14",
        "DATAOP-MOD-15", "DATAOP-MOD-18"));
    on("11-25 15:00", r -> r.fire(r.host().engine().modifications(), dm, DataOpEvent.NOTIFY_REQUESTER, reviewer,
        DataOpEventData.builder().channel(NotifyChannel.SMS).build(), r.text("day.dm.notify")));
    on("11-25 15:20", r -> {
      r.fire(r.host().engine().modifications(), dm, DataOpEvent.CONFIRM_BUSINESS, submitter, DataOpEventData.none(),
          r.text("day.dm.confirm"));
      SoxTrail trail = new SoxExport(r.host().engine().auditLog()).forStream("dataop:" + dm, SoxExport.Access.MASKED)
          .trails().get(0);
      List<String> chain = new ArrayList<>();
      for (SoxStep s : SoxStep.values()) {
        chain.add(s.label() + " " + Optional.ofNullable(trail.stepTimes().get(s)).map(r::when)
            .orElse(r.text("day.sox.missing")));
      }
      r.timeline().line(List.of("DATAOP-MOD-18"), r.text("day.sox", dm, String.join(" → ", chain),
          r.text(trail.compliant() ? "day.sox.compliant" : "day.sox.notCompliant"), trail.verification().recordCount(),
          r.text(trail.verification().intact() ? "day.sox.verified" : "day.sox.broken")));
    });
  }

  // ---------------------------------------------------------------------------------- the cutover (CUTOVER)

  private void cutover() {
    applyForCutover("11-25 15:40", coLate, at("11-27 22:00"));
    applyForCutover("11-25 16:10", coNext, at("12-01 22:00"));
  }

  private void applyForCutover(String when, String id, Instant start) {
    Cutover facts = Cutover.builder().cutoverId(id).system(CutoverSystem.BOSS).category(CutoverCategory.SOFTWARE)
        .trigger(CutoverTrigger.OM_NEED).projectScope(ProjectScope.CITY_MANAGED).plannedStart(start)
        .affectsCustomerBusiness(true).build();
    on(when, r -> {
      WorkCalendar calendar = r.host().engine().calendar();
      OpsParameters params = r.host().engine().parameters();
      r.create(r.host().engine().cutovers(), "cutover:" + id, CutoverTicket.draft(id, facts), cutoverOwner);
      r.timeline().line(List.of("CUTOVER-23"), r.text("day.co.plan", id, cutoverOwner, r.day(start),
          r.day(Cutover.applicationDeadline(start, calendar, params)),
          Cutover.applicationDeadlineDay(start, calendar, params), params.cutoverLeadWorkingDays()));
      r.fire(r.host().engine().cutovers(), id, CutoverEvent.OWNER_REVIEW, cutoverOwner, CutoverEventData.builder()
          .addDraftContents(ReportContent.PLAN, ReportContent.EMERGENCY_PLAN, ReportContent.DIAL_TEST_LIST)
          .feasible(true).businessTimeAgreed(true).generalAffairsConsulted(true).build(),
          r.text("day.co.ownerReview"), "CUTOVER-10", "CUTOVER-11");
      r.fire(r.host().engine().cutovers(), id, CutoverEvent.APPROVE_REPORT, supervisorApproving, CutoverEventData.builder()
          .addReportContents(ReportContent.PLAN, ReportContent.EMERGENCY_PLAN, ReportContent.DIAL_TEST_LIST,
              ReportContent.TIME, ReportContent.IMPACT, ReportContent.BASIS,
              ReportContent.SYSTEM_CUTOVER_APPLICATION_DOC).build(), r.text("day.co.approve"), "CUTOVER-12");
      r.fire(r.host().engine().cutovers(), id, CutoverEvent.APPLY_VIA_AMS, cutoverOwner, CutoverEventData.builder()
          .addApplicationContents(ApplicationContent.TIME, ApplicationContent.PLAN, ApplicationContent.PERSONNEL,
              ApplicationContent.IMPACT_SCOPE).amsApplicationNo("AMS-" + id).build(),
          r.text("day.co.apply"), "CUTOVER-23", "CUTOVER-24");
    });
  }

  // ------------------------------------------------------------------------ the CALLCENTER fault, Thursday

  private void callCenterFault() {
    on("11-26 09:40", r -> r.open(f2, callCenter.keyInterfaceOutageMinutes(22).complaintCount(6).build(), duty,
        r.text("day.cc.open")));
    on("11-26 09:42", r -> r.complete(f2, "FAULT-GEN-07", duty, r.text("day.itcProgress")));
    brief(f2, "11-26 09:43", "11-26 09:44", "day.cc.brief", "11-26 09:46", "day.cc.brief.manager");
    on("11-26 09:47", r -> r.complete(f2, "NOTIFY-TRIG-01", duty, r.text("day.cc.notice")));
    Sms notification = sms(f2, MessageType.NOTIFICATION, "11-26 09:50", content("客户拨打热线无法转接人工座席",
        "CALLCENTER与BOSS接口中断,待查", "全部客户", "待定"), "11-26 09:52");
    on("11-26 10:05", r -> r.facts(f2, callCenter.keyInterfaceOutageMinutes(27).complaintCount(12).build(), duty,
        r.text("day.cc.back")));
    on("11-26 10:10", r -> r.reject(notification.key, leader, "影响范围写具体:转人工服务的来电,自助语音不受影响"));
    on("11-26 10:38", r -> r.draft(notification.key, duty, content("客户拨打热线无法转接人工座席",
        "CALLCENTER与BOSS接口中断27分钟,排队数据未同步", "转人工服务的来电,自助语音不受影响", "待定")));
    // resubmitted; it still waits for the team leader when the replay ends
    on("11-26 10:40", r -> r.submit(notification.key, duty, leader));
  }

  // -------------------------------------------------------------------------------- the week's report

  private void weeklyReport() {
    on("11-26 10:55", r -> {
      ReportWindow week = ReportWindow.isoWeekOf(r.now(), ZONE);
      r.timeline().section(r.text("day.week", r.when(week.start()), r.when(week.end()),
          r.say().term("day.week.policy.", ReportRules.standard().policy())));
      FaultTracker boss = r.host().engine().faults().load(f1);
      FaultTracker cc = r.host().engine().faults().load(f2);
      // earlier occurrences of the same faults this month, from the duty log (scenario data)
      report(r, "BOSS 缴费开机失败", boss, 1, 8, 2, 20);
      report(r, "CALLCENTER 转人工失败", cc, 0, 0, 0, 0);
      List<MajorFaultSummaryRow> rows = new ArrayList<>();
      majorRow(rows, boss, week, "营业厅及网上营业厅缴费后无法开机", "全市部分缴费用户",
          "缴费接口程序缺陷;" + dm + " 修复 1,250 笔缴费记录;程序升级 " + coNext, "上载前增加缴费全流程拨测", at("11-25 15:20"));
      majorRow(rows, cc, week, "客户拨打热线无法转接人工座席", "转人工服务的来电", "接口恢复,排队数据同步中",
          "", null);
      SummaryTable table = SummaryTables.majorFaults(rows, ZONE);
      r.timeline().line(List.of("REPORT-FMT-01", "ESC-REQ-11"), r.text("day.week.major", table.title()));
      for (String line : table.toMarkdown().split("\n")) {
        r.timeline().detail(line);
      }
      // the duty ledger of the week's faults: every duty done on time, late, missed or still open
      ComplianceReport duties = r.host().engine().faults().compliance(week.start(), week.end());
      SummaryTable compliance = SummaryTables.dutyCompliance(duties);
      r.timeline().line(List.of(), r.text("day.week.duties", compliance.title(), duties.total().total(),
          duties.faults(), duties.total().missed(), duties.total().late()));
      for (String line : compliance.toMarkdown().split("\n")) {
        r.timeline().detail(line);
      }
    });
  }

  private void report(OpsRoom r, String signature, FaultTracker fault, int earlierInWeek, int earlierWeekComplaints,
      int earlierInMonth, int earlierMonthComplaints) {
    int complaints = fault.facts().complaintCount();
    ReportFacts facts = ReportFacts.builder().occurrencesInWeek(1 + earlierInWeek)
        .complaintsInWeek(complaints + earlierWeekComplaints).occurrencesInMonth(1 + earlierInMonth)
        .complaintsInMonth(complaints + earlierMonthComplaints).faultCategory(FaultCategory.OTHER).build();
    ReportInclusion in = ReportRules.standard().evaluate(facts);
    String where = r.text(in.weekly() && in.monthly() ? "day.report.both" : in.weekly() ? "day.report.weekly"
        : in.monthly() ? "day.report.monthly" : "day.report.neither");
    r.timeline().line(in.firingRules().isEmpty() ? List.of("REPORT-WEEKLY-01", "REPORT-MONTHLY-01")
        : in.firingRules(), r.text("day.report", signature, facts.occurrencesInWeek(), facts.complaintsInWeek(),
        facts.occurrencesInMonth(), facts.complaintsInMonth(), where)
        + (in.firingRules().isEmpty() ? r.text("day.report.notMet") : ""));
  }

  private static void majorRow(List<MajorFaultSummaryRow> rows, FaultTracker fault, ReportWindow week,
      String phenomenon, String scope, String handling, String improvement, Instant numbersRestored) {
    Instant started = fault.facts().faultStartTime().orElseThrow();
    Level peak = fault.peakLevel();
    if (!SummaryTables.inMajorFaultSummary(peak, started, fault.repairedAt(), week)) {
      return;
    }
    MajorFaultSummaryRow.Builder b = MajorFaultSummaryRow.builder().phenomenon(phenomenon).scope(scope)
        .faultStartTime(started).handling(handling).improvement(improvement).followUpPerson("张三");
    fault.repairedAt().ifPresent(b::repairedAt);
    if (numbersRestored != null) {
      b.affectedNumbersRestoredAt(numbersRestored);
    }
    rows.add(b.build());
  }

  // ------------------------------------------------------------------------------------------- helpers

  /**
   * The briefing before a notification (NOTIFY-REVIEW-03): the duty handler tells the team leader and the room
   * supervisor first, then briefs the room manager, which is also the phone report of ESC-ROOM-01.
   */
  private void brief(String faultId, String leaderAt, String supervisorAt, String whatKey, String managerAt,
      String managerWhatKey) {
    on(leaderAt, r -> r.told(faultId, Role.FAULT_TEAM_LEADER, duty, leader, r.text(whatKey)));
    on(supervisorAt, r -> r.told(faultId, Role.ROOM_SUPERVISOR, duty, supervisor, r.text(whatKey)));
    on(managerAt, r -> r.told(faultId, Role.ROOM_MANAGER, duty, roomManager, r.text(managerWhatKey)));
  }

  /** Plans and drafts the SMS a NOTIFY-TRIG duty of {@code faultId} asks for, and submits it for review. */
  private Sms sms(String faultId, MessageType type, String draftAt, MessageContent content, String submitAt) {
    Sms m = new Sms();
    on(draftAt, r -> {
      m.key = r.planSms(faultId, type);
      r.draft(m.key, duty, content);
    });
    on(submitAt, r -> r.submit(m.key, duty, leader));
    return m;
  }

  /** One message of the scenario; its key is known once the replay has planned it. */
  private final class Sms {
    private SmsKey key;

    /** The team leader approves it, then the 68284 desk sends it. */
    void approvedAndSent(String approveAt, String sendAt) {
      on(approveAt, r -> r.approve(key, leader));
      on(sendAt, r -> r.release(key));
    }
  }

  private static MessageContent content(String phenomenon, String cause, String scope, String eta) {
    MessageContent.Builder b = MessageContent.builder().phenomenon(phenomenon).cause(cause).scope(scope)
        .handlingParty(HandlingParty.IT_CENTER).followUpPerson("张三");
    if (eta != null) {
      b.eta(eta);
    }
    return b.build();
  }

  private void on(String when, Consumer<OpsRoom> action) {
    steps.add(new Replay.Step(at(when), action));
  }

  static Instant at(String monthDayTime) {
    return LocalDateTime.parse("2026-" + monthDayTime.replace(' ', 'T')).atZone(ZONE).toInstant();
  }

  private static org.opsbook.core.Person person(People people, String id) {
    return people.find(id).orElseThrow(() -> new IllegalStateException("no " + id + " in the directory"));
  }
}
