package org.opsbook.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opsbook.core.Classification;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Level;
import org.opsbook.core.RuleId;

/** The test vectors proposed in rules-catalog §6.4, FAULT-CLASS-DEF-04. */
class CatalogTestVectorsTest {
  private final FaultClassifier classifier = FaultClassifier.standard();

  private Classification classify(FaultFacts.Builder b) {
    return classifier.classify(b.build());
  }

  private static FaultFacts.Builder facts() {
    return FaultFacts.builder();
  }

  @Test
  void faultClassL1_01AndL2_01AffectedCustomers49_50_500() {
    assertThat(classify(facts().affectsNormalCommunication(true).affectedCustomersConfirmed(49)).level())
        .isEqualTo(Level.NONE);
    assertThat(classify(facts().affectsNormalCommunication(true).affectedCustomersConfirmed(50)).matchedRules())
        .containsExactly(RuleId.of("FAULT-CLASS-L1-01"));
    Classification at500 = classify(facts().affectsNormalCommunication(true).affectedCustomersConfirmed(500));
    assertThat(at500.level()).isEqualTo(Level.L2);
    assertThat(at500.matchedRules()).containsExactly(RuleId.of("FAULT-CLASS-L2-01"));
    assertThat(at500.matchedRulesAllLevels())
        .containsExactly(RuleId.of("FAULT-CLASS-L1-01"), RuleId.of("FAULT-CLASS-L2-01"));
  }

  @Test
  void faultClassL2_04FiftyComplaintsIsL2() {
    assertThat(classify(facts().complaintCount(50)).level()).isEqualTo(Level.L2);
  }

  @Test
  void faultClassL1_02AndL2_02HotOutage179And180() {
    assertThat(classify(facts().hotBusinessOutageMinutes(179)).level()).isEqualTo(Level.L1);
    assertThat(classify(facts().hotBusinessOutageMinutes(180)).level()).isEqualTo(Level.L2);
  }

  @Test
  void faultClassL1_10AndL2_09KeyInterface30And31() {
    assertThat(classify(facts().keyInterfaceOutageMinutes(30)).level()).isEqualTo(Level.L1);
    assertThat(classify(facts().keyInterfaceOutageMinutes(31)).level()).isEqualTo(Level.L2);
  }

  @Test
  void faultClassL1_12WaitOfExactly60sIsNone61sIsL1() {
    assertThat(classify(facts().efficiencyDegraded(true).waitSecondsPerTransaction(60)).level())
        .isEqualTo(Level.NONE);
    assertThat(classify(facts().efficiencyDegraded(true).waitSecondsPerTransaction(61)).level())
        .isEqualTo(Level.L1);
  }

  @Test
  void faultClassL1_06TwoGoldDiamondPlusTenOrdinaryComplaintsIsL1() {
    Classification c = classify(facts().goldDiamondComplaintsSameIssue(2).complaintCount(10));
    assertThat(c.level()).isEqualTo(Level.L1);
    assertThat(c.matchedRules()).containsExactly(RuleId.of("FAULT-CLASS-L1-06"));
  }

  @Test
  void faultClassL2_05CsLevel3IsL2() {
    assertThat(classify(facts().csComplaintLevel(3)).level()).isEqualTo(Level.L2);
  }

  @Test
  void faultClassDef05ManualAssessmentRaisesButNeverLowers() {
    Classification raised = classify(facts().manualLevelAssessment(Level.L2).manualLevelJustification("计费全面中断"));
    assertThat(raised.level()).isEqualTo(Level.L2);
    assertThat(raised.matchedRules()).containsExactly(FaultClassifier.MANUAL);
    assertThat(raised.overriddenByManual()).isTrue();
    Classification kept = classify(facts().complaintCount(60).manualLevelAssessment(Level.L1)
        .manualLevelJustification("判断为一级"));
    assertThat(kept.level()).isEqualTo(Level.L2);
    assertThat(kept.overriddenByManual()).isFalse();
    assertThat(kept.matchedRulesAllLevels()).contains(FaultClassifier.MANUAL, RuleId.of("FAULT-CLASS-L2-04"));
  }

  @Test
  void theTableHasEveryL1AndL2CriterionOnce() {
    assertThat(classifier.rules()).hasSize(29);
    assertThat(classifier.rules().stream().filter(r -> r.level() == Level.L1)).hasSize(16);
  }
}
