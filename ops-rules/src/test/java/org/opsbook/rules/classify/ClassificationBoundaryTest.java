package org.opsbook.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbook.core.Classification;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Level;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.AffectedCustomersMode;
import org.opsbook.core.RuleId;

/**
 * The boundary triple (n-1, n, n+1) of every numeric threshold of FAULT-CLASS-L1-01..16 and L2-01..13, read as the
 * catalog's BND rules and the §6.4 partition say: 以上/以下/之间 inclusive (BND-01, BND-06), 超过 exclusive (BND-02),
 * 超过…以上 inclusive or, with {@code mixedBoundInclusive} off, exclusive (BND-04), the higher level winning where two
 * bands meet (BND-07).
 */
class ClassificationBoundaryTest {
  private static final FaultClassifier STANDARD = FaultClassifier.standard();
  private static final FaultClassifier CONFIRMED_ONLY = new FaultClassifier(OpsParameters.builder()
      .affectedCustomersMode(AffectedCustomersMode.CONFIRMED_ONLY).build());
  private static final FaultClassifier EXCLUSIVE_MIXED =
      new FaultClassifier(OpsParameters.builder().mixedBoundInclusive(false).build());

  /** One point of a triple: the facts at value n, the level expected and the rules expected at any level. */
  record Point(String name, FaultClassifier classifier, FaultFacts facts, Level level, List<String> allLevels) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> triples() {
    List<Point> p = new ArrayList<>();
    IntFunction<FaultFacts> comm = n -> FaultFacts.builder().affectsNormalCommunication(true)
        .affectedCustomersConfirmed(n).build();
    triple(p, "FAULT-CLASS-L1-01 affectedCustomers >= 50", STANDARD, 50, comm,
        none(), l1("FAULT-CLASS-L1-01"), l1("FAULT-CLASS-L1-01"));
    triple(p, "FAULT-CLASS-L1-01/L2-01 affectedCustomers 500 (以下 and 以上 both hold, L2 wins)", STANDARD, 500, comm,
        l1("FAULT-CLASS-L1-01"), l2("FAULT-CLASS-L1-01", "FAULT-CLASS-L2-01"), l2("FAULT-CLASS-L2-01"));
    IntFunction<FaultFacts> potential = n -> FaultFacts.builder().affectsNormalCommunication(true)
        .affectedCustomersConfirmed(10).affectedCustomersPotential(n).build();
    triple(p, "FAULT-CLASS-L1-01 potential customers count (max of confirmed and potential, A-42)", STANDARD, 50,
        potential, none(), l1("FAULT-CLASS-L1-01"), l1("FAULT-CLASS-L1-01"));
    triple(p, "FAULT-CLASS-L2-01 potential customers count (A-42)", STANDARD, 500, potential,
        l1("FAULT-CLASS-L1-01"), l2("FAULT-CLASS-L1-01", "FAULT-CLASS-L2-01"), l2("FAULT-CLASS-L2-01"));
    triple(p, "FAULT-CLASS-L2-01 CONFIRMED_ONLY ignores potential customers", CONFIRMED_ONLY, 500, potential,
        none(), none(), none());
    triple(p, "FAULT-CLASS-L1-01 CONFIRMED_ONLY reads confirmed customers", CONFIRMED_ONLY, 50, comm,
        none(), l1("FAULT-CLASS-L1-01"), l1("FAULT-CLASS-L1-01"));
    triple(p, "FAULT-CLASS-L2-01 CONFIRMED_ONLY reads confirmed customers", CONFIRMED_ONLY, 500, comm,
        l1("FAULT-CLASS-L1-01"), l2("FAULT-CLASS-L1-01", "FAULT-CLASS-L2-01"), l2("FAULT-CLASS-L2-01"));
    triple(p, "FAULT-CLASS-L2-01 needs affectsNormalCommunication", STANDARD, 500,
        n -> FaultFacts.builder().affectedCustomersConfirmed(n).build(), none(), none(), none());

