package org.opsbook.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbook.core.Classification;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.NetworkOutageScope;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;

/** One example per classification rule ID: the facts of a typical case and the level and rules it yields. */
class ClassificationRulesTest {
  private final FaultClassifier classifier = FaultClassifier.standard();

  @Test
  @DisplayName("FAULT-CLASS-DEF-02 the same outage is L1 for a hot business at 1 h and for any other business only at 3 h")
  void hotBusinessIsTheFourListedBusinessesAndReachesL1Sooner() {
    assertThat(classifier.classify(FaultFacts.builder().hotBusinessOutageMinutes(60).build()).level())
        .isEqualTo(Level.L1);
    assertThat(classifier.classify(FaultFacts.builder().nonHotBusinessOutageMinutes(60).build()).level())
        .isEqualTo(Level.NONE);
    assertThat(classifier.classify(FaultFacts.builder().nonHotBusinessOutageMinutes(180).build()).level())
        .isEqualTo(Level.L1);
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-03 a key-interface outage is L1 up to 30 minutes and L2 beyond; other interfaces are not")
  void keyInterfaceOutageClassifiesByItsDuration() {
    assertThat(classifier.classify(FaultFacts.builder().keyInterfaceOutageMinutes(30).build()).matchedRules())
        .containsExactly(RuleId.of("FAULT-CLASS-L1-10"));
    assertThat(classifier.classify(FaultFacts.builder().keyInterfaceOutageMinutes(31).build()).matchedRules())
        .containsExactly(RuleId.of("FAULT-CLASS-L2-09"));
    assertThat(classifier.classify(FaultFacts.builder().build()).level()).isEqualTo(Level.NONE);
  }

  static Stream<Arguments> examples() {
    return Stream.of(
        example("FAULT-CLASS-L1-01", Level.L1,
            FaultFacts.builder().affectsNormalCommunication(true).affectedCustomersConfirmed(120)),
        example("FAULT-CLASS-L1-02", Level.L1, FaultFacts.builder().hotBusinessOutageMinutes(90)),
        example("FAULT-CLASS-L1-03", Level.L1, FaultFacts.builder().nonHotBusinessOutageMinutes(240)),
        example("FAULT-CLASS-L1-04", Level.L1, FaultFacts.builder().complaintCount(35)),
        example("FAULT-CLASS-L1-05", Level.L1, FaultFacts.builder().csComplaintLevel(1)),
        example("FAULT-CLASS-L1-06", Level.L1, FaultFacts.builder().goldDiamondComplaintsSameIssue(2)),
        example("FAULT-CLASS-L1-07", Level.L1, FaultFacts.builder().primaryBackupDownSwitchedOk(true)),
        example("FAULT-CLASS-L1-08", Level.L1, FaultFacts.builder().importantEquipmentFault(true)),
        example("FAULT-CLASS-L1-09", Level.L1, FaultFacts.builder().networkOutageScope(NetworkOutageScope.PARTIAL)),
        example("FAULT-CLASS-L1-10", Level.L1, FaultFacts.builder().keyInterfaceOutageMinutes(12.5)),
        example("FAULT-CLASS-L1-11", Level.L1, FaultFacts.builder().severeSystemOrDbAlarm(true)),
        example("FAULT-CLASS-L1-12", Level.L1,
            FaultFacts.builder().efficiencyDegraded(true).waitSecondsPerTransaction(90)),
        example("FAULT-CLASS-L1-13", Level.L1, FaultFacts.builder().dataSetupErrorPotentialUsers(800)),
        example("FAULT-CLASS-L1-14", Level.L1, FaultFacts.builder().softwareFaultBasicServiceUsers(1200)),
        example("FAULT-CLASS-L1-15", Level.L1, FaultFacts.builder().reportErrorServiceHalls(12)),
        example("FAULT-CLASS-L1-16", Level.L1, FaultFacts.builder().externalKeyInterfaceFrequentErrors(true)),
        example("FAULT-CLASS-L2-01", Level.L2,
            FaultFacts.builder().affectsNormalCommunication(true).affectedCustomersPotential(3000)),
        example("FAULT-CLASS-L2-02", Level.L2, FaultFacts.builder().hotBusinessOutageMinutes(240)),
        example("FAULT-CLASS-L2-03", Level.L2, FaultFacts.builder().nonHotBusinessOutageMinutes(360)),
        example("FAULT-CLASS-L2-04", Level.L2, FaultFacts.builder().complaintCount(120)),
        example("FAULT-CLASS-L2-05", Level.L2, FaultFacts.builder().csComplaintLevel(4)),
        example("FAULT-CLASS-L2-07", Level.L2, FaultFacts.builder().systemParalysed(true)),
        example("FAULT-CLASS-L2-08", Level.L2,
            FaultFacts.builder().networkOutageScope(NetworkOutageScope.KEY_BUSINESS_BLOCKED)),
        example("FAULT-CLASS-L2-09", Level.L2, FaultFacts.builder().keyInterfaceOutageMinutes(30.5)),
        example("FAULT-CLASS-L2-10", Level.L2, FaultFacts.builder().importantModuleOutageMinutes(20)),
        example("FAULT-CLASS-L2-11", Level.L2, FaultFacts.builder().softwareFaultBasicServiceUsers(8000),
            "FAULT-CLASS-L1-14"),
        example("FAULT-CLASS-L2-12", Level.L2,
            FaultFacts.builder().efficiencyDegraded(true).waitSecondsPerTransaction(200), "FAULT-CLASS-L1-12"),
        example("FAULT-CLASS-L2-13", Level.L2, FaultFacts.builder().seriousBusinessErrorUsers(6000)),
        example("FAULT-CLASS-L2-06", Level.L2, FaultFacts.builder().goldDiamondComplaintsSameIssue(5),
            "FAULT-CLASS-L1-06"));
  }

  private static Arguments example(String ruleId, Level level, FaultFacts.Builder facts, String... alsoMatched) {
    return Arguments.of(ruleId, level, facts.build(), alsoMatched);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example(String ruleId, Level level, FaultFacts facts, String[] alsoMatched) {
    Classification c = classifier.classify(facts);
    assertThat(c.level()).isEqualTo(level);
    assertThat(c.matchedRules()).containsExactly(RuleId.of(ruleId));
    assertThat(c.matchedRulesAllLevels()).hasSize(1 + alsoMatched.length).contains(RuleId.of(ruleId));
    for (String other : alsoMatched) {
      assertThat(c.matchedRulesAllLevels()).contains(RuleId.of(other));
    }
    assertThat(c.overriddenByManual()).isFalse();
  }

  @Test
  @DisplayName("every FAULT-CLASS-L1/L2 rule has an example above")
  void everyRuleHasAnExample() {
    assertThat(examples().map(a -> (String) a.get()[0]))
        .containsExactlyInAnyOrderElementsOf(classifier.rules().stream().map(r -> r.id().value()).toList());
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-01 NONE is 一般故障, not escalated; L1 and L2 are escalated")
  void def01() {
    assertThat(classifier.classify(FaultFacts.empty()).isEscalated()).isFalse();
    assertThat(classifier.classify(FaultFacts.empty()).matchedRules()).isEmpty();
    assertThat(classifier.classify(FaultFacts.builder().complaintCount(20).build()).isEscalated()).isTrue();
    assertThat(classifier.classify(FaultFacts.builder().complaintCount(50).build()).isEscalated()).isTrue();
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-04 any one criterion suffices and the highest level wins; all matches are listed")
  void def04() {
    Classification c = classifier.classify(FaultFacts.builder().complaintCount(30).systemParalysed(true)
        .severeSystemOrDbAlarm(true).build());
    assertThat(c.level()).isEqualTo(Level.L2);
    assertThat(c.matchedRules()).containsExactly(RuleId.of("FAULT-CLASS-L2-07"));
    assertThat(c.matchedRulesAllLevels()).containsExactly(RuleId.of("FAULT-CLASS-L1-04"),
        RuleId.of("FAULT-CLASS-L1-11"), RuleId.of("FAULT-CLASS-L2-07"));
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-05 a manual assessment raises the level and is listed; it needs a justification")
  void def05() {
    Classification raised = classifier.classify(FaultFacts.builder().complaintCount(25)
        .manualLevelAssessment(Level.L2).manualLevelJustification("计费全面中断, 尚无投诉").build());
    assertThat(raised.level()).isEqualTo(Level.L2);
    assertThat(raised.overriddenByManual()).isTrue();
    assertThat(raised.matchedRules()).containsExactly(FaultClassifier.MANUAL);
    assertThat(raised.matchedRulesAllLevels()).containsExactly(FaultClassifier.MANUAL,
        RuleId.of("FAULT-CLASS-L1-04"));
    Classification same = classifier.classify(FaultFacts.builder().complaintCount(25)
        .manualLevelAssessment(Level.L1).manualLevelJustification("同一判断").build());
    assertThat(same.level()).isEqualTo(Level.L1);
    assertThat(same.overriddenByManual()).isFalse();
    assertThat(same.matchedRules()).containsExactly(FaultClassifier.MANUAL, RuleId.of("FAULT-CLASS-L1-04"));
    assertThatThrownBy(() -> FaultFacts.builder().manualLevelAssessment(Level.L1).build())
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          InvalidInputException ie = (InvalidInputException) e;
          assertThat(ie.field()).isEqualTo("manualLevelJustification");
          assertThat(ie.ruleId()).contains(RuleId.of("FAULT-CLASS-DEF-05"));
        });
    assertThatThrownBy(() -> FaultFacts.builder().manualLevelAssessment(Level.L2).manualLevelJustification("  ")
        .build()).isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-06 severity labels: NONE 一般, L1 严重, L2 重大 (二级 is the more severe)")
  void def06() {
    assertThat(classifier.classify(FaultFacts.empty()).severityLabel()).isEqualTo("一般");
    assertThat(classifier.classify(FaultFacts.builder().csComplaintLevel(1).build()).severityLabel())
        .isEqualTo("严重");
    assertThat(classifier.classify(FaultFacts.builder().csComplaintLevel(2).build()).severityLabel())
        .isEqualTo("重大");
    assertThat(Level.L2.isAtLeast(Level.L1)).isTrue();
    assertThat(Level.L1.isAtLeast(Level.L2)).isFalse();
  }

  @Test
  @DisplayName("FAULT-CLASS-L2-05 with cs level 3 (catalog vector) and FAULT-CLASS-L1-05 only at exactly 1")
  void csLevels() {
    assertThat(classifier.classify(FaultFacts.builder().csComplaintLevel(3).build()).matchedRulesAllLevels())
        .containsExactly(RuleId.of("FAULT-CLASS-L2-05"));
  }

  @Test
  @DisplayName("FAULT-CLASS-L1-01..04 thresholds follow the parameters (§15), so a host can move a number")
  void parametersMoveThresholds() {
    FaultClassifier strict = new FaultClassifier(OpsParameters.builder().l1ComplaintsMin(10).l1ComplaintsMax(30)
        .l2Complaints(30).build());
    assertThat(strict.level(FaultFacts.builder().complaintCount(9).build())).isEqualTo(Level.NONE);
    assertThat(strict.level(FaultFacts.builder().complaintCount(10).build())).isEqualTo(Level.L1);
    assertThat(strict.level(FaultFacts.builder().complaintCount(30).build())).isEqualTo(Level.L2);
    assertThat(strict.rules().get(3).when()).isEqualTo("10 <= complaintCount <= 30");
  }
}
