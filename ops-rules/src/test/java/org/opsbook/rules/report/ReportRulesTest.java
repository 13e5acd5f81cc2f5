package org.opsbook.rules.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.ReportThresholdPolicy;
import org.opsbook.core.RuleId;
import org.opsbook.rules.report.ReportFacts.FaultCategory;

/** Report inclusion: REPORT-WEEKLY-01/02, REPORT-MONTHLY-01/02/03 and REPORT-POLICY-01, with every bound's triple. */
class ReportRulesTest {
  private static final ReportRules UNION = ReportRules.standard();
  private static final ReportRules ONLY_2_1_10 = rules(ReportThresholdPolicy.SECTION_2_1_10_ONLY);
  private static final ReportRules ONLY_4 = rules(ReportThresholdPolicy.SECTION_4_ONLY);

  private static ReportRules rules(ReportThresholdPolicy policy) {
    return new ReportRules(OpsParameters.builder().reportThresholdPolicy(policy).build());
  }

  record Point(String name, ReportRules rules, ReportFacts facts, boolean weekly, boolean monthly,
      List<String> firing) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Expect(boolean weekly, boolean monthly, List<String> firing) {}

  static Expect no() {
    return new Expect(false, false, List.of());
  }

  static Expect weekly(String... firing) {
    return new Expect(true, false, List.of(firing));
  }

  static Expect monthly(String... firing) {
    return new Expect(false, true, List.of(firing));
  }

  static Expect both(String... firing) {
    return new Expect(true, true, List.of(firing));
  }

  static void triple(List<Point> out, String name, ReportRules rules, int n, IntFunction<ReportFacts> facts,
      Expect below, Expect at, Expect above) {
    out.add(new Point(name + " @ " + (n - 1), rules, facts.apply(n - 1), below.weekly(), below.monthly(),
        below.firing()));
    out.add(new Point(name + " @ " + n, rules, facts.apply(n), at.weekly(), at.monthly(), at.firing()));
    out.add(new Point(name + " @ " + (n + 1), rules, facts.apply(n + 1), above.weekly(), above.monthly(),
        above.firing()));
  }

