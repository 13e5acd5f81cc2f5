package org.opsbook.notify.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opsbook.core.internal.memory.InMemoryMessageOutbox;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.internal.NotifyConfig;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsState;

/**
 * Random interleavings of releases, drains, gateway failures, superseding recoveries, clock steps and crashes at
 * every point of the send path, on the in-memory outbox and gateway. After the system settles: with a gateway that
 * deduplicates, every released message was delivered exactly once; with one that does not, no message was handed to
 * the gateway twice, and every released message was either sent or is listed in doubt (a crash between marking it
 * as being sent and recording the outcome) for a person. Nothing superseded was delivered, and no dispatcher ever
 * called the gateway for a message already marked sent.
 */
class ExactlyOncePropertiesTest {
  private static final int FAULTS = 3;

  /** A gateway that remembers every call and whether the outbox had already marked that key sent. */
  private static final class WatchingGateway implements MessageGateway {
    final RecordingMessageGateway inner;
    final org.opsbook.core.spi.MessageOutbox outbox;
    final List<String> callsForSentRows = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final boolean deduplicates;

    WatchingGateway(RecordingMessageGateway inner, org.opsbook.core.spi.MessageOutbox outbox, boolean deduplicates) {
      this.inner = inner;
      this.outbox = outbox;
      this.deduplicates = deduplicates;
    }

    @Override
    public boolean deduplicates() {
      return deduplicates;
    }

    @Override
    public SendReceipt send(OutgoingMessage message) {
      if (outbox.find(message.idempotencyKey()).map(m -> m.state() == OutboxState.SENT).orElse(false)) {
        callsForSentRows.add(message.idempotencyKey());
      }
      SendReceipt r = inner.send(message);
      calls.add(message.idempotencyKey());
      return r;
    }
  }

  @Test
  void everyReleasedMessageIsSentExactlyOnceThroughCrashesAndRetries() {
    qt().withExamples(100).forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(5, 60))
        .checkAssert(ops -> run(ops, true));
  }

  @Test
  void aGatewayThatDoesNotDeduplicateIsNeverCalledTwiceAndEveryDoubtIsListed() {
    qt().withExamples(100).forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(5, 60))
        .checkAssert(ops -> run(ops, false));
  }

  private static void run(List<Integer> ops, boolean deduplicating) {
    Fixture base = new Fixture();
    CrashingOutbox outbox = new CrashingOutbox(base.outbox);
    Fixture f = new Fixture(NotifyConfig.defaults(), outbox);
    // one store under every dispatcher: the crashing wrapper's (the fixture's own outbox is not used here)
    InMemoryMessageOutbox store = base.outbox;
    WatchingGateway gateway = new WatchingGateway(f.gateway, store, deduplicating);
    List<SmsKey> keys = new ArrayList<>();
    for (int i = 0; i < FAULTS; i++) {
      for (MessageType t : List.of(MessageType.NOTIFICATION, MessageType.FOLLOW_UP)) {
        SmsKey k = SmsKey.of("F-" + i, t, 1);
        f.approved(k, Fixture.DUTY_A, Fixture.LEADER);
        keys.add(k);
      }
    }
    Instant now = Fixture.T0.plusSeconds(600);
    int dispatchers = 0;
    for (int code : ops) {
      int op = code % 6;
      SmsKey key = keys.get((code / 6) % keys.size());
      try {
        switch (op) {
          case 0:
            if (f.sms.find(key).orElseThrow().state() == SmsState.APPROVED) {
              if ((code / 60) % 3 == 0) {
                outbox.arm(CrashingOutbox.Point.BEFORE_ENQUEUE);
              }
              f.sms.release(key, Fixture.DESK, f.approvedText(key), Fixture.briefing(), Fixture.systemFault(), now);
            }
            break;
          case 1:
            outbox.arm(CrashingOutbox.Point.values()[1 + (code / 6) % 4]);
            drainer(f, outbox, gateway, "d" + dispatchers++).drainOnce(now);
            break;
          case 2:
            drainer(f, outbox, gateway, "d" + dispatchers++).drainOnce(now);
            break;
          case 3:
            f.gateway.failNext(1 + (code / 6) % 2);
            break;
          case 4:
            f.sms.plan(SmsKey.of(key.faultId(), MessageType.RECOVERY, 1), Optional.empty(), Optional.empty(),
                Fixture.systemFault(), now);
            break;
          default:
            now = now.plusSeconds(10 + (code / 6) % 200);
            break;
        }
      } catch (CrashingOutbox.Crash crash) {
        // the process died here; the next round starts a new dispatcher over the same stores
      }
    }
    f.gateway.failNext(0);
    for (int round = 0; round < 30 && hasPending(f, store, deduplicating); round++) {
      now = now.plusSeconds(3600);
      drainer(f, new CrashingOutbox(store), gateway, "settle").drainOnce(now);
    }
    now = now.plusSeconds(3600);
    Set<String> released = new HashSet<>();
    Set<String> superseded = new HashSet<>();
    for (SmsKey k : keys) {
      SmsState s = f.sms.find(k).orElseThrow().state();
      if (s == SmsState.SENT) {
        released.add(k.toString());
      } else if (s == SmsState.SUPERSEDED) {
        superseded.add(k.toString());
      }
    }
    List<String> delivered = f.gateway.delivered().stream().map(OutgoingMessage::idempotencyKey).toList();
    assertThat(delivered).as("each released message once").doesNotHaveDuplicates();
    Set<String> inDoubt = new HashSet<>();
    store.inDoubt(now).forEach(m -> inDoubt.add(m.key()));
    if (deduplicating) {
      assertThat(inDoubt).as("a deduplicating gateway resolves every doubt").isEmpty();
      assertThat(new HashSet<>(delivered)).as("every released message, nothing else").isEqualTo(released);
    } else {
      // the gateway itself is never asked twice for one key (the recording gateway would hide a repeat)
      assertThat(gateway.calls).as("no key handed to a non-deduplicating gateway twice").doesNotHaveDuplicates();
      Set<String> sentOrDoubt = new HashSet<>(delivered);
      sentOrDoubt.addAll(inDoubt);
      assertThat(sentOrDoubt).as("every released message sent or listed in doubt").containsAll(released);
      assertThat(released).as("nothing else").containsAll(sentOrDoubt);
    }
    for (String s : superseded) {
      assertThat(delivered).as("a superseded follow-up is never sent").doesNotContain(s);
    }
    assertThat(gateway.callsForSentRows).as("no send for a row already marked sent").isEmpty();
    for (OutboxMessage m : store.list(Optional.empty())) {
      assertThat(m.state()).isIn(OutboxState.SENT, deduplicating ? OutboxState.SENT : OutboxState.SENDING);
    }
  }

  private static SmsDispatcher drainer(Fixture f, CrashingOutbox outbox, MessageGateway gateway, String owner) {
    return SmsDispatcher.builder().outbox(outbox).gateway(gateway).workflows(f.workflows).directory(f.directory)
        .auditLog(f.audit).config(f.config).owner(owner).build();
  }

  private static boolean hasPending(Fixture f, InMemoryMessageOutbox store, boolean deduplicating) {
    boolean missing = f.workflows.list(SmsWorkflow.MACHINE).stream()
        .anyMatch(i -> i.state().equals("SENT") && store.find(i.id()).isEmpty());
    // a send in doubt settles only where the gateway deduplicates; otherwise it waits for a person
    return missing || store.list(Optional.empty()).stream().anyMatch(m -> m.state() == OutboxState.PENDING
        || deduplicating && m.state() == OutboxState.SENDING);
  }
}
