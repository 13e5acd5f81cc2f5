package org.opsbook.rules.internal.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Role;

/** The room's posts (ORG-01..07) and who staffs the BUG processor (BUG-01). */
class RoomPostTest {

  @Test
  @DisplayName("ORG-01: the room's five responsibilities, in the manual's order")
  void org01() {
    assertThat(RoomPost.ROOM_RESPONSIBILITIES).hasSize(5);
    assertThat(RoomPost.ROOM_RESPONSIBILITIES.get(1)).isEqualTo("负责业务支撑系统的运营维护、投诉处理工作");
  }

  @Test
  @DisplayName("ORG-02: six posts, each defined by its rule ORG-02..07, and no role staffed by two posts")
  void org02() {
    assertThat(RoomPost.values()).extracting(RoomPost::chineseName).containsExactly("运营管理室经理/主管", "业务系统维护",
        "业务系统运营", "电子服务运营", "系统运营支撑", "信息安全管理");
    assertThat(RoomPost.values()).extracting(RoomPost::ruleId).containsExactly("ORG-02", "ORG-03", "ORG-04",
        "ORG-05", "ORG-06", "ORG-07");
    Set<Role> seen = EnumSet.noneOf(Role.class);
    for (RoomPost p : RoomPost.values()) {
      for (Role r : p.staffs()) {
        assertThat(seen.add(r)).as("%s staffed once", r).isTrue();
      }
    }
  }

  @Test
  @DisplayName("ORG-03 fault handling and data processing, ORG-04 complaint processes, ORG-06 billing: the roles they staff")
  void org03to07() {
    assertThat(RoomPost.staffing(Role.ESC_DUTY)).contains(RoomPost.SYSTEM_MAINTENANCE);
    assertThat(RoomPost.staffing(Role.DATA_MOD_DUTY)).contains(RoomPost.SYSTEM_MAINTENANCE);
    assertThat(RoomPost.SYSTEM_MAINTENANCE.duties()).contains("故障处理", "数据处理");
    assertThat(RoomPost.staffing(Role.PRE_PROCESSOR)).contains(RoomPost.SYSTEM_OPERATION);
    assertThat(RoomPost.staffing(Role.BILLING_DECLARANT)).contains(RoomPost.BILLING_SUPPORT);
    assertThat(RoomPost.BILLING_SUPPORT.duties()).contains("帐务调整");
    assertThat(RoomPost.staffing(Role.ROOM_MANAGER)).contains(RoomPost.MANAGER);
    assertThat(RoomPost.E_SERVICE_OPERATION.duties()).contains("网上商城");
    assertThat(RoomPost.INFORMATION_SECURITY.duties()).contains("信息安全");
    assertThat(RoomPost.staffing(Role.DUTY_68284)).isEmpty();
  }

  @Test
  @DisplayName("BUG-01: the BUG processor is staffed by 支持维护室, not by a post of the room")
  void bug01() {
    assertThat(RoomPost.unitOf(Role.BUG_PROCESSOR)).contains("支持维护室");
    assertThat(RoomPost.staffing(Role.BUG_PROCESSOR)).isEmpty();
    assertThat(RoomPost.unitOf(Role.ESC_HANDLER_A)).contains("业务系统维护");
    assertThat(RoomPost.unitOf(Role.LEADER_IN_CHARGE)).isEmpty();
  }
}
