package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugState;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.bug.BugTicket.NoticeChannel;

/** The stored JSON form of BUGs and SM-BUG event data. */
class BugJsonTest {
  private final BugJson codec = new BugJson();

  @Test
  void aFullBugRoundTrips() {
    Instant t = Instant.parse("2026-11-25T02:00:00.123456Z");
    BugTicket bug = BugTicket.builder().bugId("BUG-1").state(BugState.FIX_DELIVERED).raisedAt(t).submittedBy("shen")
        .description("缴费后无法开机").addComplaintNumbers("13800138000", "13900139000").complaintIssue("不开机")
        .linkedTicketId("T-1").linkedFaultId("F-2").amsBugTicketNo("AMS-9").developer("亚信")
        .addAllNoticePublishedOn(EnumSet.allOf(NoticeChannel.class)).noticePublishedAt(t).uploadEta(t)
        .workaround("人工开机").opsRoomAgreedBy("gen").supportRoomAgreedBy("zhi").cmcpCollabTicketNo("C-1")
        .supportRoomTicketNo("Z-1").bugAffectedCustomers(250).csComplaintLevel(2).needsEmergencyRelease(true)
        .impactAssessedAt(t).developerReply("已修复").fixVersion("v2").acceptanceRejections(1)
        .lastRejectionReason("仍失败").uploadedAt(t).needsDataFix(true).linkedDataOpId("DM-1").lastWeeklyUpdateAt(t)
        .lastWeeklyUpdate("跟进").weeklySummaryRef("W48").closedAt(t).build();
    assertThat(codec.read(codec.write(bug))).isEqualTo(bug);
    BugTicket minimal = BugTicket.builder().bugId("BUG-2").state(BugState.IDENTIFIED).raisedAt(t)
        .submittedBy("shen").description("d").complaintIssue("i").build();
    assertThat(codec.read(codec.write(minimal))).isEqualTo(minimal);
    assertThat(codec.write(minimal)).contains("\"raisedAt\":\"2026-11-25T02:00:00.123456Z\"");
  }

  @Test
  void eventDataIsStoredAsJson() {
    assertThat(codec.write(BugEventData.builder().amsBugTicketNo("AMS-9").build()))
        .isEqualTo("{\"amsBugTicketNo\":\"AMS-9\"}");
  }

  @Test
  void eventDataRoundTrips() {
    BugEventData d = BugEventData.builder().addChannels(NoticeChannel.BBS).uploadEta(Instant.parse("2026-11-27T10:00:00Z"))
        .bugAffectedCustomers(3).csComplaintLevel(2).needsEmergencyRelease(false).acceptancePassed(true)
        .addComplaintNumbers("1").reason("r").build();
    assertThat(BugJson.EVENT.read(OpsJson.parse(codec.write(d)), "data")).isEqualTo(d);
    assertThat(codec.write(BugEventData.empty())).isEqualTo("{}");
  }

  @Test
  void badStoredTextNamesTheField() {
    assertThatThrownBy(() -> codec.read("{\"bugId\":\"B\",\"state\":\"DONE\"}"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("state");
    assertThatThrownBy(() -> BugJson.EVENT.read(OpsJson.parse("{\"bugAffectedCustomers\": -1}"), "data"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("data.bugAffectedCustomers");
    assertThatThrownBy(() -> BugJson.EVENT.read(OpsJson.parse("{\"uploadEta\": \"2026-11-28T22:00:00\"}"), "data"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("data.uploadEta");
  }
}
