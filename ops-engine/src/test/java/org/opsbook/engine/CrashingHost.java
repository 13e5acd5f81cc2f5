package org.opsbook.engine;

import static org.opsbook.engine.EngineFixture.T0;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryFaultRepository;
import org.opsbook.core.internal.memory.InMemoryMessageOutbox;
import org.opsbook.core.internal.memory.InMemoryObligationRepository;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.time.MutableClock;
import org.quicktheories.dsl.TheoryBuilder2;

/**
 * A host for the crash property tests: in-memory storage and a clock that all its processes share, an SMS platform
 * that does not deduplicate (it counts what it took, by key), and processes (engines) that die at a chosen write.
 */
final class CrashingHost {
  /**
   * The fault duty room's people, the BUG desk's (the ticket reviewer, the processor, the follower) and a complaint
   * ticket's pre-processor.
   */
  private static final Directory PEOPLE = EngineFixture.people(EngineFixture.person("wang", Role.TICKET_REVIEWER),
      EngineFixture.person("li", Role.BUG_PROCESSOR), EngineFixture.person("sun", Role.BUG_FOLLOWER),
      EngineFixture.person("he", Role.PRE_PROCESSOR));

  final MutableClock clock = MutableClock.at(T0);
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final FaultRepository faults = new InMemoryFaultRepository(audit);
  final ObligationRepository timers = new InMemoryObligationRepository();
  final WorkflowRepository workflows = new InMemoryWorkflowRepository(audit);
  final MessageOutbox outbox = new InMemoryMessageOutbox();
  /**
   * What the host's reminder checks of each duty it is handed, at the moment it is handed it: by default nothing. A
   * property sets it to check that the subject still owes the duty.
   */
  volatile java.util.function.Consumer<org.opsbook.core.Obligation> reminded = duty -> { };
  /** The day as it goes, step by step and the process deaths, for the failure messages. */
  final List<String> day = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** What the SMS platform took: key → how many times. */
  final Map<String, Integer> platform = new ConcurrentHashMap<>();
  /**
   * The port methods a process may die at. {@code send} is the gateway right after the platform took the SMS: there
   * the process dies at an odd {@code dieAt}, and at an even one the gateway throws as on a read timeout while the
   * process lives on.
   */
  private final Set<String> writes;

  /** The death of a process at a write: nothing of the engine handles it, as nothing runs after a crash. */
  static final class Death extends Error {
    private static final long serialVersionUID = 1L;

    Death(String write) {
      super("the process died at " + write);
    }
  }

  CrashingHost(Set<String> writes) {
    this.writes = Set.copyOf(writes);
  }

  /**
   * The random days of a crash property: lists of 1 to {@code maxSteps} steps, each decoded from a random integer,
   * and the write (1 to {@code maxWrites}) at which the day's first process dies.
   */
  static <S> TheoryBuilder2<List<S>, Integer> days(int examples, Function<Integer, S> decode, int maxSteps,
      int maxWrites) {
    return qt().withExamples(examples).forAll(
        lists().of(integers().between(0, Integer.MAX_VALUE).map(decode)).ofSizeBetween(1, maxSteps),
        integers().between(1, maxWrites));
  }

  /** A process that does not die. */
  OpsEngine process() {
    return engine(faults, timers, workflows, outbox, audit, this::take);
  }

  /**
   * Runs the day's steps, each in the current process, which dies at the {@code dieAt}-th write. The step after a
   * death runs in a new process over the same storage; a step the state refuses (invalid input, or an ID taken)
   * stores nothing and is passed over.
   *
   * @return the day as it went, for the failure messages ({@link #day}, which a check made during the day reads)
   */
  <S> List<String> run(List<S> steps, int dieAt, BiConsumer<OpsEngine, S> step, Function<S, String> describe) {
    OpsEngine process = dyingAt(dieAt);
    for (S s : steps) {
      day.add(describe.apply(s));
      try {
        step.accept(process, s);
      } catch (Death e) {
        day.add(e.getMessage() + " (write " + dieAt + ")");
        process = process();
      } catch (InvalidInputException | ConcurrentUpdateException e) {
        // a step the state does not allow (a fault not open yet, or closed; a BUG raised twice): nothing stored
      }
    }
    return day;
  }

  private OpsEngine dyingAt(int dieAt) {
    AtomicInteger seen = new AtomicInteger();
    BiConsumer<String, Object[]> dies = (method, args) -> {
      if (writes.contains(method) && seen.incrementAndGet() == dieAt) {
        if (method.equals("send") && dieAt % 2 == 0) {
          throw new IllegalStateException("read timed out after the platform took the SMS");
        }
        throw new Death(method);
      }
    };
    MessageGateway gateway = m -> {
      SendReceipt r = take(m);
      dies.accept("send", null);
      return r;
    };
    return engine(EngineFixture.intercepted(FaultRepository.class, faults, dies),
        EngineFixture.intercepted(ObligationRepository.class, timers, dies),
        EngineFixture.intercepted(WorkflowRepository.class, workflows, dies),
        EngineFixture.intercepted(MessageOutbox.class, outbox, dies),
        EngineFixture.intercepted(AuditLog.class, audit, dies), gateway);
  }

  private SendReceipt take(OutgoingMessage m) {
    platform.merge(m.idempotencyKey(), 1, Integer::sum);
    return new SendReceipt("gw-" + m.idempotencyKey(), clock.instant(), false);
  }

  private OpsEngine engine(FaultRepository f, ObligationRepository t, WorkflowRepository w, MessageOutbox o,
      AuditLog a, MessageGateway gateway) {
    return OpsEngine.builder().ports(f, t, w, o, a).directory(PEOPLE).gateway(gateway).clock(clock)
        .reminder((duty, people) -> reminded.accept(duty)).build();
  }
}
