package org.opsbook.core.internal.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;

class StateMachineTest {
  enum S { DRAFT, SUBMITTED, APPROVED, CLOSED }

  enum E { SUBMIT, APPROVE, CLOSE }

  record Ctx(String submitter, boolean complete) {}

  private static final StateMachine<S, E, Ctx> SM = StateMachine.builder("SM-TEST", S.class, E.class, Ctx.class)
      .transition("SM-TEST-T01", S.DRAFT, E.SUBMIT, S.SUBMITTED).by(Role.DATA_SUBMITTER)
          .guard("TEST-01", "complete", (c, a) -> c.complete() ? null : "the request is incomplete").add()
      .transition("SM-TEST-T02", S.SUBMITTED, E.APPROVE, S.APPROVED).by(Role.BUSINESS_APPROVER)
          .guard("TEST-02", "approver", (c, a) -> a.id().equals(c.submitter()) ? "self-approval" : null)
          .guard("TEST-03", (c, a) -> c.complete() ? null : "incomplete").records("approverId").add()
      .transition("SM-TEST-T03", S.APPROVED, E.CLOSE, S.CLOSED).add()
      .terminal(S.CLOSED)
      .build();

  @Test
  void acceptedEventMovesToTheTarget() {
    Decision<S> d = SM.decide(S.DRAFT, E.SUBMIT, Actor.of("z", Role.DATA_SUBMITTER), new Ctx("z", true));
    assertThat(d.isAllowed()).isTrue();
    assertThat(d.to()).isEqualTo(S.SUBMITTED);
    assertThat(d.transitionId()).isEqualTo(RuleId.of("SM-TEST-T01"));
  }

  @Test
  void refusalListsEveryFailedGuardAndKeepsTheState() {
    Decision<S> d = SM.decide(S.SUBMITTED, E.APPROVE, Actor.of("z", Role.DATA_SUBMITTER), new Ctx("z", false));
    assertThat(d.isAllowed()).isFalse();
    assertThat(d.to()).isEqualTo(S.SUBMITTED);
    assertThat(d.violatedRules()).extracting(RuleId::value)
        .containsExactly("SM-TEST-T02", "TEST-02", "TEST-03");
  }

  @Test
  void anEventWithNoTransitionFromTheStateIsRefusedNamingTheTransition() {
    Decision<S> d = SM.decide(S.DRAFT, E.APPROVE, Actor.of("a", Role.BUSINESS_APPROVER), new Ctx("z", true));
    assertThat(d.isAllowed()).isFalse();
    assertThat(d.violatedRules()).extracting(RuleId::value).containsExactly("SM-TEST-T02");
    assertThat(d.violations().get(0).message()).contains("only from [SUBMITTED]");
  }

  @Test
  void terminalStatesAbsorb() {
    for (E e : E.values()) {
      Decision<S> d = SM.decide(S.CLOSED, e, Actor.of("a", Role.ROOM_MANAGER), new Ctx("z", true));
      assertThat(d.isAllowed()).isFalse();
      assertThat(d.to()).isEqualTo(S.CLOSED);
    }
    assertThat(SM.isTerminal(S.CLOSED)).isTrue();
  }

  @Test
  void aTableWithTwoTransitionsForOnePairIsRejected() {
    assertThatThrownBy(() -> StateMachine.builder("SM-BAD", S.class, E.class, Ctx.class)
        .transition("SM-BAD-T01", S.DRAFT, E.SUBMIT, S.SUBMITTED).add()
        .transition("SM-BAD-T02", S.DRAFT, E.SUBMIT, S.APPROVED).add()
        .build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describeListsTheTable() {
    assertThat(SM.describe()).contains("| SM-TEST-T02 | SUBMITTED → APPROVED | APPROVE | [BUSINESS_APPROVER] | "
        + "TEST-02, TEST-03 | approverId |");
  }

  @Test
  void guardRulesListEachTransitionsGuardsAndNothingWithoutATransition() {
    assertThat(SM.guardRules(S.SUBMITTED, E.APPROVE)).extracting(RuleId::value).containsExactly("TEST-02", "TEST-03");
    assertThat(SM.guardRules(S.APPROVED, E.CLOSE)).isEmpty();
    assertThat(SM.guardRules(S.DRAFT, E.CLOSE)).isEmpty();
    assertThat(SM.find(S.SUBMITTED, E.APPROVE).ruleIds()).extracting(RuleId::value)
        .containsExactly("SM-TEST-T02", "TEST-02", "TEST-03");
  }

  @Test
  void theAuditEntryOfAnAcceptedDecisionNamesTheTransitionAndEveryGuard() {
    Instant at = Instant.parse("2026-11-25T02:00:00Z");
    Actor approver = Actor.of("a", Role.BUSINESS_APPROVER);
    Decision<S> d = SM.decide(S.SUBMITTED, E.APPROVE, approver, new Ctx("z", true));
    AuditEntry e = SM.auditOf(d, E.APPROVE, "test:1", "approve", approver, at).fromState("SUBMITTED").build();
    assertThat(e.stream()).isEqualTo("test:1");
    assertThat(e.actorId()).isEqualTo("a");
    assertThat(e.action()).isEqualTo("approve");
    assertThat(e.at()).isEqualTo(at);
    assertThat(e.fromState()).contains("SUBMITTED");
    assertThat(e.toState()).contains("APPROVED");
    assertThat(e.ruleIds()).extracting(RuleId::value).containsExactly("SM-TEST-T02", "TEST-02", "TEST-03");
    Decision<S> refused = SM.decide(S.SUBMITTED, E.APPROVE, Actor.of("z", Role.BUSINESS_APPROVER),
        new Ctx("z", true));
    assertThatThrownBy(() -> SM.auditOf(refused, E.APPROVE, "test:1", "approve", approver, at))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SM.auditOf(d, E.CLOSE, "test:1", "close", approver, at))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
