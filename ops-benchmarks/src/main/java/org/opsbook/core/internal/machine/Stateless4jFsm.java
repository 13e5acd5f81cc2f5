package org.opsbook.core.internal.machine;

import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import com.github.oxo42.stateless4j.delegates.Action2;
import java.util.List;
import org.opsbook.core.internal.machine.Fsm.AuditEvent;
import org.opsbook.core.internal.machine.Fsm.E;
import org.opsbook.core.internal.machine.Fsm.S;
import org.opsbook.core.internal.machine.Fsm.Ticket;

/**
 * stateless4j 2.6.0: one shared {@link StateMachineConfig} with {@code permitIf} for the guard and {@code onEntry}
 * actions for the audit; a machine per ticket. Its guards take no arguments, so the ticket and actor being decided
 * sit in fields (one instance per benchmark thread). Refused triggers are ignored, as the other implementations do.
 */
final class Stateless4jFsm implements Fsm.Impl {
  private static final Action2<S, E> IGNORE = (s, e) -> { };

  private final StateMachineConfig<S, E> config = new StateMachineConfig<>();
  private Ticket current;
  private String actor;
  private List<AuditEvent> audit;

  Stateless4jFsm() {
    config.configure(S.DRAFT).permit(E.SUBMIT, S.SUBMITTED);
    config.configure(S.SUBMITTED).permitIf(E.APPROVE, S.APPROVED, () -> !actor.equals(current.requester))
        .onEntry(tr -> audit.add(new AuditEvent(current.id, tr.getSource(), tr.getDestination(), actor)));
    config.configure(S.APPROVED).permit(E.SCHEDULE, S.SCHEDULED)
        .onEntry(tr -> audit.add(new AuditEvent(current.id, tr.getSource(), tr.getDestination(), actor)));
    config.configure(S.SCHEDULED).permit(E.EXECUTE, S.EXECUTING)
        .onEntry(tr -> audit.add(new AuditEvent(current.id, tr.getSource(), tr.getDestination(), actor)));
    config.configure(S.EXECUTING).permit(E.COMPLETE, S.DONE)
        .onEntry(tr -> audit.add(new AuditEvent(current.id, tr.getSource(), tr.getDestination(), actor)));
    config.configure(S.DONE)
        .onEntry(tr -> audit.add(new AuditEvent(current.id, tr.getSource(), tr.getDestination(), actor)));
  }

  @Override
  public S run(Ticket t, List<AuditEvent> out) {
    current = t;
    audit = out;
    StateMachine<S, E> sm = new StateMachine<>(S.DRAFT, config);
    sm.onUnhandledTrigger(IGNORE);
    for (int i = 0; i < Fsm.LIFECYCLE.length; i++) {
      actor = t.actorIds[i];
      sm.fire(Fsm.LIFECYCLE[i]);
    }
    return sm.getState();
  }
}
