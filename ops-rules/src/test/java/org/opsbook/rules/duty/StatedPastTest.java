package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * Facts as of a moment say what has happened by then: a time they state after it, among those that start or move a
 * deadline, would put off a duty owed now, and is refused naming the fact.
 */
class StatedPastTest {
  private static final ObligationEngine ENGINE = ObligationEngine.standard();

  @Test
  @DisplayName("NOTIFY-TRIG-04 a level-1 SMS of the customer-service centre stated after now does not put off the "
      + "notification SMS owed now")
  void notifyTrig04AFutureCentreSmsIsRefused() {
    FaultFacts business = facts("11-25 09:00").nature(FaultNature.BUSINESS).complaintCount(60).build();
    FaultTracker now = ENGINE.assess(business, List.of(), at("11-25 10:00"));
    assertThat(now.obligations(at("11-25 10:00"))).extracting(o -> o.ruleId().value()).contains("NOTIFY-TRIG-03");
    InvalidInputException e = catchThrowableOfType(() -> ENGINE.assess(FaultFacts.builder().from(business)
        .csCenterLevel1SmsSentAt(at("11-25 15:00")).build(), List.of(), at("11-25 10:00")),
        InvalidInputException.class);
    assertThat(e.field()).isEqualTo("facts.csCenterLevel1SmsSentAt");
    FaultTracker sent = ENGINE.assess(FaultFacts.builder().from(business).csCenterLevel1SmsSentAt(at("11-25 10:00"))
        .build(), List.of(), at("11-25 10:00"));
    assertThat(sent.obligations(at("11-25 10:00"))).extracting(o -> o.ruleId().value()).contains("NOTIFY-TRIG-04");
  }

  @Test
  @DisplayName("ESC-DEPT-03 ESC-CENTER-09 the other times of the past are refused after now too, naming the fact")
  void escDept03AndEscCenter09TheOtherTimesOfThePast() {
    List<UnaryOperator<FaultFacts.Builder>> ahead = List.of(b -> b.csComplaintReceivedAt(at("11-25 11:00")),
        b -> b.lastSubstantiveProgressAt(at("11-25 11:00")), b -> b.dataLossAt(at("11-25 11:00")));
    List<String> fields = List.of("facts.csComplaintReceivedAt", "facts.lastSubstantiveProgressAt",
        "facts.dataLossAt");
    for (int i = 0; i < ahead.size(); i++) {
      FaultFacts f = ahead.get(i).apply(facts("11-25 09:00").complaintCount(25)).build();
      InvalidInputException e = catchThrowableOfType(() -> ENGINE.assess(f, List.of(), at("11-25 10:00")),
          InvalidInputException.class);
      assertThat(e).as(fields.get(i)).isNotNull();
      assertThat(e.field()).isEqualTo(fields.get(i));
      assertThat(ENGINE.assess(f, List.of(), at("11-25 11:00")).peakLevel()).isNotNull();
    }
  }
}
