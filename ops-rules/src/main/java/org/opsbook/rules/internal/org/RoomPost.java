package org.opsbook.rules.internal.org;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.Role;

/**
 * The posts of 运营管理室 (ORG-02 「运营管理室经理/主管 业务系统运营 业务系统维护 电子服务运营 系统运营支撑 信息安全管理」), each with the
 * manual's words for its duties and the roles of the procedures it staffs. The room as a whole is responsible for
 * {@link #ROOM_RESPONSIBILITIES} (ORG-01). Which post staffs which role is the project's reading of the duties: the
 * manual names posts in §1 and roles in §2 without joining them. The BUG processor is not a post of the room:
 * 支持维护室 staffs it (BUG-01, {@link #unitOf}).
 */
public enum RoomPost {
  /** ORG-02: the room manager and supervisor, to whom the escalation ladders report. */
  MANAGER("运营管理室经理/主管", "ORG-02", "运营管理室经理/主管", EnumSet.of(Role.ROOM_MANAGER, Role.ROOM_SUPERVISOR)),
  /** ORG-03: daily management and fault handling of the support systems, and their data processing. */
  SYSTEM_MAINTENANCE("业务系统维护", "ORG-03",
      "负责业务支撑系统涉及机房、网络、设备、运行环境的日常管理及故障处理,负责业务支撑系统的数据处理",
      EnumSet.of(Role.ESC_DUTY, Role.ESC_HANDLER_A, Role.ESC_HANDLER_B, Role.ESC_MONITOR, Role.FAULT_TEAM_LEADER,
          Role.IT_SYSADMIN, Role.DATA_MOD_DUTY)),
  /** ORG-04: rules, processes and partners of the support systems, fault analysis, staff numbers and rights. */
  SYSTEM_OPERATION("业务系统运营", "ORG-04",
      "制定业务支撑系统的管理办法、规范、流程、制度,负责业务支撑系统维护合作商的管理,负责业务支撑系统故障问题的分析及优化",
      EnumSet.of(Role.PRE_PROCESSOR, Role.TICKET_REVIEWER, Role.OUTSOURCED_AGENT)),
  /** ORG-05: the business carried by the online mall. */
  E_SERVICE_OPERATION("电子服务运营", "ORG-05", "负责网上商城承载的各项业务的业务运作管理", EnumSet.noneOf(Role.class)),
  /** ORG-06: billing production and the system side of account adjustments. */
  BILLING_SUPPORT("系统运营支撑", "ORG-06",
      "负责业务支撑系统的计费生产运作,包括出账、预出、优惠上传等,负责业务支撑系统帐务调整的系统操作",
      EnumSet.of(Role.BILLING_DECLARANT)),
  /** ORG-07: information-security rules, checks and audits, and the security hotline. */
  INFORMATION_SECURITY("信息安全管理", "ORG-07",
      "负责组织企业信息安全管理制度的制定、落实,负责组织定期的企业信息安全检查及审计,负责企业信息安全监督热线的接听及安全事故的查证",
      EnumSet.noneOf(Role.class));

  /** ORG-01: the responsibilities of the room, in the manual's words and order. */
  public static final List<String> ROOM_RESPONSIBILITIES = List.of("负责制定公司业务支撑系统维护工作的有关制度和流程",
      "负责业务支撑系统的运营维护、投诉处理工作", "负责帐务的技术处理工作", "负责电子商务中心的建设、运营、维护工作",
      "负责公司的信息安全管理工作");

  /** BUG-01 「目前的BUG单处理员由支持维护室同事担任」. */
  static final String SUPPORT_ROOM = "支持维护室";

  private final String chineseName;
  private final String ruleId;
  private final String duties;
  private final Set<Role> staffs;

  RoomPost(String chineseName, String ruleId, String duties, Set<Role> staffs) {
    this.chineseName = chineseName;
    this.ruleId = ruleId;
    this.duties = duties;
    this.staffs = staffs;
  }

  /** Returns the post's name in the manual. */
  public String chineseName() {
    return chineseName;
  }

  /** Returns the rule that defines the post (ORG-02..07). */
  public String ruleId() {
    return ruleId;
  }

  /** Returns the manual's words for the post's duties. */
  public String duties() {
    return duties;
  }

  /** Returns the roles the post staffs. */
  public Set<Role> staffs() {
    return Set.copyOf(staffs);
  }

  /** Returns the post of the room that staffs {@code role}, if one does. */
  public static Optional<RoomPost> staffing(Role role) {
    checkNotNull(role, "role");
    for (RoomPost p : values()) {
      if (p.staffs.contains(role)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns who staffs {@code role}: the room's post (its name), 支持维护室 for the BUG processor (BUG-01), or empty for
   * a role outside the room (68284, the leaders, 地球村 …).
   */
  public static Optional<String> unitOf(Role role) {
    if (checkNotNull(role, "role") == Role.BUG_PROCESSOR) {
      return Optional.of(SUPPORT_ROOM);
    }
    return staffing(role).map(RoomPost::chineseName);
  }
}
