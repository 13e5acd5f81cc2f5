package org.opsbook.core.internal.machine;

import java.util.List;
import org.opsbook.core.internal.machine.Fsm.AuditEvent;
import org.opsbook.core.internal.machine.Fsm.E;
import org.opsbook.core.internal.machine.Fsm.S;
import org.opsbook.core.internal.machine.Fsm.Ticket;
import org.opsbook.core.Actor;

/** opsbook: the shape as a declared {@code StateMachine} table, built once, with the four-eyes guard named by a rule. */
final class OpsbookFsm implements Fsm.Impl {
  private static final StateMachine<S, E, Ticket> SM = StateMachine.builder("SM-FSM", S.class, E.class, Ticket.class)
      .transition("SM-FSM-T01", S.DRAFT, E.SUBMIT, S.SUBMITTED).add()
      .transition("SM-FSM-T02", S.SUBMITTED, E.APPROVE, S.APPROVED)
          .guard("FSM-01", "actor", (t, a) -> a.id().equals(t.requester) ? "the requester may not approve" : null)
          .add()
      .transition("SM-FSM-T03", S.APPROVED, E.SCHEDULE, S.SCHEDULED).add()
      .transition("SM-FSM-T04", S.SCHEDULED, E.EXECUTE, S.EXECUTING).add()
      .transition("SM-FSM-T05", S.EXECUTING, E.COMPLETE, S.DONE).add()
      .terminal(S.DONE)
      .build();

  @Override
  public S run(Ticket t, List<AuditEvent> audit) {
    S s = S.DRAFT;
    for (int i = 0; i < Fsm.LIFECYCLE.length; i++) {
      Actor actor = t.actors[i];
      Decision<S> d = SM.decide(s, Fsm.LIFECYCLE[i], actor, t);
      if (d.isAllowed()) {
        audit.add(new AuditEvent(t.id, s, d.to(), actor.id()));
        s = d.to();
      }
    }
    return s;
  }
}
