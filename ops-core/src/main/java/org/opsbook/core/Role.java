package org.opsbook.core;

/**
 * The role codes of rules-catalog §1.1. Roles say who may fire a transition and who owes a duty; they are codes,
 * never free text.
 */
public enum Role {
  /** 预处理人员: first-line handler of complaint tickets. */
  PRE_PROCESSOR("预处理人员"),
  /** 审核人员: reviews pre-processed and outsourced tickets. */
  TICKET_REVIEWER("审核人员"),
  /** 业务外包人员: outsourced ticket handler. */
  OUTSOURCED_AGENT("业务外包人员"),
  /** 计费申告人员: on billing-declaration duty that day. */
  BILLING_DECLARANT("计费申告人员"),
  /** 当天值数据修改班的同事: on data-modification duty that day. */
  DATA_MOD_DUTY("数据修改值班"),
  /** 升级投诉处理员(A角): primary handler of escalated faults. */
  ESC_HANDLER_A("升级投诉处理员(A角)"),
  /** 升级投诉处理员(B角): backup handler of escalated faults. */
  ESC_HANDLER_B("升级投诉处理员(B角)"),
  /** Whichever of A or B is on duty (升级故障值班人员). */
  ESC_DUTY("升级故障值班人员"),
  /** 升级投诉监控员: supervises escalated-fault handling. */
  ESC_MONITOR("升级投诉监控员"),
  /** IT中心系统管理员. */
  IT_SYSADMIN("IT中心系统管理员"),
  /** 68284的值班同事: posts notices and mass-sends SMS. */
  DUTY_68284("68284值班"),
  /** 故障处理组组长: reviews SMS content before sending. */
  FAULT_TEAM_LEADER("故障处理组组长"),
  /** 室主管: room supervisor. */
  ROOM_SUPERVISOR("室主管"),
  /** 室经理 / 运营室经理: operations management room manager. */
  ROOM_MANAGER("室经理"),
  /** 部门经理: department manager. */
  DEPT_MANAGER("部门经理"),
  /** 中心经理: IT-centre manager. */
  CENTER_MANAGER("中心经理"),
  /** 分管领导: leader in charge. */
  LEADER_IN_CHARGE("分管领导"),
  /** 当天负责值班日志撰写的同事. */
  DUTY_LOG_WRITER("值班日志撰写人"),
  /** 地球村: an external sender of escalated-complaint SMS (OQ-02). */
  EARTH_VILLAGE("地球村"),
  /** BUG单处理员 (支持维护室). */
  BUG_PROCESSOR("BUG单处理员"),
  /** BUG单跟进员 (运营管理室). */
  BUG_FOLLOWER("BUG单跟进员"),
  /** IT支撑人员: submits BUG tickets. */
  IT_SUPPORT("IT支撑人员"),
  /** 数据操作提交人. */
  DATA_SUBMITTER("数据操作提交人"),
  /** 数据操作处理人(市公司). */
  DATA_PROCESSOR_CITY("数据操作处理人(市公司)"),
  /** 数据操作处理人(开发商). */
  DATA_PROCESSOR_DEV("数据操作处理人(开发商)"),
  /** 数据操作审核人. */
  DATA_REVIEWER("数据操作审核人"),
  /** 业务审批. */
  BUSINESS_APPROVER("业务审批人"),
  /** 技术审批. */
  TECH_APPROVER("技术审批人"),
  /** 本公司上级主管人员: approves level-1 sensitive-data access. */
  SUPERIOR_SUPERVISOR("上级主管人员"),
  /** 需求方 / 需求人. */
  REQUESTER("需求方"),
  /** 工程割接管理员 = 工程割接第一责任人. */
  CUTOVER_OWNER("工程割接第一责任人"),
  /** (主办)工程割接现场负责人. */
  CUTOVER_ONSITE_LEAD("工程割接现场负责人"),
  /** 施工单位现场负责人. */
  CONTRACTOR_LEAD("施工单位现场负责人"),
  /** 工程割接负责的开发商. */
  CUTOVER_DEVELOPER("割接开发商"),
  /** The operating half of 「一人操作、一人监督」. */
  CUTOVER_OPERATOR("割接操作人"),
  /** The watching half of 「一人操作、一人监督」. */
  CUTOVER_WATCHER("割接监督人"),
  /** 主管: approves the cutover report. */
  APPROVING_SUPERVISOR("主管");

  private final String chineseName;

  Role(String chineseName) {
    this.chineseName = chineseName;
  }

  /** Returns the manual's Chinese name of the role. */
  public String chineseName() {
    return chineseName;
  }

  /** Returns true for the roles that satisfy {@code ESC_DUTY}: A, B or the duty code itself. */
  public boolean isEscalationDuty() {
    return this == ESC_DUTY || this == ESC_HANDLER_A || this == ESC_HANDLER_B;
  }
}
