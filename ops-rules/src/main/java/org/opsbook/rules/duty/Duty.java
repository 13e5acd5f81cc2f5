package org.opsbook.rules.duty;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.Channel;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;

/**
 * Every duty the obligations engine raises, as data: the rule, who owes it to whom through which channel, what a
 * report of which kind discharges it, and whether the repair of the fault ends it. The conditions live in
 * {@link ConditionRules} (duties raised the moment a condition first holds) and {@link ComputedDuties} (deadlines
 * and recurring series).
 */
enum Duty {
  ESC_ROOM_01(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE, "phone the room manager: the fault is L1 or L2",
      Flags.LADDER, Contact.ROOM),
  ESC_ROOM_02(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: communication unaffected, but many customers possibly affected", Flags.LADDER,
      Contact.ROOM),
  ESC_ROOM_03(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: many same-type complaints received", Flags.LADDER, Contact.ROOM),
  ESC_ROOM_04(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: many customers confirmed affected", Flags.LADDER, Contact.ROOM),
  ESC_ROOM_05(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: scope unconfirmed, many customers possibly affected", Flags.LADDER, Contact.ROOM),
  ESC_ROOM_06(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: a system-level fault lasts, or will last, too long", Flags.LADDER, Contact.ROOM),
  ESC_ROOM_07(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: functions are, or will be, unusable too long", Flags.LADDER, Contact.ROOM),
  ESC_ROOM_08(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: scope unconfirmed, many complaints possible", Flags.LADDER, Contact.ROOM),
  ESC_ROOM_09(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager again: still stuck after reporting to the developer", Flags.STALL, Contact.ROOM),
  ESC_ROOM_11(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE, "phone the room manager: the impact may expand",
      Flags.LADDER_RECURRING, Contact.ROOM),
  ESC_ROOM_12(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: a new fault phenomenon", Flags.LADDER_RECURRING, Contact.ROOM),
  ESC_ROOM_13(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: general fault without impact stuck with the developer", Flags.STALL, Contact.ROOM),
  ESC_ROOM_14(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: general fault with impact stuck with the developer", Flags.STALL, Contact.ROOM),
  ESC_ROOM_15(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager: escalated fault stuck with the developer", Flags.STALL, Contact.ROOM),
  ESC_PROG_01(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "report handling progress to the room manager (escalated fault)", Flags.LADDER_RECURRING, Contact.PROGRESS,
      Contact.ROOM),
  ESC_PROG_02(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "report handling progress to the room manager (general fault)", Flags.LADDER_RECURRING, Contact.PROGRESS,
      Contact.ROOM),
  ESC_DEPT_01(Role.ROOM_MANAGER, Units.DEPT_MANAGER, Channel.PHONE,
      "report the L1 fault, unresolved in time, to the department manager", Flags.STALL, Contact.DEPT),
  ESC_DEPT_02(Role.ROOM_MANAGER, Units.DEPT_MANAGER, Channel.PHONE,
      "report the L2 fault, unresolved in time, to the department manager", Flags.STALL, Contact.DEPT),
  ESC_DEPT_03(Role.ROOM_MANAGER, Units.DEPT_MANAGER, Channel.PHONE,
      "report the unresolved customer-service complaint (level 3 or higher) to the department manager",
      Flags.STALL, Contact.DEPT),
  ESC_CENTER_01(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: customers complain they cannot communicate", Flags.LADDER, Contact.CENTER),
  ESC_CENTER_02(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: customers possibly cannot communicate", Flags.LADDER, Contact.CENTER),
  ESC_CENTER_03(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: customers complain of wrongful suspension", Flags.LADDER, Contact.CENTER),
  ESC_CENTER_04(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: customers possibly wrongly suspended", Flags.LADDER, Contact.CENTER),
  ESC_CENTER_05(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: customers complain of account, billing or bank anomalies", Flags.LADDER,
      Contact.CENTER),
  ESC_CENTER_06(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: customers possibly hit by account, billing or bank anomalies", Flags.LADDER,
      Contact.CENTER),
  ESC_CENTER_07(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: self-service bill lists unavailable too long", Flags.LADDER, Contact.CENTER),
  ESC_CENTER_08(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: BOSS, CC or IBOSS login down too long", Flags.LADDER, Contact.CENTER),
  ESC_CENTER_09(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: important data lost and no solution confirmed", Flags.STALL, Contact.CENTER),
  ESC_CENTER_10(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: red-list customers wrongly suspended or disturbed", Flags.LADDER, Contact.CENTER),
  ESC_CENTER_11(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: many complaints, or many customers possibly affected", Flags.LADDER,
      Contact.CENTER),
  ESC_CENTER_12(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: login instability keeps recurring this month", Flags.LADDER, Contact.CENTER),
  ESC_CENTER_13(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: self-service login failures keep recurring this month", Flags.LADDER,
      Contact.CENTER),
  ESC_CENTER_14(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager: a BOSS/IBOSS core interface is fully down too long", Flags.LADDER, Contact.CENTER),
  ESC_CENTER_15(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "report progress on the customer-service complaint (level 4 or higher) to the centre manager",
      Flags.LADDER_RECURRING, Contact.CENTER),
  ESC_CENTER_16(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager again: the impact may expand", Flags.LADDER_RECURRING, Contact.CENTER),
  ESC_CENTER_17(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager again: a new fault phenomenon", Flags.LADDER_RECURRING, Contact.CENTER),
  ESC_CENTER_18(Role.ROOM_MANAGER, Units.CENTER_MANAGER, Channel.PHONE,
      "phone the centre manager again: general fault stuck with the developer and the province", Flags.STALL,
      Contact.CENTER),
  FAULT_GEN_03(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "draw up a detailed solution for the major fault and report it to the room manager", Flags.LADDER,
      Contact.ROOM_RECORD_ONLY),
  FAULT_GEN_06(Role.ESC_DUTY, Units.SUPPORT_ROOM, Channel.PHONE,
      "tell 支持维护室 to follow up the suspected software problem jointly", Flags.KEEP, Contact.NONE),
  FAULT_GEN_07(Role.ESC_DUTY, Units.ITC, Channel.ITC, "enter the handling progress in the ITC monitoring system",
      Flags.LADDER, Contact.NONE),
  FAULT_GEN_08(Role.ESC_DUTY, Units.ITC, Channel.ITC, "enter today's progress in ITC, handling type 其它",
      Flags.LADDER_RECURRING, Contact.NONE),
  FAULT_GEN_10(Role.ESC_DUTY, Units.SUPPORT_ROOM, Channel.CMCP,
      "dispatch a CMCP ticket to 支持维护室 for the development upload", Flags.KEEP, Contact.NONE),
  ESC_HANDLE_02_1(Role.ESC_DUTY, Units.PROVINCE, Channel.PHONE,
      "report the fault to 省业务支撑中心 at once: it cannot be solved in-house", Flags.LADDER, Contact.PROVINCE),
  ESC_HANDLE_02_2(Role.ESC_DUTY, Units.DEVELOPER, Channel.AMS,
      "dispatch the fault to the developer in AMS at once: it cannot be solved in-house", Flags.LADDER,
      Contact.DEVELOPER, Contact.DEV_TICKET),
  ESC_HANDLE_08_1(Role.ESC_DUTY, Units.PROVINCE, Channel.AMS, "declare the self-discovered fault in AMS at once",
      Flags.KEEP, Contact.AMS_DECLARATION),
  ESC_HANDLE_08_2(Role.ESC_DUTY, Units.PROVINCE_DUTY, Channel.PHONE,
      "tell 省业务支撑中心's duty officer to help follow up the self-discovered fault", Flags.LADDER,
      Contact.PROVINCE_DUTY),
  ESC_REQ_02(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "phone the room manager and start the emergency procedure: many customers with the same fault",
      Flags.LADDER, Contact.ROOM),
  ESC_REQ_03(Role.ESC_DUTY, Units.PROVINCE, Channel.PHONE,
      "report the fault to 省业务支撑中心: the main fault point is in the province", Flags.LADDER,
      Contact.PROVINCE),
  /** ESC-REQ-04 (= ESC-REQ-02.6 of the emergency checklist): the solution plan, reported to the room manager. */
  ESC_REQ_04(Role.ESC_DUTY, Units.ROOM_MANAGER, Channel.PHONE,
      "draw up the detailed solution of the escalated fault and report it to the room manager", Flags.LADDER,
      Contact.ROOM_RECORD_ONLY),
  ESC_REQ_05(Role.ESC_DUTY, Units.SUPPORT_ROOM, Channel.PHONE,
      "tell 支持维护室 to follow up the confirmed software-version defect jointly", Flags.KEEP, Contact.NONE),
  /**
   * ESC-REQ-06 「解释口径和处理方法由市场部(数据业务中心/集团客户部)确定」: the escalated fault's explanation wording and
   * handling method come from 市场部, so the duty officer who coordinates the solution (「应当协调相关部门确定解决方案」)
   * owes asking for them; discharged by naming the rule (DUTY_COMPLETED).
   */
  ESC_REQ_06(Role.ESC_DUTY, Units.MARKETING, Channel.PHONE,
      "ask 市场部 (数据业务中心/集团客户部) to set the explanation wording (解释口径) and the handling method", Flags.KEEP,
      Contact.NONE),
  /**
   * ESC-REQ-07 「将受影响号码、解释口径告知客服以进行前台解释工作」: the affected numbers and 市场部's wording go to customer
   * service for the front desk; owed once ESC-REQ-06 is done (the wording is 市场部's); discharged by naming the rule.
   */
  ESC_REQ_07(Role.ESC_DUTY, Units.CUSTOMER_SERVICE, Channel.EMAIL,
      "give customer service the affected numbers and 市场部's explanation wording for the front desk", Flags.KEEP,
      Contact.NONE),
  ESC_REQ_08(Role.ESC_DUTY, Units.ACCOUNTS_ROOM, Channel.PHONE, "tell 账务室 about the billing or bank impact",
      Flags.KEEP, Contact.NONE),
  ESC_REQ_09(Role.ESC_DUTY, Units.ECOMMERCE_CENTRE, Channel.PHONE,
      "tell 电子商务中心 to reschedule the batch business", Flags.LADDER, Contact.NONE),
  ESC_REQ_10(Role.ESC_DUTY, Role.DUTY_LOG_WRITER.name(), Channel.DOC,
      "give the fault's content to the day's duty-log writer", Flags.KEEP, Contact.NONE),
  ESC_REQ_11(Role.ESC_DUTY, Units.TEAMSERVER, Channel.DOC,
      "write the fault handling report for the weekly teamserver summary", Flags.KEEP, Contact.NONE),
  ESC_REQ_12(Role.ESC_DUTY, Units.ITC, Channel.ITC,
      "enter today's progress with a conclusion in ITC, handling type 其它", Flags.LADDER_RECURRING, Contact.NONE),
  ESC_REQ_13(Role.ESC_DUTY, Units.SUPPORT_ROOM, Channel.CMCP,
      "raise a CMCP IT collaboration ticket to 支持维护室 for the program BUG", Flags.KEEP, Contact.NONE),
  NOTIFY_TRIG_01(Role.ESC_DUTY, Role.DUTY_68284.name(), Channel.NOTICE,
      "ask 68284 to post the fault notice (故障通知公告) on 服营网站 and I-OFFICE", Flags.NOTICE_SERIES,
      Contact.NONE),
  NOTIFY_TRIG_02(Role.DUTY_68284, "C", Channel.SMS, Texts.NOTIFICATION, Flags.LADDER, Contact.NOTIFICATION),
  NOTIFY_TRIG_03(Role.DUTY_68284, "C", Channel.SMS, Texts.NOTIFICATION, Flags.LADDER, Contact.NOTIFICATION),
  NOTIFY_TRIG_04(Role.DUTY_68284, "C", Channel.SMS, Texts.NOTIFICATION, Flags.LADDER, Contact.NOTIFICATION),
  NOTIFY_TRIG_05(Role.DUTY_68284, "A,B,C", Channel.SMS, Texts.NOTIFICATION, Flags.LADDER, Contact.NOTIFICATION),
  NOTIFY_TRIG_06(Role.DUTY_68284, "C", Channel.SMS, Texts.NOTIFICATION, Flags.LADDER, Contact.NOTIFICATION),
  NOTIFY_TRIG_07(Role.DUTY_68284, "A,B,C", Channel.SMS, "mass-send the follow-up SMS (故障跟进短信)",
      Flags.LADDER_RECURRING, Contact.FOLLOW_UP),
  NOTIFY_TRIG_08(Role.DUTY_68284, "A,B,C", Channel.SMS, "mass-send the recovery SMS (故障恢复短信)", Flags.KEEP,
      Contact.RECOVERY);

  /** The action of the second NOTIFY-TRIG-01 posting, after the repair. */
  static final String RECOVERY_NOTICE = "ask 68284 to post the recovery notice (故障恢复公告) on 服营网站 and I-OFFICE";

  private static final Map<RuleId, Duty> BY_ID = new HashMap<>();

  static {
    for (Duty d : values()) {
      if (BY_ID.put(d.id, d) != null) {
        throw new IllegalStateException("duplicate rule id " + d.id);
      }
    }
  }

  final RuleId id;
  final Role actor;
  final String target;
  final Channel channel;
  final String action;
  final boolean endsAtRepair;
  final boolean recurring;
  /** Only a report made once the duty is due discharges it: the report says the fault is stuck. */
  final boolean reportsAStall;
  /** The kinds of report that discharge the duty without naming it. */
  final Set<Contact> dischargedBy;
  /** What completing the duty tells the engine (a room-manager contact, a sent notification …). */
  final Contact records;

  Duty(Role actor, String target, Channel channel, String action, Flags flags, Contact records,
      Contact... alsoDischargedBy) {
    this.id = RuleId.of(idOf(name()));
    this.actor = actor;
    this.target = target;
    this.channel = channel;
    this.action = action;
    this.endsAtRepair = flags.endsAtRepair;
    this.recurring = flags.recurring;
    this.reportsAStall = flags.stall;
    this.records = records == Contact.ROOM_RECORD_ONLY ? Contact.ROOM : records;
    EnumSet<Contact> by = EnumSet.noneOf(Contact.class);
    if (records != Contact.NONE && records != Contact.ROOM_RECORD_ONLY) {
      by.add(records);
    }
    for (Contact c : alsoDischargedBy) {
      by.add(c);
    }
    this.dischargedBy = by;
  }

  /**
   * Returns the rule ID a constant stands for: {@code ESC_ROOM_01} is ESC-ROOM-01, and a trailing sub-step number
   * is the catalog's dotted suffix (§0.1): {@code ESC_HANDLE_02_1} is ESC-HANDLE-02.1.
   */
  static String idOf(String constant) {
    return constant.replace('_', '-').replaceFirst("-([0-9]{2})-([0-9]{1,2})$", "-$1.$2");
  }

  /** Returns the duty of a rule, if the engine raises it. */
  static Optional<Duty> of(RuleId id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** A kind of report or message; reports discharge the duties they answer. */
  enum Contact {
    /** The room manager was told (REPORTED_TO_ROOM_MANAGER). */
    ROOM,
    /** A completion tells the room manager, but no report of its own discharges the duty (a solution plan). */
    ROOM_RECORD_ONLY,
    /** A progress report reached the room manager (PROGRESS_REPORTED). */
    PROGRESS,
    /** The department manager was told. */
    DEPT,
    /** The centre manager was told. */
    CENTER,
    /** 省业务支撑中心 was told. */
    PROVINCE,
    /** 省业务支撑中心's duty officer was told (provinceDutyNotifiedAt). */
    PROVINCE_DUTY,
    /** The developer was told (REPORTED_TO_DEVELOPER, reportedToDeveloperAt). */
    DEVELOPER,
    /** An AMS ticket to the developer is recorded (amsDevTicketNo). */
    DEV_TICKET,
    /** The fault is declared in AMS (amsFaultNo). */
    AMS_DECLARATION,
    /** The notification SMS was sent. */
    NOTIFICATION,
    /** A follow-up SMS was sent. */
    FOLLOW_UP,
    /** The recovery SMS was sent. */
    RECOVERY,
    /** Only naming the rule discharges the duty. */
    NONE
  }

  private enum Flags {
    /** An escalation duty: the repair ends it (cancelled if still open). */
    LADDER(true, false, false),
    LADDER_RECURRING(true, true, false),
    STALL(true, false, true),
    /** The postings of NOTIFY-TRIG-01: the fault notice (ended by the repair) and the recovery notice. */
    NOTICE_SERIES(true, true, false),
    /** A duty that outlives the repair. */
    KEEP(false, false, false);

    final boolean endsAtRepair;
    final boolean recurring;
    final boolean stall;

    Flags(boolean endsAtRepair, boolean recurring, boolean stall) {
      this.endsAtRepair = endsAtRepair;
      this.recurring = recurring;
      this.stall = stall;
    }
  }

  private static final class Units {
    static final String ROOM_MANAGER = Role.ROOM_MANAGER.name();
    static final String DEPT_MANAGER = Role.DEPT_MANAGER.name();
    static final String CENTER_MANAGER = Role.CENTER_MANAGER.name();
    static final String SUPPORT_ROOM = "支持维护室";
    static final String PROVINCE = "省业务支撑中心";
    static final String PROVINCE_DUTY = "省业务支撑中心值班人员";
    static final String DEVELOPER = "开发商";
    static final String ACCOUNTS_ROOM = "账务室";
    static final String MARKETING = "市场部";
    static final String CUSTOMER_SERVICE = "客服";
    static final String ECOMMERCE_CENTRE = "电子商务中心";
    static final String ITC = "ITC监控系统";
    static final String TEAMSERVER = "teamserver";

    private Units() {}
  }

  private static final class Texts {
    static final String NOTIFICATION = "mass-send the fault notification SMS (故障通知短信)";

    private Texts() {}
  }
}
