package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.opsbook.json.OpsJson;

/** {@code ./opsbook notify}: the command line renders a message and names the field of bad input. */
class NotifyMainTest {
  private record Run(int status, JsonNode out) {}

  private static Run notify(String stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"notify"}, new ByteArrayInputStream(stdin.getBytes(UTF_8)),
        new PrintStream(out, true, UTF_8), new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    return new Run(status, OpsJson.parse(out.toString(UTF_8)));
  }

  private static final String REQUEST = "{\"messageType\": \"NOTIFICATION\","
      + " \"facts\": {\"nature\": \"SYSTEM\", \"callCenterFault\": false, \"csComplaintLevel\": 3,"
      + " \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"},"
      + " \"message\": {\"subjectName\": \"BOSS\", \"phenomenon\": \"营业厅无法缴费\", \"cause\": \"待查\","
      + " \"scope\": \"全市营业厅\", \"handlingParty\": \"IT中心\", \"eta\": \"今天18时前\","
      + " \"followUpPerson\": \"张三\"}}";

  @Test
  void NOTIFY_TPL_02_notifyRendersTheSystemNotificationAndItsRecipients() {
    Run r = notify(REQUEST);
    assertThat(r.status()).isZero();
    assertThat(r.out().get("templateId").asText()).isEqualTo("NOTIFY-TPL-02");
    assertThat(r.out().get("text").asText()).isEqualTo("BOSS系统故障通知:故障时间:2026年11月25日14时30分,"
        + "故障现象:营业厅无法缴费,故障原因:待查,影响范围:全市营业厅,处理情况:目前IT中心正在抢修,预计恢复时间:今天18时前,"
        + "故障跟进人:张三 。");
    assertThat(OpsJson.write(r.out().get("recipientClasses"))).isEqualTo("[\"A\",\"B\",\"C\",\"D\"]");
    assertThat(r.out().get("smsSegments").asInt()).isEqualTo(2);
  }

  @Test
  void aMissingPlaceholderExitsTwoNamingTheField() {
    Run r = notify(REQUEST.replace("\"phenomenon\": \"营业厅无法缴费\", ", ""));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(r.out().at("/error/field").asText()).isEqualTo("message.phenomenon");
    assertThat(r.out().at("/error/ruleId").asText()).isEqualTo("NOTIFY-TPL-02");
  }
}
