package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Masking;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.contract.StorageContract;
import org.opsbook.jdbc.audit.SoxExport;
import org.opsbook.jdbc.audit.SoxExport.Access;
import org.opsbook.jdbc.audit.SoxReport;
import org.opsbook.jdbc.audit.SoxStep;
import org.opsbook.jdbc.audit.SoxTrail;

/** The SOX export of DATAOP-MOD-18 over a stored audit log. */
abstract class SoxExportContract extends StorageContract {
  private static AuditEntry.Builder stepBuilder(String id, String action, String from, String to, Instant at) {
    return stepBuilder(id, action, from, to, at, "u-" + action);
  }

  private static AuditEntry.Builder stepBuilder(String id, String action, String from, String to, Instant at,
      String actor) {
    return AuditEntry.builder().stream("dataop:" + id).at(at).actorId(actor).action(action).fromState(from)
        .toState(to).addRuleIds(RuleId.of("DATAOP-MOD-18")).putDetail("approverName", "张三丰")
        .putDetail("note", "联系 13800138000");
  }

  private static AuditEntry step(String id, String action, String from, String to, Instant at) {
    return stepBuilder(id, action, from, to, at).build();
  }

  private void fullChain(String id, Instant t) {
    store.audit().appendAll(List.of(
        step(id, "submit", "DRAFT", "SUBMITTED", t),
        step(id, "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED", t.plusSeconds(60)),
        step(id, "attachScriptAndBackup", "BUSINESS_APPROVED", "SCRIPT_READY", t.plusSeconds(120)),
        step(id, "approveTechnical", "SCRIPT_READY", "TECH_APPROVED", t.plusSeconds(180)),
        step(id, "execute", "TECH_APPROVED", "EXECUTED", t.plusSeconds(240)),
        stepBuilder(id, "passReview", "EXECUTED", "REVIEWED", t.plusSeconds(300))
            .putDetail("reviewSampledNumbers", "13900139000,13700137000,13600136000").build()));
  }

  private SoxExport export() {
    return new SoxExport(store.audit());
  }