    IntFunction<FaultFacts> hot = n -> FaultFacts.builder().hotBusinessOutageMinutes(n).build();
    triple(p, "FAULT-CLASS-L1-02 hotBusinessOutageMinutes >= 60", STANDARD, 60, hot,
        none(), l1("FAULT-CLASS-L1-02"), l1("FAULT-CLASS-L1-02"));
    triple(p, "FAULT-CLASS-L1-02/L2-02 hotBusinessOutageMinutes 180", STANDARD, 180, hot,
        l1("FAULT-CLASS-L1-02"), l2("FAULT-CLASS-L1-02", "FAULT-CLASS-L2-02"), l2("FAULT-CLASS-L2-02"));
    IntFunction<FaultFacts> nonHot = n -> FaultFacts.builder().nonHotBusinessOutageMinutes(n).build();
    triple(p, "FAULT-CLASS-L1-03 nonHotBusinessOutageMinutes >= 180", STANDARD, 180, nonHot,
        none(), l1("FAULT-CLASS-L1-03"), l1("FAULT-CLASS-L1-03"));
    triple(p, "FAULT-CLASS-L1-03/L2-03 nonHotBusinessOutageMinutes 300", STANDARD, 300, nonHot,
        l1("FAULT-CLASS-L1-03"), l2("FAULT-CLASS-L1-03", "FAULT-CLASS-L2-03"), l2("FAULT-CLASS-L2-03"));
    IntFunction<FaultFacts> complaints = n -> FaultFacts.builder().complaintCount(n).build();
    triple(p, "FAULT-CLASS-L1-04 complaintCount >= 20", STANDARD, 20, complaints,
        none(), l1("FAULT-CLASS-L1-04"), l1("FAULT-CLASS-L1-04"));
    triple(p, "FAULT-CLASS-L1-04/L2-04 complaintCount 50", STANDARD, 50, complaints,
        l1("FAULT-CLASS-L1-04"), l2("FAULT-CLASS-L1-04", "FAULT-CLASS-L2-04"), l2("FAULT-CLASS-L2-04"));
    IntFunction<FaultFacts> cs = n -> n == 0 ? FaultFacts.empty() : FaultFacts.builder().csComplaintLevel(n).build();
    triple(p, "FAULT-CLASS-L1-05 csComplaintLevel == 1 (none, 1, 2)", STANDARD, 1, cs,
        none(), l1("FAULT-CLASS-L1-05"), l2("FAULT-CLASS-L2-05"));
    triple(p, "FAULT-CLASS-L2-05 csComplaintLevel >= 2 (二级以上包括二级)", STANDARD, 2, cs,
        l1("FAULT-CLASS-L1-05"), l2("FAULT-CLASS-L2-05"), l2("FAULT-CLASS-L2-05"));
    IntFunction<FaultFacts> gold = n -> FaultFacts.builder().goldDiamondComplaintsSameIssue(n).build();
    triple(p, "FAULT-CLASS-L1-06 goldDiamondComplaintsSameIssue >= 2 (BND-09)", STANDARD, 2, gold,
        none(), l1("FAULT-CLASS-L1-06"), l2("FAULT-CLASS-L1-06", "FAULT-CLASS-L2-06"));
    triple(p, "FAULT-CLASS-L2-06 goldDiamondComplaintsSameIssue >= 3", STANDARD, 3, gold,
        l1("FAULT-CLASS-L1-06"), l2("FAULT-CLASS-L1-06", "FAULT-CLASS-L2-06"),
        l2("FAULT-CLASS-L1-06", "FAULT-CLASS-L2-06"));
    IntFunction<FaultFacts> key = n -> FaultFacts.builder().keyInterfaceOutageMinutes(n).build();
    triple(p, "FAULT-CLASS-L1-10 keyInterfaceOutageMinutes > 0", STANDARD, 0, key,
        none(), none(), l1("FAULT-CLASS-L1-10"));
    triple(p, "FAULT-CLASS-L1-10/L2-09 keyInterfaceOutageMinutes 30 (不超过 / 超过)", STANDARD, 30, key,
        l1("FAULT-CLASS-L1-10"), l1("FAULT-CLASS-L1-10"), l2("FAULT-CLASS-L2-09"));
    IntFunction<FaultFacts> wait = n -> FaultFacts.builder().efficiencyDegraded(true).waitSecondsPerTransaction(n)
        .build();
    triple(p, "FAULT-CLASS-L1-12 waitSecondsPerTransaction > 60", STANDARD, 60, wait,
        none(), none(), l1("FAULT-CLASS-L1-12"));
    triple(p, "FAULT-CLASS-L2-12 waitSecondsPerTransaction > 180", STANDARD, 180, wait,
        l1("FAULT-CLASS-L1-12"), l1("FAULT-CLASS-L1-12"), l2("FAULT-CLASS-L1-12", "FAULT-CLASS-L2-12"));
    triple(p, "FAULT-CLASS-L2-12 needs efficiencyDegraded", STANDARD, 180,
        n -> FaultFacts.builder().waitSecondsPerTransaction(n).build(), none(), none(), none());
    IntFunction<FaultFacts> setup = n -> FaultFacts.builder().dataSetupErrorPotentialUsers(n).build();
    triple(p, "FAULT-CLASS-L1-13 dataSetupErrorPotentialUsers >= 500 (BND-04 inclusive)", STANDARD, 500, setup,
        none(), l1("FAULT-CLASS-L1-13"), l1("FAULT-CLASS-L1-13"));
    triple(p, "FAULT-CLASS-L1-13 mixedBoundInclusive=false reads > 500", EXCLUSIVE_MIXED, 500, setup,
        none(), none(), l1("FAULT-CLASS-L1-13"));
    IntFunction<FaultFacts> software = n -> FaultFacts.builder().softwareFaultBasicServiceUsers(n).build();
    triple(p, "FAULT-CLASS-L1-14 softwareFaultBasicServiceUsers > 500 (BND-02)", STANDARD, 500, software,
        none(), none(), l1("FAULT-CLASS-L1-14"));
    triple(p, "FAULT-CLASS-L2-11 softwareFaultBasicServiceUsers > 5000", STANDARD, 5000, software,
        l1("FAULT-CLASS-L1-14"), l1("FAULT-CLASS-L1-14"), l2("FAULT-CLASS-L1-14", "FAULT-CLASS-L2-11"));
    IntFunction<FaultFacts> halls = n -> FaultFacts.builder().reportErrorServiceHalls(n).build();
    triple(p, "FAULT-CLASS-L1-15 reportErrorServiceHalls >= 10", STANDARD, 10, halls,
        none(), l1("FAULT-CLASS-L1-15"), l1("FAULT-CLASS-L1-15"));
    IntFunction<FaultFacts> module = n -> FaultFacts.builder().importantModuleOutageMinutes(n).build();
    triple(p, "FAULT-CLASS-L2-10 importantModuleOutageMinutes > 15", STANDARD, 15, module,
        none(), none(), l2("FAULT-CLASS-L2-10"));
    IntFunction<FaultFacts> serious = n -> FaultFacts.builder().seriousBusinessErrorUsers(n).build();
    triple(p, "FAULT-CLASS-L2-13 seriousBusinessErrorUsers > 5000", STANDARD, 5000, serious,
        none(), none(), l2("FAULT-CLASS-L2-13"));
    return p.stream().map(Arguments::of);
  }

