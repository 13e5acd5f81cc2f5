package org.opsbook.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Classification;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Level;
import org.opsbook.core.NetworkOutageScope;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.AffectedCustomersMode;
import org.opsbook.rules.internal.classify.ClassificationRule;
import org.quicktheories.core.Gen;

/**
 * Properties of FAULT-CLASS-DEF-04 over random facts: raising any impact fact never lowers the level; the level is
 * the maximum of the levels each independent dimension gives alone; the compiled table agrees with reading every
 * criterion comparison by comparison.
 */
class ClassificationPropertiesTest {
  /** The raw facts: one slot per classification input, see {@link #facts(int[])}. */
  private static final int SLOTS = 23;
  private static final int FLAG_COMM = 0;
  private static final int CS_LEVEL = 5;
  private static final int SCOPE = 9;
  private static final int EFFICIENCY = 12;
  private static final int MANUAL = 22;
  private static final int[] FLAGS = {FLAG_COMM, 7, 8, 11, EFFICIENCY, 17, 18};
  /** The largest value of each slot: 1 for a flag, the last ordinal for an enum, past every threshold otherwise. */
  private static final int[] MAX = {1, 7000, 7000, 400, 400, 5, 6, 1, 1, 2, 61, 1, 1, 300, 7000, 7000, 20, 1, 1,
      40, 7000, 80, 2};

  /** The independent dimensions of §6.4: slots that only matter together form one group. */
  private static final List<int[]> GROUPS = List.of(new int[] {FLAG_COMM, 1, 2}, new int[] {3}, new int[] {4},
      new int[] {6}, new int[] {CS_LEVEL}, new int[] {7}, new int[] {8}, new int[] {SCOPE}, new int[] {10},
      new int[] {11}, new int[] {EFFICIENCY, 13}, new int[] {14}, new int[] {15}, new int[] {16}, new int[] {17},
      new int[] {18}, new int[] {19}, new int[] {20}, new int[] {21}, new int[] {MANUAL});

  private static final List<FaultClassifier> CLASSIFIERS = List.of(FaultClassifier.standard(),
      new FaultClassifier(OpsParameters.builder().affectedCustomersMode(AffectedCustomersMode.CONFIRMED_ONLY)
          .build()),
      new FaultClassifier(OpsParameters.builder().mixedBoundInclusive(false).build()));

  static FaultFacts facts(int[] r) {
    FaultFacts.Builder b = FaultFacts.builder()
        .affectsNormalCommunication(r[FLAG_COMM] == 1)
        .affectedCustomersConfirmed(r[1])
        .affectedCustomersPotential(r[2])
        .hotBusinessOutageMinutes(r[3])
        .nonHotBusinessOutageMinutes(r[4])
        .goldDiamondComplaintsSameIssue(r[6])
        .primaryBackupDownSwitchedOk(r[7] == 1)
        .importantEquipmentFault(r[8] == 1)
        .networkOutageScope(NetworkOutageScope.values()[r[SCOPE]])
        .keyInterfaceOutageMinutes(r[10] / 2.0)
        .severeSystemOrDbAlarm(r[11] == 1)
        .efficiencyDegraded(r[EFFICIENCY] == 1)
        .waitSecondsPerTransaction(r[13])
        .dataSetupErrorPotentialUsers(r[14])
        .softwareFaultBasicServiceUsers(r[15])
        .reportErrorServiceHalls(r[16])
        .externalKeyInterfaceFrequentErrors(r[17] == 1)
        .systemParalysed(r[18] == 1)
        .importantModuleOutageMinutes(r[19] / 2.0)
        .seriousBusinessErrorUsers(r[20])
        .complaintCount(r[21]);
    if (r[CS_LEVEL] > 0) {
      b.csComplaintLevel(r[CS_LEVEL]);
    }
    if (r[MANUAL] > 0) {
      b.manualLevelAssessment(Level.values()[r[MANUAL]]).manualLevelJustification("analyst judgement");
    }
    return b.build();
  }