  @Test
  @DisplayName("DATAOP-MOD-18: the chain 业务审批 → 技术审批 → 执行 → 复核 is identified in order and compliant")
  void aCompleteChainIsIdentifiedInOrder_DATAOP_MOD_18() {
    fullChain("DM-1", at(0));
    SoxTrail t = export().forStream("dataop:DM-1", Access.MASKED).trails().get(0);
    assertThat(t.entries()).extracting(SoxTrail.Entry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(t.entries()).extracting(e -> e.step().map(SoxStep::label).orElse("-"))
        .containsExactly("-", "业务审批", "-", "技术审批", "执行", "复核");
    assertThat(t.stepTimes()).containsEntry(SoxStep.BUSINESS_APPROVAL, at(60)).containsEntry(SoxStep.REVIEW, at(300));
    assertThat(t.missingSteps()).isEmpty();
    assertThat(t.orderViolations()).isEmpty();
    assertThat(t.verification().intact()).isTrue();
    assertThat(t.compliant()).isTrue();
  }

  @Test
  @DisplayName("DATAOP-MOD-18: a chain without 复核 names the missing step")
  void aMissingStepIsNamed_DATAOP_MOD_18() {
    store.audit().appendAll(List.of(step("DM-2", "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED", at(0)),
        step("DM-2", "approveTechnical", "SCRIPT_READY", "TECH_APPROVED", at(10))));
    SoxTrail t = export().forStream("dataop:DM-2", Access.MASKED).trails().get(0);
    assertThat(t.missingSteps()).containsExactly(SoxStep.EXECUTION, SoxStep.REVIEW);
    assertThat(t.compliant()).isFalse();
  }

  private SoxTrail withTechnicalApprovalAt(String id, Instant tech) {
    store.audit().appendAll(List.of(step(id, "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED", at(100)),
        step(id, "approveTechnical", "SCRIPT_READY", "TECH_APPROVED", tech),
        step(id, "execute", "TECH_APPROVED", "EXECUTED", at(200)),
        step(id, "passReview", "EXECUTED", "REVIEWED", at(300))));
    return export().forStream("dataop:" + id, Access.MASKED).trails().get(0);
  }

  @Test
  @DisplayName("DATAOP-MOD-18 ordering businessApprovedAt <= techApprovedAt: tech at business-1µs, business, +1µs")
  void technicalApprovalBeforeBusinessApprovalIsAViolation_DATAOP_MOD_18() {
    assertThat(withTechnicalApprovalAt("DM-a", at(100).minusNanos(1_000)).orderViolations()).singleElement()
        .satisfies(v -> assertThat(v).contains("DATAOP-MOD-18").contains("技术审批").contains("业务审批"));
    assertThat(withTechnicalApprovalAt("DM-b", at(100)).orderViolations()).isEmpty();
    assertThat(withTechnicalApprovalAt("DM-c", at(100).plusNanos(1_000)).orderViolations()).isEmpty();
  }

  @Test
  void personalDataIsMaskedUnlessTheCallerHasTheRight() {
    fullChain("DM-1", at(0));
    SoxTrail.Entry masked = export().forStream("dataop:DM-1", Access.MASKED).trails().get(0).entries().get(5);
    assertThat(masked.details()).containsEntry("approverName", "张**").containsEntry("note", "联系 138****8000");
    SoxTrail.Entry clear = export().forStream("dataop:DM-1", Access.CLEAR).trails().get(0).entries().get(5);
    assertThat(clear.details()).containsEntry("approverName", "张三丰").containsEntry("note", "联系 13800138000");
  }

  @Test
  @DisplayName("DATAOP-EXT-06: sampled numbers were stored masked, so not even the right shows them in clear")
  void sampledNumbersStayMaskedEvenInAClearExport_DATAOP_EXT_06() {
    fullChain("DM-1", at(0));
    SoxTrail.Entry review = export().forStream("dataop:DM-1", Access.CLEAR).trails().get(0).entries().get(5);
    assertThat(review.details().get("reviewSampledNumbers")).isEqualTo("139****9000,137****7000,136****6000");
  }

  @Test
  void aPeriodExportCoversTheOperationsActiveInThePeriodWithTheirWholeChains() {
    fullChain("DM-1", at(0));
    fullChain("DM-2", at(10_000));
    store.audit().append(step("other", "approveBusiness", "A", "B", at(150)));
    store.audit().append(AuditEntry.builder().stream("fault:F-1").at(at(150)).actorId("s").action("classify")
        .build());
    SoxReport r = export().forPeriod(at(200), at(10_000), SoxExport.DATAOP_PREFIX, Access.MASKED);
    assertThat(r.trails()).extracting(SoxTrail::stream).containsExactly("dataop:DM-1");
    assertThat(r.trails().get(0).entries()).hasSize(6);
    assertThat(r.compliant()).isTrue();
  }

  @Test
  void aTamperedChainIsReportedNotCompliantAtTheBrokenRecord() {
    fullChain("DM-1", at(0));
    store.changeAuditAction("dataop:DM-1", 4, "approveTechnicalForged");
    SoxTrail t = export().forStream("dataop:DM-1", Access.MASKED).trails().get(0);
    assertThat(t.verification().intact()).isFalse();
    assertThat(t.verification().firstBrokenSequence()).contains(4L);
    assertThat(t.compliant()).isFalse();
  }

  @Test
  void theJsonExportNamesTheStepsAndKeepsPersonalDataMasked() {
    fullChain("DM-1", at(0));
    String json = export().forStream("dataop:DM-1", Access.MASKED).toJson(ZoneId.of("Asia/Shanghai"));
    assertThat(json).contains("\"label\" : \"业务审批\"").contains("\"label\" : \"复核\"")
        .contains("\"personalData\" : \"masked\"").contains("138****8000").doesNotContain("13800138000")
        .doesNotContain("张三丰").contains("+08:00").contains("\"compliant\" : true");
  }

  @Test
  @DisplayName("DATAOP-MOD-18 for an extraction: 业务审批 is 数据分析室's request (submit) → 技术审批 (approveScript) → "
      + "执行 (run) → 复核")
  void anExtractionRecordsTheAnalysisRoomsRequestAsItsBusinessStep_DATAOP_MOD_18() {
    store.audit().appendAll(List.of(
        stepBuilder("DE-1", "submit", "DRAFT", "SUBMITTED", at(0)).putDetail("opType", "EXTRACTION").build(),
        step("DE-1", "assess", "SUBMITTED", "ASSESSED", at(10)),
        step("DE-1", "attachScript", "ASSESSED", "SCRIPT_READY", at(20)),
        step("DE-1", "approveScript", "SCRIPT_READY", "SCRIPT_APPROVED", at(30)),
        step("DE-1", "run", "SCRIPT_APPROVED", "EXTRACTED", at(40)),
        step("DE-1", "passReview", "EXTRACTED", "REVIEWED", at(50))));
    SoxTrail t = export().forStream("dataop:DE-1", Access.MASKED).trails().get(0);
    assertThat(t.kind()).isEqualTo(SoxTrail.Kind.EXTRACTION);
    assertThat(t.entries()).extracting(e -> e.step().map(SoxStep::label).orElse("-"))
        .containsExactly("业务审批", "-", "-", "技术审批", "执行", "复核");
    assertThat(t.stepTimes()).containsEntry(SoxStep.BUSINESS_APPROVAL, at(0));
    assertThat(t.missingSteps()).isEmpty();
    assertThat(t.compliant()).isTrue();
    store.audit().append(step("DE-2", "run", "SCRIPT_APPROVED", "EXTRACTED", at(40)));
    assertThat(export().forStream("dataop:DE-2", Access.MASKED).trails().get(0).missingSteps())
        .containsExactly(SoxStep.BUSINESS_APPROVAL, SoxStep.TECHNICAL_APPROVAL, SoxStep.REVIEW);
  }

  @Test
  @DisplayName("DATAOP-EXT-04 a run recorded with its peak-hour violation keeps the trail from being compliant")
  void aRunRecordedWithItsPeakHourViolationIsInTheTrail_DATAOP_EXT_04() {
    store.audit().appendAll(List.of(
        stepBuilder("DE-3", "submit", "DRAFT", "SUBMITTED", at(0)).putDetail("opType", "EXTRACTION").build(),
        step("DE-3", "approveScript", "SCRIPT_READY", "SCRIPT_APPROVED", at(30)),
        stepBuilder("DE-3", "run", "SCRIPT_APPROVED", "EXTRACTED", at(40))
            .putDetail("recordedViolation", "DATAOP-EXT-04: the extraction ran 100 rows for 16.0 minutes").build(),
        step("DE-3", "passReview", "EXTRACTED", "REVIEWED", at(50))));
    SoxTrail t = export().forStream("dataop:DE-3", Access.MASKED).trails().get(0);
    assertThat(t.missingSteps()).isEmpty();
    assertThat(t.orderViolations()).singleElement().asString().startsWith("DATAOP-EXT-04: ").contains("16.0 minutes");
    assertThat(t.compliant()).isFalse();
  }

  @Test
  @DisplayName("DATAOP-MOD-12 an initiator who executed and confirmed the change for the business is not compliant")
  void anInitiatorWhoExecutedAndConfirmedIsNotCompliant_DATAOP_MOD_12() {
    store.audit().appendAll(List.of(
        stepBuilder("DM-12", "submit", "DRAFT", "SUBMITTED", at(0), "zhang").build(),
        step("DM-12", "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED", at(10)),
        stepBuilder("DM-12", "approveTechnical", "SCRIPT_READY", "TECH_APPROVED", at(20), "li").build(),
        stepBuilder("DM-12", "execute", "TECH_APPROVED", "EXECUTED", at(30), "zhang").build(),
        stepBuilder("DM-12", "passReview", "EXECUTED", "REVIEWED", at(40), "zhao").build(),
        stepBuilder("DM-12", "confirmBusiness", "AWAITING_BUSINESS_CONFIRMATION", "CLOSED", at(50), "Zhang")
            .build()));
    SoxTrail t = export().forStream("dataop:DM-12", Access.MASKED).trails().get(0);
    assertThat(t.orderViolations()).singleElement().asString().startsWith("DATAOP-MOD-12").contains("自行验收");
    assertThat(t.compliant()).isFalse();
  }

  /** A batch modification executed by {@code li} and reviewed by {@code reviewer}. */
  private void batchChain(String id, String reviewer, Instant t) {
    store.audit().appendAll(List.of(
        step(id, "submit", "DRAFT", "SUBMITTED", t),
        step(id, "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED", t.plusSeconds(60)),
        stepBuilder(id, "attachScriptAndBackup", "BUSINESS_APPROVED", "SCRIPT_READY", t.plusSeconds(120), "li")
            .build(),
        stepBuilder(id, "approveTechnical", "SCRIPT_READY", "TECH_APPROVED", t.plusSeconds(180), "chen")
            .build(),
        stepBuilder(id, "execute", "TECH_APPROVED", "EXECUTED", t.plusSeconds(240), "li")
            .putDetail("batch", "true").build(),
        stepBuilder(id, "passReview", "EXECUTED", "REVIEWED", t.plusSeconds(300), reviewer).build()));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "DATAOP-MOD-14 li reviewing as \"{0}\" is not compliant")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"li", "Li", " li", "li ", "li\u200B", "l\u0456",
      "\uFF4C\uFF49", "\u00A0li", "\u200B"})
  void aProcessorReviewingUnderAnotherSpellingIsNotCompliant_DATAOP_MOD_14(String reviewer) {
    batchChain("DM-14", reviewer, at(0));
    SoxReport r = export().forStream("dataop:DM-14", Access.MASKED);
    assertThat(r.compliant()).isFalse();
    assertThat(r.trails().get(0).orderViolations()).anySatisfy(v -> assertThat(v).containsAnyOf("DATAOP-MOD-14",
        "canonical form"));
    assertThat(r.toJson(ZoneId.of("Asia/Shanghai"))).contains("\"compliant\" : false").doesNotContain("\"li\"");
  }

  @Test
  @DisplayName("DATAOP-MOD-14: an independent reviewer of a batch change is compliant")
  void anIndependentReviewerIsCompliant_DATAOP_MOD_14() {
    batchChain("DM-15", "zhao", at(0));
    assertThat(export().forStream("dataop:DM-15", Access.MASKED).compliant()).isTrue();
  }

  @Test
  void underMaskedEveryPhoneFormatIdCardNameAndActorIdIsMasked() {
    store.audit().append(AuditEntry.builder().stream("dataop:DM-20").at(at(0)).actorId("zhangsan").action("submit")
        .putDetail("text", "张三丰: 请联系李四 138-0013-8000 / +86 139 0013 9000 / \uFF11\uFF33\uFF17\uFF10\uFF10"
            + "\uFF11\uFF13\uFF17\uFF10\uFF10\uFF10 / 136.0013.6000, 身份证 11010519491231002X")
        .putDetail("reviewerId", "wangwu").putDetail("approverName", "李四").build());
    SoxExport masked = new SoxExport(store.audit(), Masking.names(List.of("张三丰", "李四")));
    String json = masked.forStream("dataop:DM-20", Access.MASKED).toJson(ZoneId.of("Asia/Shanghai"));
    assertThat(json).doesNotContain("zhangsan", "wangwu", "张三丰", "李四", "0013", "19491231", "\uFF10\uFF10\uFF11")
        .contains("z*******", "w*****", "张**", "李*", "138-****-8000", "110***********002X");
    String clear = masked.forStream("dataop:DM-20", Access.CLEAR).toJson(ZoneId.of("Asia/Shanghai"));
    assertThat(clear).contains("zhangsan", "张三丰", "138-0013-8000");
  }
}
