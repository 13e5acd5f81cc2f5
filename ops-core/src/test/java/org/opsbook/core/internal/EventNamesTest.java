package org.opsbook.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventNamesTest {
  enum Step {
    DRAFT,
    SUBMIT_FOR_REVIEW,
    SEND_RAW_CDRS
  }

  @Test
  void anEventIsNamedByItsConstantInLowerCamelCase() {
    assertThat(EventNames.of(Step.DRAFT)).isEqualTo("draft");
    assertThat(EventNames.of(Step.SUBMIT_FOR_REVIEW)).isEqualTo("submitForReview");
    assertThat(EventNames.of(Step.SEND_RAW_CDRS)).isEqualTo("sendRawCdrs");
  }

  @Test
  void findTakesOnlyTheExactName() {
    assertThat(EventNames.find(Step.class, "submitForReview")).contains(Step.SUBMIT_FOR_REVIEW);
    assertThat(EventNames.find(Step.class, "SUBMIT_FOR_REVIEW")).isEmpty();
    assertThat(EventNames.find(Step.class, "submitforreview")).isEmpty();
    assertThat(EventNames.find(Step.class, "")).isEmpty();
  }
}
