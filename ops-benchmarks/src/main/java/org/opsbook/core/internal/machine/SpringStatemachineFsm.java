package org.opsbook.core.internal.machine;

import java.util.EnumSet;
import java.util.List;
import org.opsbook.core.internal.machine.Fsm.AuditEvent;
import org.opsbook.core.internal.machine.Fsm.E;
import org.opsbook.core.internal.machine.Fsm.S;
import org.opsbook.core.internal.machine.Fsm.Ticket;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * Spring Statemachine 4.0.2 in the restore-from-persistence pattern: the machine is built once; per ticket it is
 * stopped, reset to DRAFT, started, and sent the five events as messages carrying the actor in a header.
 */
final class SpringStatemachineFsm implements Fsm.Impl {
  private final StateMachine<S, E> sm;
  private Ticket current;
  private List<AuditEvent> audit;

  SpringStatemachineFsm() {
    try {
      StateMachineBuilder.Builder<S, E> b = StateMachineBuilder.builder();
      b.configureConfiguration().withConfiguration().autoStartup(false);
      b.configureStates().withStates().initial(S.DRAFT).states(EnumSet.allOf(S.class));
      b.configureTransitions()
          .withExternal().source(S.DRAFT).target(S.SUBMITTED).event(E.SUBMIT).action(this::record).and()
          .withExternal().source(S.SUBMITTED).target(S.APPROVED).event(E.APPROVE)
              .guard(ctx -> !current.requester.equals(ctx.getMessageHeader("actor"))).action(this::record).and()
          .withExternal().source(S.APPROVED).target(S.SCHEDULED).event(E.SCHEDULE).action(this::record).and()
          .withExternal().source(S.SCHEDULED).target(S.EXECUTING).event(E.EXECUTE).action(this::record).and()
          .withExternal().source(S.EXECUTING).target(S.DONE).event(E.COMPLETE).action(this::record);
      sm = b.build();
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the Spring state machine", e);
    }
  }

  private void record(StateContext<S, E> ctx) {
    audit.add(new AuditEvent(current.id, ctx.getSource().getId(), ctx.getTarget().getId(),
        (String) ctx.getMessageHeader("actor")));
  }

  @Override
  public S run(Ticket t, List<AuditEvent> out) {
    current = t;
    audit = out;
    sm.stopReactively().block();
    sm.getStateMachineAccessor().doWithAllRegions(access -> access
        .resetStateMachineReactively(new DefaultStateMachineContext<>(S.DRAFT, null, null, null)).block());
    sm.startReactively().block();
    for (int i = 0; i < Fsm.LIFECYCLE.length; i++) {
      sm.sendEvent(Mono.just(MessageBuilder.withPayload(Fsm.LIFECYCLE[i]).setHeader("actor", t.actorIds[i])
          .build())).blockLast();
    }
    return sm.getState().getId();
  }
}
