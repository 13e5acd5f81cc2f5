package org.opsbook.rules.internal.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;

/** The compiled rule table: intervals, bands, ranks, masks and the checks made when it is built. */
class RuleTableTest {
  private static final FactSchema<long[]> THREE = FactSchema.of(List.of("a", "b", "c"), (f, v) -> {
    for (int i = 0; i < 3; i++) {
      v[i] = f[i];
    }
  });

  @Test
  void everyOperatorReadsItsBound() {
    RuleTable<long[]> t = RuleTable.builder(THREE)
        .add(RuleId.of("T-01"), 1, Criterion.of(Comparison.atLeast("a", 10)))
        .add(RuleId.of("T-02"), 1, Criterion.of(Comparison.above("a", 10)))
        .add(RuleId.of("T-03"), 2, Criterion.of(Comparison.atMost("a", 10)))
        .add(RuleId.of("T-04"), 2, Criterion.of(Comparison.below("a", 10)))
        .add(RuleId.of("T-05"), 3, Criterion.of(Comparison.equalTo("a", 10)))
        .build();
    assertThat(t.ids(t.match(new long[] {9, 0, 0}))).extracting(RuleId::value).containsExactly("T-03", "T-04");
    assertThat(t.ids(t.match(new long[] {10, 0, 0}))).extracting(RuleId::value)
        .containsExactly("T-01", "T-03", "T-05");
    assertThat(t.ids(t.match(new long[] {11, 0, 0}))).extracting(RuleId::value).containsExactly("T-01", "T-02");
    assertThat(t.rank(t.match(new long[] {10, 0, 0}))).isEqualTo(3);
    assertThat(t.rank(t.match(new long[] {11, 0, 0}))).isEqualTo(1);
    assertThat(t.rank(0)).isZero();
  }

  @Test
  void conjunctionsAcrossDimensionsNeedEveryPart() {
    RuleTable<long[]> t = RuleTable.builder(THREE)
        .add(RuleId.of("T-01"), 1, Criterion.of(Comparison.isSet("a"), Comparison.atLeast("b", 5),
            Comparison.atMost("b", 7)))
        .add(RuleId.of("T-02"), 2, Criterion.of(Comparison.above("c", 0)))
        .build();
    assertThat(t.match(new long[] {1, 5, 0})).isEqualTo(1L);
    assertThat(t.match(new long[] {1, 8, 0})).isZero();
    assertThat(t.match(new long[] {0, 6, 0})).isZero();
    assertThat(t.match(new long[] {1, 7, 1})).isEqualTo(3L);
    assertThat(t.rows().get(0).criterion().toString()).isEqualTo("a AND 5 <= b <= 7");
    assertThat(t.rankMask(2)).isEqualTo(2L);
    assertThat(t.rankMask(9)).isZero();
  }

  @Test
  void ranksInAnyOrderAndRepeatedGiveTheHighestMatchedRank() {
    RuleTable<long[]> t = RuleTable.builder(THREE)
        .add(RuleId.of("T-01"), 2, Criterion.of(Comparison.isSet("a")))
        .add(RuleId.of("T-02"), 5, Criterion.of(Comparison.isSet("b")))
        .add(RuleId.of("T-03"), 1, Criterion.of(Comparison.isSet("c")))
        .add(RuleId.of("T-04"), 5, Criterion.of(Comparison.atLeast("a", 2)))
        .build();
    assertThat(t.rank(t.match(new long[] {1, 0, 1}))).isEqualTo(2);
    assertThat(t.rank(t.match(new long[] {0, 0, 1}))).isEqualTo(1);
    assertThat(t.rank(t.match(new long[] {2, 0, 1}))).isEqualTo(5);
    assertThat(t.rankMask(5)).isEqualTo(0b1010L);
    assertThat(t.rankMask(2)).isEqualTo(0b0001L);
    assertThat(t.rankMask(1)).isEqualTo(0b0100L);
    assertThat(t.ids(0b1011L)).extracting(RuleId::value).containsExactly("T-01", "T-02", "T-04");
  }

