package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.dataop.DataOpEvent.PASS_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.RUN;
import static org.opsbook.rules.internal.dataop.Fixtures.CITY;
import static org.opsbook.rules.internal.dataop.Fixtures.REVIEWER;
import static org.opsbook.rules.internal.dataop.Fixtures.data;
import static org.opsbook.rules.internal.dataop.Fixtures.extraction;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.internal.dataop.Fixtures.Flow;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.Sample;

/** Sampled numbers compare by their keyed digest, never by their mask (DATAOP-EXT-06, DATAOP-MOD-15). */
class SampleTest {
  private static DataOpEventData checked(Sample... samples) {
    return data().logicVerified(true).countVerified(true).addSampledNumbers(samples).build();
  }

  private static Flow extracted() {
    return Flow.ext(extraction().build()).toScriptApproved()
        .ok(RUN, CITY, data().actualRowCount(1800).actualExecutionMinutes(2).build());
  }

  @DisplayName("DATAOP-EXT-06 three numbers that share a mask are three samples")
  @Test
  void dataopExt06ThreeNumbersThatShareAMaskAreThreeSamples() {
    Sample a = Sample.of("13800138000");
    Sample b = Sample.of("13811118000");
    Sample c = Sample.of("13822228000");
    assertThat(a.maskedNumber()).isEqualTo("138****8000").isEqualTo(b.maskedNumber()).isEqualTo(c.maskedNumber());
    assertThat(a.sameNumber(b)).isFalse();
    assertThat(b.sameNumber(c)).isFalse();
    Flow f = extracted();
    Outcome<DataOpTicket> o = f.fire(PASS_REVIEW, REVIEWER, checked(a, b, c));
    assertThat(o.isAccepted()).isTrue();
    assertThat(f.ticket.record().reviewSampledNumbers()).extracting(Sample::maskedNumber)
        .containsOnly("138****8000");
    assertThat(o.audit().orElseThrow().details().get("sampledNumbers"))
        .isEqualTo("138****8000,138****8000,138****8000");
  }

  @DisplayName("DATAOP-EXT-06 one number sampled three times is one sample")
  @Test
  void dataopExt06OneNumberSampledThreeTimesIsOneSample() {
    Outcome<DataOpTicket> o = extracted().fire(PASS_REVIEW, REVIEWER, checked(Sample.of("13800138000"),
        Sample.of("138 0013 8000"), Sample.of("+86 13800138000")));
    assertThat(o.violatedRules()).extracting(RuleId::value).containsExactly("DATAOP-EXT-06");
    assertThat(o.violations().get(0).message()).contains("found 1");
  }

  @DisplayName("DATAOP-EXT-06 a stored sample reveals neither the number nor its digits")
  @Test
  void dataopExt06AStoredSampleRevealsNeitherTheNumberNorItsDigits() {
    Sample s = Sample.of("13800138000");
    assertThat(s.digest()).hasSize(64).doesNotContain("13800138000").doesNotContain("0013");
    assertThat(s.toString()).doesNotContain(s.digest()).doesNotContain("13800138000");
    assertThatThrownBy(() -> Sample.of("no digits")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sampledNumbers");
  }

  @DisplayName("DATAOP-EXT-06 distinct numbers stay distinct and equal ones equal, whatever their masks")
  @Test
  void dataopExt06DistinctNumbersStayDistinctAndEqualOnesEqual() {
    qt().withExamples(2000).forAll(longs().between(0, 99_999_999L), longs().between(0, 99_999_999L))
        .checkAssert((x, y) -> {
          String nx = String.format("138%08d", x);
          String ny = String.format("138%08d", y);
          Sample sx = Sample.of(nx);
          Sample sy = Sample.of(ny);
          assertThat(sx.sameNumber(sy)).as("%s vs %s", nx, ny).isEqualTo(nx.equals(ny));
          assertThat(sx.sameNumber(Sample.of(nx.substring(0, 3) + " " + nx.substring(3, 7) + " " + nx.substring(7))))
              .as("one number written two ways").isTrue();
        });
  }
}
