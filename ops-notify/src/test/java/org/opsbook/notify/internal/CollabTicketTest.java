package org.opsbook.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.RuleId;

class CollabTicketTest {
  private static CollabTicket.Builder ticket() {
    return CollabTicket.builder().subjectName("BOSS").phenomenon("缴费后未开机")
        .addComplaintNumbers("13800138000", "13900139000").complaintIssue("用户投诉缴费后仍停机")
        .developerReply("程序存在缺陷,修复中").assistanceNeeded("跟进程序上载情况").scope("投诉量35单")
        .urgency(CollabUrgency.URGENT).expectedResolution("2026-11-26T12:00:00+08:00")
        .consequenceIfLate("月底出账将产生错误账单");
  }

  @Test
  void NOTIFY_TPL_06_rendersTheManualsLabelsOnePerLine() {
    String text = ticket().bugTicketNo("BUG-2026-0042").raisedForBug(true).build()
        .render(FaultTimeFormat.defaults());
    assertThat(text).isEqualTo("支持维护同事:你好,\n"
        + "BOSS系统发现存在问题:缴费后未开机,投诉号码:13800138000、13900139000,投诉问题:用户投诉缴费后仍停机\n"
        + "开发商的回复:程序存在缺陷,修复中,BUG单号:BUG-2026-0042\n"
        + "需要支持维护室协助的内容\n跟进程序上载情况\n"
        + "影响范围:投诉量35单\n"
        + "紧急程度:紧急\n"
        + "期望解决时间:2026年11月26日12时0分,如未在该时间点前解决:月底出账将产生错误账单");
  }

  @Test
  void NOTIFY_TPL_06_theProblemMustNameAComplaintNumber() {
    assertThatThrownBy(() -> CollabTicket.builder().subjectName("BOSS").phenomenon("x").complaintIssue("y")
        .developerReply("r").assistanceNeeded("a").scope("s").urgency(CollabUrgency.NORMAL)
        .expectedResolution("明天").consequenceIfLate("c").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("complaintNumbers");
          assertThat(e.ruleId()).contains(RuleId.of("NOTIFY-TPL-06"));
        });
  }

  @Test
  void NOTIFY_TPL_06_everyFieldIsRequiredAndNotBlank() {
    assertThatThrownBy(() -> CollabTicket.builder().subjectName("BOSS").phenomenon("x").addComplaintNumbers("1")
        .complaintIssue("y").developerReply("r").assistanceNeeded("a").scope(" ").urgency(CollabUrgency.NORMAL)
        .expectedResolution("明天").consequenceIfLate("c").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scope"));
    assertThatThrownBy(() -> CollabTicket.builder().subjectName("BOSS").phenomenon("x").addComplaintNumbers("1")
        .complaintIssue("y").developerReply("r").assistanceNeeded("a").scope("s").urgency(CollabUrgency.NORMAL)
        .expectedResolution("明天").build())
        .as("the consequence of missing the time is required").isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("consequenceIfLate");
  }

  @Test
  void BUG_05_aTicketRaisedForABugStatesTheBugTicketNumber() {
    assertThatThrownBy(() -> ticket().raisedForBug(true).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("bugTicketNo");
          assertThat(e.ruleId()).contains(RuleId.of("BUG-05"));
        });
    assertThat(ticket().build().render(FaultTimeFormat.defaults())).contains("开发商的回复:程序存在缺陷,修复中\n");
  }

  @Test
  void OQ_22_urgencyDefaultsFromTheFaultLevel() {
    assertThat(CollabUrgency.forLevel(Level.L2).label()).isEqualTo("特级");
    assertThat(CollabUrgency.forLevel(Level.L1).label()).isEqualTo("紧急");
    assertThat(CollabUrgency.forLevel(Level.NONE).label()).isEqualTo("一般");
  }

  @Test
  void complaintNumbersAreMaskedInToString() {
    assertThat(ticket().build().toString()).contains("138****8000").doesNotContain("13800138000");
  }
}
