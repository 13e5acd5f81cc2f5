package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_TECHNICAL;
import static org.opsbook.rules.dataop.DataOpEvent.CONFIRM_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.EXECUTE;
import static org.opsbook.rules.dataop.DataOpEvent.NOTIFY_REQUESTER;
import static org.opsbook.rules.dataop.DataOpEvent.PASS_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.SUBMIT;
import static org.opsbook.rules.internal.dataop.Fixtures.BUSINESS;
import static org.opsbook.rules.internal.dataop.Fixtures.CITY;
import static org.opsbook.rules.internal.dataop.Fixtures.MOD;
import static org.opsbook.rules.internal.dataop.Fixtures.REQUESTER;
import static org.opsbook.rules.internal.dataop.Fixtures.REVIEWER;
import static org.opsbook.rules.internal.dataop.Fixtures.SUBMITTER;
import static org.opsbook.rules.internal.dataop.Fixtures.T0;
import static org.opsbook.rules.internal.dataop.Fixtures.data;
import static org.opsbook.rules.internal.dataop.Fixtures.executed;
import static org.opsbook.rules.internal.dataop.Fixtures.modification;
import static org.opsbook.rules.internal.dataop.Fixtures.none;
import static org.opsbook.rules.internal.dataop.Fixtures.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.rules.internal.dataop.Fixtures.Flow;
import org.opsbook.rules.testing.MemoCodec;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.NotifyChannel;

/**
 * The attacks of issue 11 on the time order of a data modification (OPS-TIME-01/02/03): backdated approvals, a
 * confirmation in 2019, steps dated 1970, a step a day ahead of the clock. Each is refused naming its rule, and the
 * ticket stays as it was; the honest sequence is accepted.
 */
class StepTimeOrderTest {
  private static final RuleId TIME_01 = RuleId.of("OPS-TIME-01");
  private static final RuleId TIME_02 = RuleId.of("OPS-TIME-02");
  private static final RuleId TIME_03 = RuleId.of("OPS-TIME-03");
  private static final Instant Y2019 = Instant.parse("2019-06-01T02:00:00Z");
  private static final Instant EPOCH = Instant.EPOCH;

  private static Flow submitted() {
    return Flow.mod(modification().build()).ok(SUBMIT, SUBMITTER);
  }

  @Test
  @DisplayName("OPS-TIME-01 OPS-TIME-02 a business approval dated a day before submission is refused")
  void businessApprovalBeforeSubmission() {
    Flow f = submitted();
    Instant submittedAt = f.ticket.record().submittedAt().orElseThrow();
    DataOpTicket before = f.ticket;
    Outcome<DataOpTicket> o = MOD.apply(f.ticket, APPROVE_BUSINESS, BUSINESS, none(),
        submittedAt.minus(Duration.ofDays(1)));
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.violatedRules()).contains(TIME_01, TIME_02);
    assertThat(o.violations()).anySatisfy(v -> assertThat(v.field()).contains("at"));
    assertThat(o.instance()).isEqualTo(before);
    assertThat(MOD.apply(f.ticket, APPROVE_BUSINESS, BUSINESS, none(), submittedAt).isAccepted()).isTrue();
  }

  @Test
  @DisplayName("OPS-TIME-02 an approval form the data dates before submission is refused, naming the field")
  void statedApprovalBeforeSubmission() {
    Flow f = submitted().ok(APPROVE_BUSINESS, BUSINESS).ok(DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, CITY,
        Fixtures.script());
    Instant submittedAt = f.ticket.record().submittedAt().orElseThrow();
    Outcome<DataOpTicket> o = f.fire(APPROVE_TECHNICAL, CITY, data().sensitiveAccessFormApprovedBy(BUSINESS)
        .sensitiveAccessFormApprovedAt(submittedAt.minus(Duration.ofDays(1))).build());
    assertThat(o.violatedRules()).contains(TIME_02);
    assertThat(o.violations()).anySatisfy(v -> {
      assertThat(v.ruleId()).isEqualTo(TIME_02);
      assertThat(v.field()).contains("data.sensitiveAccessFormApprovedAt");
    });
  }

  @Test
  @DisplayName("OPS-TIME-01 OPS-TIME-02 a business confirmation in 2019 is refused; the ticket stays unclosed")
  void confirmationIn2019() {
    Flow f = Flow.mod(modification().build()).toTechApproved().ok(EXECUTE, CITY, executed(12))
        .ok(PASS_REVIEW, REVIEWER, review()).ok(NOTIFY_REQUESTER, REVIEWER,
            data().channel(NotifyChannel.SMS).build());
    Outcome<DataOpTicket> o = MOD.apply(f.ticket, CONFIRM_BUSINESS, REQUESTER, none(), Y2019);
    assertThat(o.violatedRules()).contains(TIME_01, TIME_02);
    assertThat(o.instance().state()).isEqualTo(DataOpState.AWAITING_BUSINESS_CONFIRMATION);
    assertThat(f.ok(CONFIRM_BUSINESS, REQUESTER).state()).isEqualTo(DataOpState.CLOSED);
  }

  @Test
  @DisplayName("OPS-TIME-03 OPS-TIME-01 through the store: a ticket opened in 1970, steps dated 1970 and a step a "
      + "day ahead of the clock are refused; nothing is written")
  void storeRefusesEpochAndFutureSteps() {
    InMemoryAuditLog audit = new InMemoryAuditLog();
    InMemoryWorkflowRepository repo = new InMemoryWorkflowRepository(audit);
    WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> store = new WorkflowStore<>(repo, MOD,
        new MemoCodec<>(), Clock.fixed(T0, ZoneOffset.UTC));
    DataOp op = modification().build();

    Outcome<DataOpTicket> old = store.create(DataOpTicket.draft("DM-1970", op), SUBMITTER, EPOCH);
    assertThat(old.violatedRules()).containsExactly(TIME_03);
    assertThat(store.find("DM-1970")).isEmpty();

    assertThat(store.create(DataOpTicket.draft("DM-1", op), SUBMITTER, T0).isAccepted()).isTrue();
    Outcome<DataOpTicket> epochSubmit = store.fire("DM-1", SUBMIT, SUBMITTER, none(), EPOCH);
    assertThat(epochSubmit.violatedRules()).contains(TIME_01, TIME_02);
    Outcome<DataOpTicket> ahead = store.fire("DM-1", SUBMIT, SUBMITTER, none(), T0.plus(Duration.ofDays(1)));
    assertThat(ahead.violatedRules()).containsExactly(TIME_03);
    assertThat(store.find("DM-1").orElseThrow().state()).isEqualTo(DataOpState.DRAFT);
    assertThat(store.history("DM-1")).isEmpty();
    assertThat(audit.read("dataop:DM-1")).hasSize(1);

    assertThat(store.fire("DM-1", SUBMIT, SUBMITTER, none(), T0.plus(Duration.ofMinutes(4))).isAccepted())
        .as("within the 5-minute skew").isTrue();
    // more than the 5-minute skew before the submission: not a clock behind another's, a backdating
    Outcome<DataOpTicket> backdated = store.fire("DM-1", APPROVE_BUSINESS, BUSINESS, none(),
        T0.minus(Duration.ofMinutes(2)));
    assertThat(backdated.violatedRules()).contains(TIME_01);
  }
}
