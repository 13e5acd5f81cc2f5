package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.testing.CallCounter;
import org.opsbook.core.time.MutableClock;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.internal.workflow.SmsDispatcher;
import org.opsbook.notify.internal.workflow.SmsWorkflow;

/**
 * SM-SMS-T05 over a database: a process that died between release and enqueue, before or after a dispatcher's
 * restart, has its message put back; the restarted dispatcher reads what changed since the stored sweep mark, not
 * every message. Each start opens a new facade over the same database, as a new process would.
 */
abstract class SmsDispatcherRestartContract extends OneBackendPerClass {
  private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");
  private static final InMemoryDirectory DIRECTORY = InMemoryDirectory.of(List.of(
      Person.builder().id("a1").name("员工a1").phone("13800138001").addRecipientClasses(RecipientClass.A).build(),
      Person.builder().id("b1").name("员工b1").phone("13800138002").addRecipientClasses(RecipientClass.B).build()));

  private JdbcBackend db;
  /** A new gateway each test, as the class's instance lives across its tests. */
  private RecordingMessageGateway gateway;

  @BeforeEach
  void emptyDatabase() {
    db = backend();
    db.fresh();
    gateway = new RecordingMessageGateway(MutableClock.at(T0, ZoneId.of("UTC")));
  }

  /** A new process's facade over the database. */
  private OpsJdbc start() {
    return OpsJdbc.create(db.db().dataSource()).withCallerClock();
  }

  private SmsDispatcher dispatcher(OpsJdbc ops, WorkflowRepository workflows, String owner) {
    return SmsDispatcher.builder().outbox(ops.outbox()).gateway(gateway).workflows(workflows).directory(DIRECTORY)
        .auditLog(ops.auditLog()).owner(owner).build();
  }

  /** The death of a process between release and enqueue. */
  private static final class Died extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** Approves {@code key} and releases it in a process that dies before the outbox enqueue commits. */
  private void releaseAndDie(SmsKey key, Instant at) {
    OpsJdbc ops = start();
    AtomicBoolean armed = new AtomicBoolean(true);
    MessageOutbox dying = (MessageOutbox) Proxy.newProxyInstance(MessageOutbox.class.getClassLoader(),
        new Class<?>[] {MessageOutbox.class}, (proxy, method, args) -> {
          if (method.getName().equals("enqueue") && armed.getAndSet(false)) {
            throw new Died();
          }
          try {
            return method.invoke(ops.outbox(), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    SmsWorkflow sms = SmsWorkflow.builder().workflows(ops.workflows()).outbox(dying).directory(DIRECTORY).build();
    ApprovedSms approved = ApprovedSms.of(sms, key, at);
    assertThatThrownBy(() -> approved.release(sms, key, at)).isInstanceOf(Died.class);
    assertThat(ops.outbox().find(key.toString())).isEmpty();
  }

  @Test
  void SM_SMS_T05_aReleaseLostBeforeARestartIsPutBackByTheFirstRoundAfterIt() {
    SmsKey key = SmsKey.of("F-1", MessageType.NOTIFICATION, 1);
    dispatcher(start(), db.ops().workflows(), "d1").drainOnce(T0);
    assertThat(db.ops().outbox().sweepMark()).contains(T0.minus(Duration.ofHours(1)));
    releaseAndDie(key, T0.plusSeconds(300));

    OpsJdbc restarted = start();
    CallCounter<WorkflowRepository> reads = CallCounter.wrap(WorkflowRepository.class, restarted.workflows());
    SmsDispatcher d2 = dispatcher(restarted, reads.port(), "d2");
    assertThat(d2.drainOnce(T0.plusSeconds(305)).reenqueued()).isEqualTo(1);
    assertThat(reads.of("list")).as("the stored mark spares the full sweep").isZero();
    assertThat(reads.listed("list")).isEqualTo(1);
    assertThat(gateway.delivered()).extracting(OutgoingMessage::idempotencyKey).containsExactly(key.toString());
  }

  @Test
  void SM_SMS_T05_aReleaseLostAfterARestartIsPutBackByALaterRound() {
    SmsKey key = SmsKey.of("F-2", MessageType.NOTIFICATION, 1);
    dispatcher(start(), db.ops().workflows(), "d1").drainOnce(T0);
    SmsDispatcher d2 = dispatcher(start(), db.ops().workflows(), "d2");
    assertThat(d2.drainOnce(T0.plusSeconds(60)).reenqueued()).isZero();
    releaseAndDie(key, T0.plusSeconds(300));
    assertThat(d2.drainOnce(T0.plusSeconds(305)).reenqueued()).isEqualTo(1);
    assertThat(gateway.delivered()).extracting(OutgoingMessage::idempotencyKey).containsExactly(key.toString());
  }

  @Test
  void SM_SMS_T05_aStartAYearAfterTheLastSweepReadsOnlyWhatChangedSince() {
    for (int i = 1; i <= 5; i++) {
      releaseAndDie(SmsKey.of("F-" + i, MessageType.NOTIFICATION, 1), T0.plusSeconds(i));
    }
    SmsDispatcher d0 = dispatcher(start(), db.ops().workflows(), "d0");
    assertThat(d0.drainOnce(T0.plusSeconds(60)).reenqueued()).isEqualTo(5);
    Instant yearLater = T0.plus(Duration.ofDays(365));
    d0.drainOnce(yearLater.minus(Duration.ofHours(2)));
    releaseAndDie(SmsKey.of("F-6", MessageType.NOTIFICATION, 1), yearLater);

    OpsJdbc restarted = start();
    CallCounter<WorkflowRepository> reads = CallCounter.wrap(WorkflowRepository.class, restarted.workflows());
    assertThat(dispatcher(restarted, reads.port(), "d1").drainOnce(yearLater.plusSeconds(5)).reenqueued())
        .isEqualTo(1);
    assertThat(reads.of("list")).isZero();
    assertThat(reads.listed("list")).as("only the message released since the last sweep").isEqualTo(1);
  }
}