  @Test
  void duplicateIdsUnknownDimensionsAndOversizedTablesAreRejected() {
    Criterion any = Criterion.of(Comparison.atLeast("a", 1));
    assertThatThrownBy(() -> RuleTable.builder(THREE).add(RuleId.of("T-01"), 1, any)
        .add(RuleId.of("T-01"), 2, any).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate rule id");
    assertThatThrownBy(() -> RuleTable.builder(THREE)
        .add(RuleId.of("T-01"), 1, Criterion.of(Comparison.atLeast("zz", 1))).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown dimension zz");
    RuleTable.Builder<long[]> big = RuleTable.builder(THREE);
    for (int i = 0; i < 64; i++) {
      big.add(RuleId.of(String.format("T-%02d", i)), 1, any);
    }
    assertThatThrownBy(big::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 63");
    assertThatThrownBy(() -> FactSchema.of(List.of("a", "a"), (long[] f, double[] v) -> { }))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-04 the classification schema projects each fact at its named position")
  void classificationSchemaPositionsMatchTheirNames() {
    FactSchema<FaultFacts> schema = ClassificationTable.schema(OpsParameters.defaults());
    assertThat(schema.values(FaultFacts.empty())).containsOnly(0.0);
    assertOnly(schema, FaultFacts.builder().affectsNormalCommunication(true).build(),
        ClassificationTable.AFFECTS_NORMAL_COMMUNICATION, 1);
    assertOnly(schema, FaultFacts.builder().affectedCustomersPotential(7).build(),
        ClassificationTable.AFFECTED_CUSTOMERS, 7);
    assertOnly(schema, FaultFacts.builder().hotBusinessOutageMinutes(7).build(),
        ClassificationTable.HOT_BUSINESS_OUTAGE_MINUTES, 7);
    assertOnly(schema, FaultFacts.builder().nonHotBusinessOutageMinutes(7).build(),
        ClassificationTable.NON_HOT_BUSINESS_OUTAGE_MINUTES, 7);
    assertOnly(schema, FaultFacts.builder().complaintCount(7).build(), ClassificationTable.COMPLAINT_COUNT, 7);
    assertOnly(schema, FaultFacts.builder().csComplaintLevel(3).build(), ClassificationTable.CS_COMPLAINT_LEVEL, 3);
    assertOnly(schema, FaultFacts.builder().goldDiamondComplaintsSameIssue(7).build(),
        ClassificationTable.GOLD_DIAMOND_COMPLAINTS, 7);
    assertOnly(schema, FaultFacts.builder().primaryBackupDownSwitchedOk(true).build(),
        ClassificationTable.PRIMARY_BACKUP_DOWN_SWITCHED_OK, 1);
    assertOnly(schema, FaultFacts.builder().importantEquipmentFault(true).build(),
        ClassificationTable.IMPORTANT_EQUIPMENT_FAULT, 1);
    assertOnly(schema, FaultFacts.builder().networkOutageScope(org.opsbook.core.NetworkOutageScope.PARTIAL).build(),
        ClassificationTable.NETWORK_OUTAGE_SCOPE, 1);
    assertOnly(schema, FaultFacts.builder().keyInterfaceOutageMinutes(7).build(),
        ClassificationTable.KEY_INTERFACE_OUTAGE_MINUTES, 7);
    assertOnly(schema, FaultFacts.builder().severeSystemOrDbAlarm(true).build(),
        ClassificationTable.SEVERE_SYSTEM_OR_DB_ALARM, 1);
    assertOnly(schema, FaultFacts.builder().efficiencyDegraded(true).build(),
        ClassificationTable.EFFICIENCY_DEGRADED, 1);
    assertOnly(schema, FaultFacts.builder().waitSecondsPerTransaction(7).build(),
        ClassificationTable.WAIT_SECONDS_PER_TRANSACTION, 7);
    assertOnly(schema, FaultFacts.builder().dataSetupErrorPotentialUsers(7).build(),
        ClassificationTable.DATA_SETUP_ERROR_POTENTIAL_USERS, 7);
    assertOnly(schema, FaultFacts.builder().softwareFaultBasicServiceUsers(7).build(),
        ClassificationTable.SOFTWARE_FAULT_BASIC_SERVICE_USERS, 7);
    assertOnly(schema, FaultFacts.builder().reportErrorServiceHalls(7).build(),
        ClassificationTable.REPORT_ERROR_SERVICE_HALLS, 7);
    assertOnly(schema, FaultFacts.builder().externalKeyInterfaceFrequentErrors(true).build(),
        ClassificationTable.EXTERNAL_KEY_INTERFACE_FREQUENT_ERRORS, 1);
    assertOnly(schema, FaultFacts.builder().systemParalysed(true).build(), ClassificationTable.SYSTEM_PARALYSED, 1);
    assertOnly(schema, FaultFacts.builder().importantModuleOutageMinutes(7).build(),
        ClassificationTable.IMPORTANT_MODULE_OUTAGE_MINUTES, 7);
    assertOnly(schema, FaultFacts.builder().seriousBusinessErrorUsers(7).build(),
        ClassificationTable.SERIOUS_BUSINESS_ERROR_USERS, 7);
  }

  private static void assertOnly(FactSchema<FaultFacts> schema, FaultFacts facts, String dimension, double value) {
    double[] v = schema.values(facts);
    for (int i = 0; i < v.length; i++) {
      assertThat(v[i]).as(schema.dimensions().get(i)).isEqualTo(schema.indexOf(dimension) == i ? value : 0.0);
    }
  }

  @Test
  @DisplayName("FAULT-CLASS-L1-01 the table prints its predicates in the catalog's notation")
  void tablePrintsItsPredicates() {
    List<ClassificationRule> t = ClassificationTable.standard();
    assertThat(t).hasSize(29);
    assertThat(t.get(0).when()).isEqualTo("affectsNormalCommunication AND 50 <= affectedCustomers <= 500");
    assertThat(t.get(8).when()).isEqualTo("networkOutageScope == PARTIAL");
    assertThat(t.get(9).when()).isEqualTo("0 < keyInterfaceOutageMinutes <= 30");
    assertThat(t.get(12).when()).isEqualTo("dataSetupErrorPotentialUsers >= 500");
    assertThat(ClassificationTable.of(OpsParameters.builder().mixedBoundInclusive(false).build()).get(12).when())
        .isEqualTo("dataSetupErrorPotentialUsers > 500");
    assertThat(t.get(28).when()).isEqualTo("seriousBusinessErrorUsers > 5000");
  }
}
