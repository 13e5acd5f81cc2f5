package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.engine.EngineFixture.T0;
import static org.opsbook.engine.EngineFixture.notificationsSent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Obligation;
import org.opsbook.core.StorageException;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.SmsKey;

/**
 * The gateway's acceptance of an SMS is recorded in its fault's history exactly once, which discharges the duty to
 * send it: also when the process that sent it died before recording it, and when two engines over one database both
 * find it unrecorded. Each engine here is one process of a host; they share one H2 database.
 */
class SendingRecordTest {
  private final MutableClock clock = MutableClock.at(T0);
  private final RecordingMessageGateway gateway = new RecordingMessageGateway(clock);
  private final DataSource database = EngineFixture.freshH2();
  private final OpsJdbc jdbc = OpsJdbc.create(database);

  @Test
  void NOTIFY_TRIG_05_aSendingWhoseRecordDiedWithItsProcessIsRecordedOnceAtItsTimeByTheNextEngine() {
    SmsKey key = sentByAProcessThatDiedBeforeRecordingIt();
    clock.set(T0.plusSeconds(30));

    try (OpsEngine next = engine().dataSource(database).build()) {
      OpsEngine.DueWork work = next.runDueWork();

      assertThat(work.messagesSent()).isZero();
      assertThat(gateway.delivered()).hasSize(1);
      assertThat(gateway.attempts()).as("the gateway asked once").isOne();
      assertThat(notificationsSent(jdbc.faults(), "F-1")).singleElement().satisfies(e -> {
        assertThat(e.note()).as("the SMS it records").contains(key.toString());
        assertThat(e.at()).as("the gateway's acceptance, not the recovery").isEqualTo(T0);
      });
      assertThat(next.faults().duties("F-1")).extracting(o -> o.ruleId().toString())
          .doesNotContain("NOTIFY-TRIG-05");
      assertThat(next.faults().load("F-1").completions().keySet()).extracting(k -> k.ruleId().toString())
          .contains("NOTIFY-TRIG-05");

      clock.set(T0.plus(Duration.ofMinutes(5)));
      next.runDueWork();
      assertThat(notificationsSent(jdbc.faults(), "F-1")).as("looked for again a minute later, not recorded again")
          .hasSize(1);
    }
  }

  @Test
  void twoEnginesThatBothFindTheSendingUnrecordedRecordItOnceAndTheLoserDoesNotFail() {
    sentByAProcessThatDiedBeforeRecordingIt();
    AtomicBoolean raced = new AtomicBoolean();
    try (OpsEngine second = engine().dataSource(database).build()) {
      // the first engine has read the history (unrecorded) when the second records the sending: its own append of
      // the same sending then finds the history moved on
      FaultRepository racing = faults(() -> {
        if (raced.compareAndSet(false, true)) {
          second.runDueWork();
        }
      });
      try (OpsEngine first = engine().ports(racing, jdbc.obligations(), jdbc.workflows(), jdbc.outbox(),
          jdbc.auditLog()).build()) {
        assertThatCode(first::runDueWork).as("the loser leaves the sending to the next round")
            .doesNotThrowAnyException();

        assertThat(raced).isTrue();
        assertThat(notificationsSent(jdbc.faults(), "F-1")).hasSize(1);

        clock.set(T0.plus(Duration.ofMinutes(2)));
        assertThatCode(first::runDueWork).doesNotThrowAnyException();
        assertThat(notificationsSent(jdbc.faults(), "F-1")).hasSize(1);
      }
    }
    assertThat(gateway.delivered()).hasSize(1);
    assertThat(gateway.attempts()).as("the gateway asked once").isOne();
  }

  /**
   * Releases F-1's notification in an engine whose fault repository fails once the SMS is in the outbox, and runs its
   * round: the gateway accepts the SMS, and the engine dies before its fault's history records that. The engine is
   * left as a dead process leaves it, unclosed.
   */
  private SmsKey sentByAProcessThatDiedBeforeRecordingIt() {
    jdbc.migrate();
    AtomicBoolean down = new AtomicBoolean();
    OpsEngine dying = engine().ports(faults(() -> {
      if (down.get()) {
        throw new StorageException("append", "F-1", true, new IllegalStateException("the process died"));
      }
    }), jdbc.obligations(), jdbc.workflows(), jdbc.outbox(), jdbc.auditLog()).build();
    SmsKey key = EngineFixture.releasedNotification(dying, "F-1");
    down.set(true);

    assertThatThrownBy(dying::runDueWork).isInstanceOf(StorageException.class);
    assertThat(gateway.delivered()).singleElement()
        .satisfies(m -> assertThat(m.idempotencyKey()).isEqualTo(key.toString()));
    assertThat(notificationsSent(jdbc.faults(), "F-1")).isEmpty();
    return key;
  }

  private OpsEngine.Builder engine() {
    return OpsEngine.builder().directory(EngineFixture.people()).gateway(gateway).clock(clock)
        .reminder((Obligation duty, List<org.opsbook.core.Person> owing) -> { });
  }

  /** The database's fault repository, whose every append runs {@code beforeAppend} first. */
  private FaultRepository faults(Runnable beforeAppend) {
    return EngineFixture.intercepted(FaultRepository.class, jdbc.faults(), (method, args) -> {
      if (method.equals("append")) {
        beforeAppend.run();
      }
    });
  }

}
