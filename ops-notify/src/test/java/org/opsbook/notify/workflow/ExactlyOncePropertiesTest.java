package org.opsbook.notify.workflow;

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
import org.opsbook.core.memory.RecordingMessageGateway;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.OutboxMessage;
import org.opsbook.core.spi.OutboxState;
import org.opsbook.core.spi.OutgoingMessage;
import org.opsbook.core.spi.SendReceipt;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.NotifyConfig;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsState;

/**
 * Random interleavings of releases, drains, gateway failures, superseding recoveries, clock steps and crashes at
 * every point of the send path, on the in-memory outbox and gateway. After the system settles, every released
 * message was delivered exactly once, nothing superseded was delivered, and no dispatcher ever called the gateway
 * for a message already marked sent.
 */
class ExactlyOncePropertiesTest {
  private static final int FAULTS = 3;

  /** A gateway that remembers every call and whether the outbox had already marked that key sent. */
  private static final class WatchingGateway implements MessageGateway {
    final RecordingMessageGateway inner;
    final org.opsbook.core.spi.MessageOutbox outbox;
    final List<String> callsForSentRows = new ArrayList<>();

    WatchingGateway(RecordingMessageGateway inner, org.opsbook.core.spi.MessageOutbox outbox) {
      this.inner = inner;
      this.outbox = outbox;
    }

    @Override
    public SendReceipt send(OutgoingMessage message) {
      if (outbox.find(message.idempotencyKey()).map(m -> m.state() == OutboxState.SENT).orElse(false)) {
        callsForSentRows.add(message.idempotencyKey());
      }
      return inner.send(message);
    }
  }

  @Test
  void everyReleasedMessageIsSentExactlyOnceThroughCrashesAndRetries() {
    qt().withExamples(100).forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(5, 60))
        .checkAssert(ExactlyOncePropertiesTest::run);
  }

  private static void run(List<Integer> ops) {
    Fixture base = new Fixture();
    CrashingOutbox outbox = new CrashingOutbox(base.outbox);
    Fixture f = new Fixture(NotifyConfig.defaults(), outbox);
    WatchingGateway gateway = new WatchingGateway(f.gateway, f.outbox);
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
            outbox.arm(CrashingOutbox.Point.values()[1 + (code / 6) % 3]);
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
    for (int round = 0; round < 30 && hasPending(f); round++) {
      now = now.plusSeconds(3600);
      drainer(f, new CrashingOutbox(f.outbox), gateway, "settle").drainOnce(now);
    }
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
    assertThat(new HashSet<>(delivered)).as("every released message, nothing else").isEqualTo(released);
    for (String s : superseded) {
      assertThat(delivered).as("a superseded follow-up is never sent").doesNotContain(s);
    }
    assertThat(gateway.callsForSentRows).as("no send for a row already marked sent").isEmpty();
    for (OutboxMessage m : f.outbox.list(Optional.empty())) {
      assertThat(m.state()).isEqualTo(OutboxState.SENT);
    }
  }

  private static SmsDispatcher drainer(Fixture f, CrashingOutbox outbox, MessageGateway gateway, String owner) {
    return SmsDispatcher.builder().outbox(outbox).gateway(gateway).workflows(f.workflows).directory(f.directory)
        .auditLog(f.audit).config(f.config).owner(owner).build();
  }

  private static boolean hasPending(Fixture f) {
    boolean missing = f.workflows.list(SmsWorkflow.MACHINE).stream()
        .anyMatch(i -> i.state().equals("SENT") && f.outbox.find(i.id()).isEmpty());
    return missing || f.outbox.list(Optional.empty()).stream().anyMatch(m -> m.state() == OutboxState.PENDING);
  }
}
