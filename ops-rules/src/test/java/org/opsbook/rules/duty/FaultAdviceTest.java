package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.facts;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEventType;

/** The advice of a fault: FAULT-GEN-01, the checklists FAULT-GEN-05 and ESC-REQ-02, step by step in the manual's words. */
class FaultAdviceTest {

  private static List<String> ids(Fault f) {
    return f.tracker().advice().stream().map(a -> a.ruleId().value()).toList();
  }

  @Test
  @DisplayName("FAULT-GEN-01: every open general fault is handled to keep its impact minimal; none once repaired")
  void faultGen01() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(3));
    assertThat(ids(f)).containsExactly("FAULT-GEN-01");
    assertThat(f.tracker().advice().get(0).text()).isEqualTo("应以将故障影响面降低到最小为原则");
    f.event("11-25 10:00", FaultEventType.REPAIRED);
    assertThat(ids(f)).isEmpty();
  }

  @Test
  @DisplayName("FAULT-GEN-05: a general fault with 10 same-fault customers gets the 8-step emergency checklist; 05.8 only when software is suspected")
  void faultGen05() {
    Fault nine = Fault.open("11-25 09:00", facts("11-25 09:00").sameFaultCustomerCount(9));
    assertThat(ids(nine)).containsExactly("FAULT-GEN-01");
    Fault ten = Fault.open("11-25 09:00", facts("11-25 09:00").sameFaultCustomerCount(10));
    assertThat(ids(ten)).containsExactly("FAULT-GEN-01", "FAULT-GEN-05", "FAULT-GEN-05.1", "FAULT-GEN-05.2",
        "FAULT-GEN-05.3", "FAULT-GEN-05.4", "FAULT-GEN-05.5", "FAULT-GEN-05.6", "FAULT-GEN-05.7");
    assertThat(ten.tracker().advice().get(2).text()).isEqualTo("首先定位故障点,协同开发商紧急处理,确认故障原因");
    assertThat(ten.tracker().advice().get(8).text()).isEqualTo("应保证在故障处理中,不出现附加故障");
    Fault software = Fault.open("11-25 09:00", facts("11-25 09:00").sameFaultCustomerCount(10)
        .softwareProblemSuspected(true));
    assertThat(ids(software)).endsWith("FAULT-GEN-05.8");
  }

  @Test
  @DisplayName("ESC-REQ-02: an escalated fault follows the 11-step checklist (ESC-REQ-02.1..02.11), 02.3 and 02.11 when they apply")
  void escReq02() {
    Fault f = Fault.l1();
    assertThat(ids(f)).containsExactly("ESC-REQ-02", "ESC-REQ-02.1", "ESC-REQ-02.2", "ESC-REQ-02.4",
        "ESC-REQ-02.5", "ESC-REQ-02.6", "ESC-REQ-02.7", "ESC-REQ-02.8", "ESC-REQ-02.9", "ESC-REQ-02.10");
    assertThat(f.tracker().advice().get(1).text()).isEqualTo("发送故障通知短信");
    assertThat(f.tracker().advice().get(8).text()).isEqualTo("故障处理的情况应及时反馈,并发送故障跟进短信");
    Fault both = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(25).mainFaultPointInProvince(true)
        .softwareVersionDefectConfirmed(true));
    assertThat(ids(both)).contains("ESC-REQ-02.3").endsWith("ESC-REQ-02.11");
    assertThat(ids(both)).doesNotContain("FAULT-GEN-01");
  }
}
