package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.IntakeChannel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault.EscHandler;
import org.opsbook.rules.esc.EscFault.EscOwner;
import org.opsbook.rules.esc.EscFault.EscState;
import org.opsbook.rules.esc.EscFault.SystemProblem;
import org.opsbook.rules.esc.EscFault;

/** The JSON form of SM-ESC lifecycles and of a step's data, as a fault event's {@code stepData} holds it. */
class EscCodecTest {
  private static final EscCodec CODEC = EscCodec.instance();
  private static final Instant T0 = at("11-25 09:00");

  private static Instant at(String monthDayTime) {
    return LocalDateTime.parse("2026-" + monthDayTime.replace(' ', 'T')).atZone(ZoneId.of("Asia/Shanghai"))
        .toInstant();
  }

  private static FaultFacts facts(int complaints) {
    return FaultFacts.builder().faultId("F-1").detectedAt(T0).complaintCount(complaints).build();
  }

  private static EscEventData.Builder data() {
    return EscEventData.builder();
  }

  private static EscFault full() {
    return EscFault.builder().faultId("F-1").state(EscState.CLOSED).openedAt(T0).openedBy("zhi").detectedAt(T0)
        .faultStartTime(at("11-25 08:50")).intakeChannel(IntakeChannel.ITC_MONITORING).selfDiscovered(true)
        .linkedTicketId("T-9").peakLevel(Level.L2).amsFaultNo("AMS-7").provinceDutyNotifiedAt(T0).declaredAt(T0)
        .ownership(new EscOwner(EscHandler.B, "bei")).ownerSince(T0).handlerAAvailable(false).handovers(1)
        .lastHandoverNote("交接").reportedToProvinceAt(T0).amsDevTicketNo("AMS-DEV").reportedToDeveloperAt(T0)
        .progressEntries(3).lastProgressAt(T0).lastConclusion("结论").lastSystemProblem(SystemProblem.NO)
        .repairedAt(at("11-25 15:00")).recoveryCheck("拨测").relapses(1).lastRelapseAt(T0)
        .dutyLogDeliveredAt(at("11-25 15:00")).faultReportRef("R").postIncidentAt(T0).interventions(2)
        .lastInterventionNote("催").weeklySummaryRef("W48").closedAt(at("11-27 17:00")).build();
  }

  @Test
  @DisplayName("SM-ESC-T11 a fault with every field set reads back equal; the ID and state travel beside the text")
  void roundTrip() {
    EscFault f = full();
    String text = CODEC.encode(f);
    assertThat(text).doesNotContain("\"faultId\"").doesNotContain("\"state\"")
        .contains("\"openedAt\":\"2026-11-25T01:00:00Z\"").contains("\"owner\":\"B\"");
    assertThat(CODEC.decode("F-1", "CLOSED", text)).isEqualTo(f);
    EscFault minimal = EscFault.builder().faultId("F-2").state(EscState.DETECTED).openedAt(T0).openedBy("zhi")
        .detectedAt(T0).build();
    assertThat(CODEC.decode("F-2", "DETECTED", CODEC.encode(minimal))).isEqualTo(minimal);
  }

  @Test
  @DisplayName("ESC-HANDLE-03 reading is strict: unknown fields, an owner without its ID, B owning while A is available are invalid")
  void strictReading() {
    assertThatThrownBy(() -> CODEC.decode("F-1", "DETECTED", "{\"openedAt\":\"2026-11-25T01:00:00Z\","
        + "\"openedBy\":\"z\",\"detectedAt\":\"2026-11-25T01:00:00Z\",\"colour\":1}"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("colour");
    String base = "{\"openedAt\":\"2026-11-25T01:00:00Z\",\"openedBy\":\"z\",\"detectedAt\":\"2026-11-25T01:00:00Z\"";
    assertThatThrownBy(() -> CODEC.decode("F-1", "HANDLING_SELF", base + ",\"owner\":\"A\"}"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("ownerId");
    assertThatThrownBy(() -> CODEC.decode("F-1", "HANDLING_SELF", base + ",\"owner\":\"B\",\"ownerId\":\"b\"}"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("owner");
    assertThatThrownBy(() -> CODEC.decode("F-1", "LIMBO", base + "}"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("state");
  }

  @Test
  @DisplayName("SM-ESC-T01 event data is written by field name, facts as the classify document has them, times in UTC")
  void eventData() {
    assertThat(CODEC.encodeData(data().facts(facts(24)).linkedTicketId("T-9").build()))
        .isEqualTo("{\"facts\":{\"faultId\":\"F-1\",\"detectedAt\":\"2026-11-25T01:00:00Z\",\"complaintCount\":24},"
            + "\"linkedTicketId\":\"T-9\"}");
    assertThat(CODEC.encodeData(data().dutyLogDeliveredAt(T0).faultReportRef("R").build()))
        .isEqualTo("{\"dutyLogDeliveredAt\":\"2026-11-25T01:00:00Z\",\"faultReportRef\":\"R\"}");
    assertThat(CODEC.encodeData(EscEventData.empty())).isEqualTo("{}");
  }

  @Test
  @DisplayName("SM-ESC-T04 SM-ESC-T06 a step's data with every field reads back equal; unknown fields are invalid input")
  void eventDataRoundTrip() {
    EscEventData full = data().facts(facts(24)).linkedTicketId("T-9").amsFaultNo("AMS-7").provinceDutyNotifiedAt(T0)
        .assigneeId("bei").assigneeHandler(EscHandler.B).handlerAAvailable(false).handoverNote("交接")
        .reportedToProvinceAt(T0).amsDevTicketNo("AMS-DEV").reportedToDeveloperAt(T0).conclusion("结论")
        .systemProblem(SystemProblem.YES).channel(Channel.ITC).handlingType("其它").recoveryCheck("拨测")
        .reason("复发").dutyLogDeliveredAt(T0).faultReportRef("R").interventionNote("催").weeklySummaryRef("W48")
        .build();
    assertThat(CODEC.decodeData(CODEC.encodeData(full))).isEqualTo(full);
    assertThat(CODEC.decodeData("{}")).isEqualTo(EscEventData.empty());
    assertThatThrownBy(() -> CODEC.decodeData("{\"peakLevel\":\"L2\"}"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("peakLevel");
  }
}