  /** Thresholds of every table under test, and their neighbours: where a wrong bound would show. */
  private static final int[] NEAR = CLASSIFIERS.stream()
      .flatMap(c -> c.rules().stream())
      .flatMap(r -> r.criterion().comparisons().stream())
      .mapToInt(cmp -> (int) cmp.value())
      .flatMap(v -> java.util.stream.IntStream.of(v - 1, v, v + 1, 2 * v - 1, 2 * v, 2 * v + 1))
      .filter(v -> v >= 0)
      .distinct().sorted().toArray();

  /**
   * Random raw facts: a few slots (sometimes all) hold a value next to a threshold (doubled too, for the half-minute
   * slots) or any value in range; the rest are zero, so that one dimension's band edge is not hidden by another's.
   */
  static Gen<int[]> raw() {
    return in -> {
      int[] r = new int[SLOTS];
      int set = integers().between(1, 3).mix(integers().between(0, SLOTS), 30).generate(in);
      for (int n = 0; n < set; n++) {
        int i = integers().between(0, SLOTS - 1).generate(in);
        int v = integers().between(0, 3).generate(in) < 3
            ? NEAR[integers().between(0, NEAR.length - 1).generate(in)]
            : integers().between(0, MAX[i]).generate(in);
        r[i] = Math.min(MAX[i], v);
      }
      return r;
    };
  }

  /** Increments: mostly small steps across one band edge, sometimes a jump. */
  static Gen<Integer> delta() {
    return integers().between(1, 3).mix(integers().between(1, 7000), 25);
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-04 raising any impact fact (count, duration, flag, enum, cs level) never lowers the level")
  void monotone() {
    qt().withExamples(3000).forAll(raw(), integers().between(0, SLOTS - 1), delta(),
            integers().between(0, CLASSIFIERS.size() - 1))
        .checkAssert((r, slot, delta, which) -> {
          int[] raised = r.clone();
          raised[slot] = Math.min(MAX[slot], r[slot] + delta);
          FaultClassifier c = CLASSIFIERS.get(which);
          Level before = c.level(facts(r));
          Level after = c.level(facts(raised));
          assertThat(after.isAtLeast(before))
              .as("slot %s raised %s -> %s: %s became %s", slot, r[slot], raised[slot], before, after).isTrue();
        });
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-04 the level is the max over the independent dimensions classified alone")
  void maxOverDimensions() {
    qt().withExamples(2000).forAll(raw(), integers().between(0, CLASSIFIERS.size() - 1))
        .checkAssert((r, which) -> {
          FaultClassifier c = CLASSIFIERS.get(which);
          Level max = Level.NONE;
          for (int[] group : GROUPS) {
            int[] alone = new int[SLOTS];
            for (int slot : group) {
              alone[slot] = r[slot];
            }
            max = Level.max(max, c.level(facts(alone)));
          }
          assertThat(c.level(facts(r))).isEqualTo(max);
          assertThat(c.classify(facts(r)).level()).isEqualTo(max);
        });
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-04 the compiled table matches each criterion read comparison by comparison")
  void compiledTableAgreesWithTheCriteria() {
    qt().withExamples(2000).forAll(raw(), integers().between(0, CLASSIFIERS.size() - 1))
        .checkAssert((r, which) -> {
          FaultClassifier c = CLASSIFIERS.get(which);
          FaultFacts f = facts(r);
          double[] values = c.table().schema().values(f);
          Classification result = c.classify(f);
          for (int i = 0; i < c.rules().size(); i++) {
            ClassificationRule rule = c.rules().get(i);
            boolean expected = rule.criterion().comparisons().stream()
                .allMatch(cmp -> cmp.test(values[c.table().schema().indexOf(cmp.dimension())]));
            assertThat((c.match(f) & (1L << i)) != 0).as(rule.id() + " on " + f).isEqualTo(expected);
            assertThat(result.matchedRulesAllLevels().contains(rule.id())).isEqualTo(expected);
          }
          assertThat(result.matchedRules())
              .allSatisfy(id -> assertThat(result.matchedRulesAllLevels()).contains(id));
        });
  }
}