  static Stream<Arguments> triples() {
    List<Point> p = new ArrayList<>();
    triple(p, "REPORT-WEEKLY-01 occurrencesInWeek >= 2 (含2次: BND-03 makes 超过 inclusive)", ONLY_2_1_10, 2,
        n -> ReportFacts.builder().occurrencesInWeek(n).build(),
        no(), weekly("REPORT-WEEKLY-01"), weekly("REPORT-WEEKLY-01"));
    triple(p, "REPORT-WEEKLY-01 complaintsInWeek > 20 (超过20单)", ONLY_2_1_10, 20,
        n -> ReportFacts.builder().complaintsInWeek(n).build(), no(), no(), weekly("REPORT-WEEKLY-01"));
    triple(p, "REPORT-MONTHLY-01 occurrencesInMonth >= 4 (含4次)", ONLY_2_1_10, 4,
        n -> ReportFacts.builder().occurrencesInMonth(n).build(),
        no(), monthly("REPORT-MONTHLY-01"), monthly("REPORT-MONTHLY-01"));
    triple(p, "REPORT-MONTHLY-01 complaintsInMonth > 70", ONLY_2_1_10, 70,
        n -> ReportFacts.builder().complaintsInMonth(n).build(), no(), no(), monthly("REPORT-MONTHLY-01"));
    triple(p, "REPORT-WEEKLY-02 occurrencesInWeek >= 3 (含3次)", ONLY_4, 3,
        n -> ReportFacts.builder().occurrencesInWeek(n).build(),
        no(), weekly("REPORT-WEEKLY-02"), weekly("REPORT-WEEKLY-02"));
    triple(p, "REPORT-WEEKLY-02 complaintsInWeek > 300", ONLY_4, 300,
        n -> ReportFacts.builder().complaintsInWeek(n).build(), no(), no(), weekly("REPORT-WEEKLY-02"));
    triple(p, "REPORT-MONTHLY-02 occurrencesInMonth >= 3 with complaintsInMonth 501", ONLY_4, 3,
        n -> ReportFacts.builder().occurrencesInMonth(n).complaintsInMonth(501).build(),
        no(), both("REPORT-MONTHLY-02"), both("REPORT-MONTHLY-02"));
    triple(p, "REPORT-MONTHLY-02 complaintsInMonth > 500 with occurrencesInMonth 3", ONLY_4, 500,
        n -> ReportFacts.builder().occurrencesInMonth(3).complaintsInMonth(n).build(),
        no(), no(), both("REPORT-MONTHLY-02"));
    triple(p, "REPORT-MONTHLY-03 categoryOccurrencesInMonth >= 3 (含3次)", ONLY_4, 3,
        n -> ReportFacts.builder().faultCategory(FaultCategory.TOPUP_NOT_CREDITED).categoryOccurrencesInMonth(n)
            .build(), no(), monthly("REPORT-MONTHLY-03"), monthly("REPORT-MONTHLY-03"));
    triple(p, "REPORT-MONTHLY-03 needs a listed category", ONLY_4, 3,
        n -> ReportFacts.builder().faultCategory(FaultCategory.OTHER).categoryOccurrencesInMonth(n).build(),
        no(), no(), no());
    triple(p, "REPORT-POLICY-01 UNION: occurrencesInWeek 2 is enough (WEEKLY-01), 3 adds WEEKLY-02", UNION, 2,
        n -> ReportFacts.builder().occurrencesInWeek(n).build(),
        no(), weekly("REPORT-WEEKLY-01"), weekly("REPORT-WEEKLY-01", "REPORT-WEEKLY-02"));
    triple(p, "REPORT-POLICY-01 SECTION_4_ONLY ignores WEEKLY-01's 2 occurrences", ONLY_4, 2,
        n -> ReportFacts.builder().occurrencesInWeek(n).build(), no(), no(), weekly("REPORT-WEEKLY-02"));
    return p.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("triples")
  void boundary(Point point) {
    ReportInclusion in = point.rules().evaluate(point.facts());
    assertThat(in.weekly()).isEqualTo(point.weekly());
    assertThat(in.monthly()).isEqualTo(point.monthly());
    assertThat(in.firingRules()).extracting(RuleId::value).containsExactlyElementsOf(point.firing());
    assertThat(in.policy()).isEqualTo(point.rules().policy());
  }

  /** Asserts which reports {@code in} reaches and that exactly {@code firing} fired, in that order. */
  private static void included(ReportInclusion in, boolean weekly, boolean monthly, String... firing) {
    assertThat(in.weekly()).as("weekly").isEqualTo(weekly);
    assertThat(in.monthly()).as("monthly").isEqualTo(monthly);
    assertThat(in.firingRules()).extracting(RuleId::value).containsExactly(firing);
  }

  @Test
  @DisplayName("REPORT-WEEKLY-01 the decision-api example: 2 occurrences in the week, weekly only")
  void weekly01() {
    included(UNION.evaluate(ReportFacts.builder().occurrencesInWeek(2).occurrencesInMonth(2).build()), true, false,
        "REPORT-WEEKLY-01");
  }

  @Test
  @DisplayName("REPORT-WEEKLY-02 301 complaints in the week reach the weekly report under SECTION_4_ONLY")
  void weekly02() {
    assertThat(ONLY_4.evaluate(ReportFacts.builder().complaintsInWeek(301).build()).weekly()).isTrue();
  }

  @Test
  @DisplayName("REPORT-MONTHLY-01 71 complaints in the month reach the monthly report")
  void monthly01() {
    included(UNION.evaluate(ReportFacts.builder().complaintsInMonth(71).build()), false, true, "REPORT-MONTHLY-01");
  }

  @Test
  @DisplayName("REPORT-MONTHLY-02 3 occurrences AND 501 complaints in the month: weekly and monthly")
  void monthly02() {
    included(UNION.evaluate(ReportFacts.builder().occurrencesInMonth(3).complaintsInMonth(501).build()), true, true,
        "REPORT-MONTHLY-01", "REPORT-MONTHLY-02");
    assertThat(ONLY_4.evaluate(ReportFacts.builder().occurrencesInMonth(3).complaintsInMonth(400).build())
        .monthly()).as("AND, not OR").isFalse();
  }

  @Test
  @DisplayName("REPORT-MONTHLY-03 every listed category, counted per category; the fault's own count is included")
  void monthly03() {
    for (FaultCategory c : FaultCategory.values()) {
      ReportInclusion in = ONLY_4.evaluate(ReportFacts.builder().faultCategory(c).categoryOccurrencesInMonth(3)
          .build());
      assertThat(in.monthly()).as(c.name()).isEqualTo(c != FaultCategory.OTHER);
    }
    ReportInclusion own = ONLY_4.evaluate(ReportFacts.builder().faultCategory(FaultCategory.SYSTEM_LOGIN_FAILURE)
        .occurrencesInMonth(3).build());
    assertThat(own.firingRules()).containsExactly(RuleId.of("REPORT-MONTHLY-03"));
    assertThat(FaultCategory.TOPUP_NOT_CREDITED.chineseName()).isEqualTo("客户充值未到账");
  }

  @Test
  @DisplayName("REPORT-POLICY-01 UNION is the default and any passage includes; the one-passage policies ignore the other")
  void policy01() {
    assertThat(OpsParameters.defaults().reportThresholdPolicy()).isEqualTo(ReportThresholdPolicy.UNION);
    ReportFacts f = ReportFacts.builder().occurrencesInWeek(2).faultCategory(FaultCategory.BILL_LIST_QUERY_FAILURE)
        .categoryOccurrencesInMonth(3).build();
    assertThat(UNION.evaluate(f).firingRules()).extracting(RuleId::value)
        .containsExactly("REPORT-MONTHLY-03", "REPORT-WEEKLY-01");
    assertThat(ONLY_2_1_10.evaluate(f).firingRules()).extracting(RuleId::value).containsExactly("REPORT-WEEKLY-01");
    assertThat(ONLY_2_1_10.evaluate(f).monthly()).isFalse();
    assertThat(ONLY_4.evaluate(f).firingRules()).extracting(RuleId::value).containsExactly("REPORT-MONTHLY-03");
    assertThat(ONLY_4.evaluate(f).weekly()).isFalse();
    assertThat(UNION.rules()).hasSize(5);
  }

  @Test
  @DisplayName("REPORT-POLICY-01 under UNION, inclusion is the OR of the two single-passage policies")
  void unionIsTheOrOfThePassages() {
    qt().forAll(integers().between(0, 6), integers().between(0, 600), integers().between(0, 8),
            integers().between(0, 700))
        .checkAssert((ow, cw, om, cm) -> {
          ReportFacts f = ReportFacts.builder().occurrencesInWeek(ow).complaintsInWeek(cw).occurrencesInMonth(om)
              .complaintsInMonth(cm).faultCategory(FaultCategory.values()[(ow + cm) % FaultCategory.values().length])
              .categoryOccurrencesInMonth(om).build();
          ReportInclusion u = UNION.evaluate(f);
          ReportInclusion a = ONLY_2_1_10.evaluate(f);
          ReportInclusion b = ONLY_4.evaluate(f);
          assertThat(u.weekly()).isEqualTo(a.weekly() || b.weekly());
          assertThat(u.monthly()).isEqualTo(a.monthly() || b.monthly());
          assertThat(u.firingRules()).containsAll(a.firingRules()).containsAll(b.firingRules());
          ReportFacts more = ReportFacts.builder().occurrencesInWeek(ow + 1).complaintsInWeek(cw)
              .occurrencesInMonth(om).complaintsInMonth(cm + 1).faultCategory(f.faultCategory())
              .categoryOccurrencesInMonth(om).build();
          ReportInclusion m = UNION.evaluate(more);
          assertThat(!u.weekly() || m.weekly()).as("monotone weekly").isTrue();
          assertThat(!u.monthly() || m.monthly()).as("monotone monthly").isTrue();
        });
  }

  @Test
  void negativeCountsNameTheirField() {
    assertThatThrownBy(() -> ReportFacts.builder().complaintsInMonth(-1).build())
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("complaintsInMonth");
  }
}
