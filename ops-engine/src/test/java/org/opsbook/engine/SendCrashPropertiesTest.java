package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.engine.EngineFixture.T0;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.StorageException;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryFaultRepository;
import org.opsbook.core.internal.memory.InMemoryMessageOutbox;
import org.opsbook.core.internal.memory.InMemoryObligationRepository;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.time.MutableClock;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsMessage;
import org.opsbook.notify.SmsState;

/**
 * Random days of three faults' notification SMS (released through review and briefing, the engine's rounds as time
 * passes, the 68284 desk resolving what is in doubt by asking the SMS platform), each run by a host whose process dies
 * at one random write: of the SMS workflow, the outbox, the audit log or a fault's history, or inside the gateway
 * right after the platform took the SMS. The next step runs in a new process over the same storage. The platform does
 * not deduplicate. Whatever the write the process died at, once the room has caught up, every released SMS reached
 * the platform exactly once, is sent in the outbox, and its sending is recorded exactly once in its fault's history.
 */
class SendCrashPropertiesTest {
  /** The writes a process may die at, and the gateway's taking of an SMS. */
  private static final Set<String> WRITES = Set.of("append", "create", "transition", "enqueue", "markSending",
      "markSent", "markFailed", "confirmSent", "releaseForResend", "advanceSweepMark", "send");
  private static final List<String> FAULTS = List.of("F-1", "F-2", "F-3");

  /** One step: release {@code fault}'s notification, or let {@code minutes} pass with a round, or resolve doubts. */
  record Step(int action, int fault, int minutes) {}

  @Test
  void everyReleasedSmsReachesThePlatformOnceAndIsRecordedOnceWhereverTheProcessDied() {
    qt().withExamples(150).forAll(
            lists().of(integers().between(0, Integer.MAX_VALUE).map(SendCrashPropertiesTest::decode))
                .ofSizeBetween(1, 10),
            integers().between(1, 60))
        .checkAssert((steps, dieAt) -> {
          Room room = new Room();
          AtomicInteger writes = new AtomicInteger();
          List<String> day = new ArrayList<>();
          OpsEngine process = room.dyingAt(writes, dieAt);
          for (Step s : steps) {
            String faultId = FAULTS.get(s.fault());
            day.add(s.action() == 0 ? "release " + faultId : s.action() == 1 ? s.minutes() + " min" : "resolve");
            try {
              switch (s.action()) {
                case 0 -> EngineFixture.releasedNotification(process, faultId);
                case 1 -> {
                  room.clock.advance(Duration.ofMinutes(s.minutes()));
                  process.runDueWork();
                }
                default -> room.resolveDoubts(process);
              }
            } catch (StorageException | Error e) {
              day.add("died at write " + dieAt);
              process = room.healthy();
            } catch (InvalidInputException e) {
              // a step the state does not allow (the fault already open): refused, nothing stored
            }
          }
          OpsEngine after = room.healthy();
          for (int i = 0; i < 4; i++) {
            room.clock.advance(Duration.ofMinutes(10));
            after.runDueWork();
            room.resolveDoubts(after);
          }
          room.clock.advance(Duration.ofMinutes(1));
          after.runDueWork();

          for (SmsMessage m : after.messages().list()) {
            if (m.state() != SmsState.SENT) {
              continue;
            }
            String key = m.key().toString();
            assertThat(room.platform.getOrDefault(key, 0)).as("%s reached the platform once: %s", key, day)
                .isOne();
            assertThat(room.outbox.find(key).map(o -> o.state())).as("%s sent in the outbox: %s", key, day)
                .contains(OutboxState.SENT);
            assertThat(room.faults.events(m.key().faultId())).filteredOn(e -> e.note().equals(java.util.Optional
                .of(key))).as("%s recorded once: %s", key, day).hasSize(1);
          }
          assertThat(room.platform.values()).as("nothing reached the platform twice: %s", day).allMatch(n -> n == 1);
          for (String faultId : FAULTS) {
            for (FaultEvent e : room.faults.events(faultId)) {
              e.note().filter(n -> n.contains("/")).ifPresent(key -> assertThat(room.outbox.find(key)
                  .map(o -> o.state())).as("a recorded sending %s was sent: %s", key, day)
                  .contains(OutboxState.SENT));
            }
          }
        });
  }

  private static Step decode(int n) {
    return new Step(n % 3, (n / 3) % FAULTS.size(), 1 + (n / 9) % 30);
  }

  /** The storage every process of the host shares, the clock, and the SMS platform (key → times it took it). */
  private static final class Room {
    final MutableClock clock = MutableClock.at(T0);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final FaultRepository faults = new InMemoryFaultRepository(audit);
    final ObligationRepository timers = new InMemoryObligationRepository();
    final WorkflowRepository workflows = new InMemoryWorkflowRepository(audit);
    final MessageOutbox outbox = new InMemoryMessageOutbox();
    final Map<String, Integer> platform = new ConcurrentHashMap<>();

    MessageGateway.SendReceipt take(MessageGateway.OutgoingMessage m) {
      platform.merge(m.idempotencyKey(), 1, Integer::sum);
      return new MessageGateway.SendReceipt("gw-" + m.idempotencyKey(), clock.instant(), false);
    }

    OpsEngine healthy() {
      return over(faults, workflows, outbox, audit, this::take);
    }

    /** A process that dies at the {@code dieAt}-th write, counted in {@code writes}. */
    OpsEngine dyingAt(AtomicInteger writes, int dieAt) {
      BiConsumer<String, Object[]> dies = (method, args) -> {
        if (WRITES.contains(method) && writes.incrementAndGet() == dieAt) {
          throw new StorageException(method, "the process", true, new IllegalStateException("the process died"));
        }
      };
      MessageGateway gateway = m -> {
        MessageGateway.SendReceipt r = take(m);
        dies.accept("send", null);
        return r;
      };
      return over(EngineFixture.intercepted(FaultRepository.class, faults, dies),
          EngineFixture.intercepted(WorkflowRepository.class, workflows, dies),
          EngineFixture.intercepted(MessageOutbox.class, outbox, dies),
          EngineFixture.intercepted(AuditLog.class, audit, dies), gateway);
    }

    /** The 68284 desk asks the platform about each send in doubt: confirms what it took, resends the rest. */
    void resolveDoubts(OpsEngine engine) {
      for (SmsMessage m : engine.messages().inDoubt()) {
        SmsKey key = m.key();
        boolean taken = platform.containsKey(key.toString());
        assertThat(taken ? engine.messages().confirmSent(key, "sunba") : engine.messages().resend(key, "sunba"))
            .isTrue();
      }
    }

    private OpsEngine over(FaultRepository f, WorkflowRepository w, MessageOutbox o, AuditLog a,
        MessageGateway gateway) {
      return OpsEngine.builder().ports(f, timers, w, o, a).directory(EngineFixture.people()).gateway(gateway)
          .clock(clock).reminder((duty, people) -> { }).build();
    }
  }
}
