package org.opsbook.core.internal.machine;

import java.util.List;
import org.opsbook.core.internal.machine.Fsm.AuditEvent;
import org.opsbook.core.internal.machine.Fsm.E;
import org.opsbook.core.internal.machine.Fsm.S;
import org.opsbook.core.internal.machine.Fsm.Ticket;

/** The floor: a hand-written switch over the state, as a Java user writes it without a library. */
final class EnumSwitchFsm implements Fsm.Impl {
  @Override
  public S run(Ticket t, List<AuditEvent> audit) {
    S s = S.DRAFT;
    for (int i = 0; i < Fsm.LIFECYCLE.length; i++) {
      E e = Fsm.LIFECYCLE[i];
      String actor = t.actorIds[i];
      S next = null;
      switch (s) {
        case DRAFT -> next = e == E.SUBMIT ? S.SUBMITTED : null;
        case SUBMITTED -> next = e == E.APPROVE && !actor.equals(t.requester) ? S.APPROVED : null;
        case APPROVED -> next = e == E.SCHEDULE ? S.SCHEDULED : null;
        case SCHEDULED -> next = e == E.EXECUTE ? S.EXECUTING : null;
        case EXECUTING -> next = e == E.COMPLETE ? S.DONE : null;
        default -> next = null;
      }
      if (next != null) {
        audit.add(new AuditEvent(t.id, s, next, actor));
        s = next;
      }
    }
    return s;
  }
}
