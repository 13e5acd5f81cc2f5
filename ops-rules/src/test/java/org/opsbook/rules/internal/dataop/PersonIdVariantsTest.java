package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_TECHNICAL;
import static org.opsbook.rules.dataop.DataOpEvent.ATTACH_SCRIPT_AND_BACKUP;
import static org.opsbook.rules.dataop.DataOpEvent.EXECUTE;
import static org.opsbook.rules.dataop.DataOpEvent.PASS_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.SUBMIT;
import static org.opsbook.rules.internal.dataop.Fixtures.BUSINESS;
import static org.opsbook.rules.internal.dataop.Fixtures.REVIEWER;
import static org.opsbook.rules.internal.dataop.Fixtures.SUBMITTER;
import static org.opsbook.rules.internal.dataop.Fixtures.actor;
import static org.opsbook.rules.internal.dataop.Fixtures.batchReview;
import static org.opsbook.rules.internal.dataop.Fixtures.executed;
import static org.opsbook.rules.internal.dataop.Fixtures.modification;
import static org.opsbook.rules.internal.dataop.Fixtures.script;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.internal.dataop.Fixtures.Flow;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;

/**
 * DATAOP-MOD-14 against spellings of one person: the processor {@code li} reviewing a batch change as {@code Li},
 * {@code " li"}, {@code "li "}, {@code li}+zero-width space, Cyrillic {@code lі} or full-width {@code ｌｉ} is either
 * refused as input or refused by the rule; the change never closes its review.
 */
class PersonIdVariantsTest {
  private static final Role[] PROCESSOR_AND_REVIEWER = {Role.DATA_PROCESSOR_CITY, Role.DATA_REVIEWER};

  /** A batch change whose script was written, approved and executed by {@code li}. */
  private static Flow executedByLi() {
    Actor li = actor("li", "运营管理室", ActorKind.CITY_STAFF, PROCESSOR_AND_REVIEWER);
    return Flow.mod(modification().recordCount(2000).build()).ok(SUBMIT, SUBMITTER).ok(APPROVE_BUSINESS, BUSINESS)
        .ok(ATTACH_SCRIPT_AND_BACKUP, li, script()).ok(APPROVE_TECHNICAL, li).ok(EXECUTE, li, executed(2000));
  }

  /** Returns "input" when the ID is refused, "DATAOP-MOD-14" when the rule refuses, "accepted" otherwise. */
  private static String reviewAs(Flow f, String id) {
    Actor reviewer;
    try {
      reviewer = actor(id, "运营管理室", ActorKind.CITY_STAFF, PROCESSOR_AND_REVIEWER);
    } catch (InvalidInputException e) {
      assertThat(e.field()).isEqualTo("id");
      return "input";
    }
    Outcome<DataOpTicket> o = f.fire(PASS_REVIEW, reviewer, batchReview());
    if (o.isAccepted()) {
      return "accepted";
    }
    assertThat(o.violatedRules()).extracting(RuleId::value).contains("DATAOP-MOD-14");
    return "DATAOP-MOD-14";
  }

  @ParameterizedTest(name = "DATAOP-MOD-14 li reviewing as \"{0}\" is refused")
  @ValueSource(strings = {"li", "Li", "LI", " li", "li ", "li\u200B", "l\u0456", "\uFF4C\uFF49", "\u00A0li",
      "l\u00ADi", "\uFEFFli", "\u043Bi", "l\u03B9"})
  void dataopMod14LiReviewingAsAVariantIsRefused(String variant) {
    Flow f = executedByLi();
    assertThat(reviewAs(f, variant)).isIn("input", "DATAOP-MOD-14");
    assertThat(f.state()).isEqualTo(DataOpState.EXECUTED);
    assertThat(f.ticket.record().reviewerId()).isEmpty();
    // the independent reviewer still may
    f.ok(PASS_REVIEW, REVIEWER, batchReview());
    assertThat(f.state()).isEqualTo(DataOpState.REVIEWED);
  }

  @ParameterizedTest(name = "DATAOP-MOD-14 the ID \"{0}\" is refused")
  @ValueSource(strings = {"\u200B", "\u00A0", "\u2060", "\u3000", "\uFEFF", "\u00AD"})
  void dataopMod14InvisibleOrBlankIdsAreRefused(String id) {
    assertThat(reviewAs(executedByLi(), id)).isEqualTo("input");
  }

  @Test
  @DisplayName("DATAOP-MOD-14 the developer and monitor named in event data are canonical too")
  void dataopMod14EventDataIdsAreCanonical() {
    DataOpEventData d = DataOpEventData.builder().developerId(" Dev1").cityMonitorId("\uFF2C\uFF29").build();
    assertThat(d.developerId()).contains("dev1");
    assertThat(d.cityMonitorId()).contains("li");
    assertThat(catchThrowableOfType(() -> DataOpEventData.builder().cityMonitorId("l\u0456").build(),
        InvalidInputException.class).field()).isEqualTo("cityMonitorId");
  }

  @Test
  @DisplayName("DATAOP-MOD-14 generated spellings of the processor (case, width, white space, invisibles, "
      + "look-alikes): 0 bypasses")
  void dataopMod14GeneratedSpellingsNeverBypass() {
    String[] invisible = {"\u200B", "\u200C", "\u200D", "\uFEFF", "\u00AD", "\u2060", "\u180E", "\u3164"};
    String[] space = {" ", "\u00A0", "\u3000", "\t", "\u2007"};
    String[] lForms = {"l", "L", "\uFF4C", "\uFF2C", "\u04CF", "\u217C", "\uD835\uDC25"};
    String[] iForms = {"i", "I", "\uFF49", "\uFF29", "\u0456", "\u03B9", "\u2170", "\u0131"};
    AtomicInteger refusedAsInput = new AtomicInteger();
    AtomicInteger refusedByRule = new AtomicInteger();
    qt().withExamples(400).forAll(integers().between(0, lForms.length - 1), integers().between(0, iForms.length - 1),
            integers().between(0, 15), integers().between(0, 15))
        .checkAssert((l, i, pad, inv) -> {
          String id = lForms[l] + iForms[i];
          if (pad < space.length) {
            id = (pad % 2 == 0 ? space[pad] + id : id + space[pad]);
          }
          if (inv < invisible.length) {
            id = id.substring(0, 1) + invisible[inv] + id.substring(1);
          }
          Flow f = executedByLi();
          String result = reviewAs(f, id);
          assertThat(result).as("li reviewing as %s", id.codePoints()
              .mapToObj(c -> String.format("U+%04X", c)).toList()).isNotEqualTo("accepted");
          (result.equals("input") ? refusedAsInput : refusedByRule).incrementAndGet();
          assertThat(f.state()).isEqualTo(DataOpState.EXECUTED);
        });
    assertThat(refusedAsInput.get()).isPositive();
    assertThat(refusedByRule.get()).isPositive();
  }
}