  private record Expect(Level level, List<String> allLevels) {}

  private static Expect none() {
    return new Expect(Level.NONE, List.of());
  }

  private static Expect l1(String... all) {
    return new Expect(Level.L1, List.of(all));
  }

  private static Expect l2(String... all) {
    return new Expect(Level.L2, List.of(all));
  }

  private static void triple(List<Point> out, String name, FaultClassifier c, int n, IntFunction<FaultFacts> facts,
      Expect below, Expect at, Expect above) {
    if (n > 0) {
      out.add(new Point(name + " @ " + (n - 1), c, facts.apply(n - 1), below.level(), below.allLevels()));
    }
    out.add(new Point(name + " @ " + n, c, facts.apply(n), at.level(), at.allLevels()));
    out.add(new Point(name + " @ " + (n + 1), c, facts.apply(n + 1), above.level(), above.allLevels()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("triples")
  void boundary(Point point) {
    Classification c = point.classifier().classify(point.facts());
    assertThat(c.level()).isEqualTo(point.level());
    assertThat(c.matchedRulesAllLevels()).extracting(RuleId::value)
        .containsExactlyElementsOf(point.allLevels());
    assertThat(c.matchedRules()).allSatisfy(id -> assertThat(point.allLevels()).contains(id.value()));
    assertThat(point.classifier().level(point.facts())).isEqualTo(point.level());
  }
}
