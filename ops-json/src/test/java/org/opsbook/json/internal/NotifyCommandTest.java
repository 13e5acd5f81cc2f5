package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.OpsJson;
import org.opsbook.notify.internal.MessageRenderer;

class NotifyCommandTest {
  private static final DecisionApi API = DecisionApi.builder()
      .register(Commands.notification(MessageRenderer.defaults())).build();

  private static final String MESSAGE = "\"message\": {\"subjectName\": \"BOSS\", \"phenomenon\": \"营业厅无法缴费\","
      + " \"cause\": \"待查\", \"scope\": \"全市营业厅\", \"handlingParty\": \"IT中心\","
      + " \"eta\": \"2026-11-25T18:00:00+08:00\", \"followUpPerson\": \"张三\"}";

  private static DecisionApi.Response run(String json) {
    return API.execute("notify", json);
  }

  private static JsonNode ok(String json) {
    return CommandAnswers.ok(run(json));
  }

  private static JsonNode invalid(String json, String field) {
    JsonNode error = CommandAnswers.invalid(run(json));
    assertThat(error.get("field").asText()).isEqualTo(field);
    return error;
  }

  @Test
  void NOTIFY_TPL_02_systemNotificationAsTheContractShows() {
    JsonNode out = ok("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"nature\": \"SYSTEM\", \"callCenterFault\": false,"
        + " \"csComplaintLevel\": 3, \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, " + MESSAGE + "}");
    String text = "BOSS系统故障通知:故障时间:2026年11月25日14时30分,故障现象:营业厅无法缴费,故障原因:待查,影响范围:全市营业厅,"
        + "处理情况:目前IT中心正在抢修,预计恢复时间:2026年11月25日18时0分,故障跟进人:张三 。";
    assertThat(out.get("templateId").asText()).isEqualTo("NOTIFY-TPL-02");
    assertThat(out.get("text").asText()).isEqualTo(text);
    assertThat(OpsJson.write(out.get("recipientClasses"))).isEqualTo("[\"A\",\"B\",\"C\",\"D\"]");
    assertThat(out.get("characters").asInt()).isEqualTo(text.length());
    assertThat(out.get("smsSegments").asInt()).isEqualTo(2);
    assertThat(OpsJson.write(out.get("matchedRules")))
        .isEqualTo("[\"NOTIFY-RCPT-02\",\"NOTIFY-RCPT-04\",\"NOTIFY-TPL-02\"]");
  }

  @Test
  @org.junit.jupiter.api.DisplayName("NOTIFY-RCPT-03 NOTIFY-RCPT-04 assumptions name the absent facts that decide the"
      + " recipients")
  void assumptionsNameTheAbsentFactsThatDecideTheRecipients() {
    JsonNode guessed = ok("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"nature\": \"SYSTEM\","
        + " \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, " + MESSAGE + "}");
    assertThat(OpsJson.write(guessed.get("recipientClasses"))).isEqualTo("[\"A\",\"B\",\"C\"]");
    assertThat(OpsJson.write(guessed.get("assumptions"))).isEqualTo("[\"callCenterFault\",\"csComplaintLevel\"]");
    JsonNode stated = ok("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"nature\": \"SYSTEM\","
        + " \"callCenterFault\": false, \"csComplaintLevel\": 3, \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, "
        + MESSAGE + "}");
    assertThat(stated.has("assumptions")).as("every fact that decides it was given").isFalse();
  }

  @Test
  void NOTIFY_TPL_01_businessNotificationGoesToCOnly() {
    JsonNode out = ok("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"nature\": \"BUSINESS\","
        + " \"faultStartTime\": \"2026-11-25T06:30:00Z\"}, " + MESSAGE + "}");
    assertThat(out.get("templateId").asText()).isEqualTo("NOTIFY-TPL-01");
    assertThat(out.get("text").asText()).startsWith("BOSS故障通知:故障时间:2026年11月25日14时30分,");
    assertThat(OpsJson.write(out.get("recipientClasses"))).isEqualTo("[\"C\"]");
  }

  @Test
  void NOTIFY_RCPT_03_theCallCenterExceptionLeavesOutA() {
    JsonNode out = ok("{\"messageType\": \"FOLLOW_UP\", \"facts\": {\"nature\": \"SYSTEM\", \"callCenterFault\": true,"
        + " \"csComplaintLevel\": 2, \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, " + MESSAGE + "}");
    assertThat(out.get("templateId").asText()).isEqualTo("NOTIFY-TPL-03");
    assertThat(OpsJson.write(out.get("recipientClasses"))).isEqualTo("[\"B\",\"C\"]");
    assertThat(OpsJson.write(out.get("matchedRules")))
        .isEqualTo("[\"NOTIFY-RCPT-03\",\"NOTIFY-RCPT-08\",\"NOTIFY-TPL-03\"]");
  }

