package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsMessage;
import org.opsbook.notify.SmsState;

/**
 * Random days of three faults' notification SMS (released through review and briefing, the engine's rounds as time
 * passes, the 68284 desk resolving what is in doubt by asking the SMS platform), each run by a host whose process dies
 * at one random write: of the SMS workflow, the outbox, the audit log or a fault's history, or inside the gateway
 * right after the platform took the SMS (or the gateway then fails as on a read timeout, the process living on). The
 * next step runs in a new process over the same storage. The platform does
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
    CrashingHost.days(300, SendCrashPropertiesTest::decode, 10, 40).checkAssert((steps, dieAt) -> {
      CrashingHost host = new CrashingHost(WRITES);
      List<String> day = host.run(steps, dieAt, (process, s) -> {
        switch (s.action()) {
          case 0 -> EngineFixture.releasedNotification(process, FAULTS.get(s.fault()));
          case 1 -> {
            host.clock.advance(Duration.ofMinutes(s.minutes()));
            process.runDueWork();
          }
          default -> resolveDoubts(host, process);
        }
      }, s -> s.action() == 0 ? "release " + FAULTS.get(s.fault())
          : s.action() == 1 ? s.minutes() + " min" : "resolve");
      OpsEngine after = host.process();
      for (int i = 0; i < 4; i++) {
        host.clock.advance(Duration.ofMinutes(10));
        after.runDueWork();
        resolveDoubts(host, after);
      }
      host.clock.advance(Duration.ofMinutes(1));
      after.runDueWork();

      for (SmsMessage m : after.messages().list()) {
        if (m.state() != SmsState.SENT) {
          continue;
        }
        String key = m.key().toString();
        assertThat(host.platform.getOrDefault(key, 0)).as("%s reached the platform once: %s", key, day).isOne();
        assertThat(host.outbox.find(key).map(o -> o.state())).as("%s sent in the outbox: %s", key, day)
            .contains(OutboxState.SENT);
        assertThat(host.faults.events(m.key().faultId())).filteredOn(e -> e.note().equals(Optional.of(key)))
            .as("%s recorded once: %s", key, day).hasSize(1);
      }
      assertThat(host.platform.values()).as("nothing reached the platform twice: %s", day).allMatch(n -> n == 1);
      for (String faultId : FAULTS) {
        for (FaultEvent e : host.faults.events(faultId)) {
          e.note().filter(n -> n.contains("/")).ifPresent(key -> assertThat(host.outbox.find(key)
              .map(o -> o.state())).as("a recorded sending %s was sent: %s", key, day)
              .contains(OutboxState.SENT));
        }
      }
    });
  }

  /** The 68284 desk asks the platform about each send in doubt: confirms what it took, resends the rest. */
  private static void resolveDoubts(CrashingHost host, OpsEngine engine) {
    for (SmsMessage m : engine.messages().inDoubt()) {
      SmsKey key = m.key();
      boolean taken = host.platform.containsKey(key.toString());
      assertThat(taken ? engine.messages().confirmSent(key, "sunba") : engine.messages().resend(key, "sunba"))
          .isTrue();
    }
  }

  private static Step decode(int n) {
    return new Step(n % 3, (n / 3) % FAULTS.size(), 1 + (n / 9) % 30);
  }
}