  @Test
  void NOTIFY_TPL_04_recoveryNeedsNoEta() {
    JsonNode out = ok("{\"messageType\": \"RECOVERY\", \"facts\": {\"nature\": \"SYSTEM\", \"subjectName\": \"CRM\","
        + " \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, \"message\": {\"phenomenon\": \"无法登录\","
        + " \"cause\": \"数据库锁表\", \"scope\": \"全部营业员\", \"handlingParty\": \"省公司\", \"followUpPerson\": \"李四\"}}");
    assertThat(out.get("text").asText()).isEqualTo("CRM系统故障恢复通知:故障时间:2026年11月25日14时30分,故障现象:无法登录,"
        + "故障原因:数据库锁表,影响范围:全部营业员,处理情况:经省公司抢修后,目前已恢复正常,故障跟进人:李四 。");
  }

  @Test
  void NOTIFY_TPL_05_theBugNoticeIsPostedAndHasNoRecipientClasses() {
    JsonNode out = ok("{\"messageType\": \"BUG_NOTICE\", \"facts\": {\"faultStartTime\": \"2026-11-25T14:30:00+08:00\"},"
        + " \"message\": {\"subjectName\": \"BOSS\", \"phenomenon\": \"用户无法缴费\", \"cause\": \"BOSS系统缴费程序有问题\","
        + " \"scope\": \"所有用户无法缴费\", \"uploadEta\": \"今晚22时\", \"followUpPerson\": \"张三\","
        + " \"uploadFollowUpPerson\": \"李四\", \"workaround\": \"营业厅手工登记\"}}");
    assertThat(out.get("templateId").asText()).isEqualTo("NOTIFY-TPL-05");
    assertThat(out.get("recipientClasses").size()).isZero();
    assertThat(out.get("text").asText()).endsWith("预计程序上载时间:今晚22时,故障跟进人:张三 ,程序上载跟进人:李四,应急处理方法:营业厅手工登记。");
    assertThat(OpsJson.write(out.get("matchedRules"))).isEqualTo("[\"BUG-04\",\"NOTIFY-TPL-05\"]");
  }

  @Test
  void aMissingPlaceholderIsInvalidInputNamingTheMessageField() {
    JsonNode err = invalid("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"nature\": \"SYSTEM\","
        + " \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, \"message\": {\"subjectName\": \"BOSS\"}}",
        "message.phenomenon");
    assertThat(err.get("ruleId").asText()).isEqualTo("NOTIFY-TPL-02");
  }

  @Test
  void theSubjectFallsBackToTheFactsAndMissingBothNamesMessageSubjectName() {
    JsonNode out = ok("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"nature\": \"SYSTEM\", \"subjectName\": \"IBOSS\","
        + " \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, " + MESSAGE.replace("\"subjectName\": \"BOSS\", ", "")
        + "}");
    assertThat(out.get("text").asText()).startsWith("IBOSS系统故障通知:");
    invalid("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"nature\": \"SYSTEM\","
        + " \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, " + MESSAGE.replace("\"subjectName\": \"BOSS\", ", "")
        + "}", "message.subjectName");
  }

  @Test
  void aMissingFaultTimeNamesFactsFaultStartTime() {
    invalid("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"nature\": \"SYSTEM\"}, " + MESSAGE + "}",
        "facts.faultStartTime");
  }

  @Test
  void aNotificationWithoutNatureNamesFactsNature() {
    invalid("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, "
        + MESSAGE + "}", "facts.nature");
    invalid("{\"messageType\": \"RECOVERY\", \"facts\": {\"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, "
        + MESSAGE + "}", "facts.nature");
  }

  @Test
  void badValuesAreInvalidInputNamingTheField() {
    String facts = "\"facts\": {\"nature\": \"SYSTEM\", \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}";
    invalid("{\"messageType\": \"NOTIFICATION\", " + facts + ", " + MESSAGE.replace("IT中心", "开发商") + "}",
        "message.handlingParty");
    invalid("{\"messageType\": \"NOTIFICATION\", " + facts + ", "
        + MESSAGE.replace("2026-11-25T18:00:00+08:00", "2026-11-25T18:00:00") + "}", "message.eta");
    invalid("{\"messageType\": \"NOTIFICATION\", " + facts + ", " + MESSAGE.replace("待查", "*") + "}",
        "message.cause");
    invalid("{\"messageType\": \"NOTIFICATION\", " + facts + ", " + MESSAGE.replace("待查", "") + "}",
        "message.cause");
    invalid("{\"messageType\": \"NOTIFICATION\", " + facts + ", " + MESSAGE.replace("\"cause\"", "\"reason\"") + "}",
        "message.reason");
    invalid("{\"messageType\": \"SMS\", " + facts + ", " + MESSAGE + "}", "messageType");
    invalid("{" + facts + ", " + MESSAGE + "}", "messageType");
    invalid("{\"messageType\": \"NOTIFICATION\", \"facts\": {\"nature\": \"SYSTEM\", \"csComplaintLevel\": -1,"
        + " \"faultStartTime\": \"2026-11-25T14:30:00+08:00\"}, " + MESSAGE + "}", "facts.csComplaintLevel");
  }
}
