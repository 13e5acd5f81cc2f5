package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.Channel;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.core.time.MutableClock;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.internal.workflow.SmsDispatcher;
import org.opsbook.notify.internal.workflow.SmsWorkflow;

/**
 * SM-SMS-T05 over a database that fails at the worst moment: a send in doubt is confirmed or released by a person
 * together with its audit record or not at all, and a send whose outcome was never recorded falls in doubt when its
 * lease lapses, however busy its dispatcher stays (RELIABILITY.md, "SMS outbox").
 */
abstract class InDoubtResolutionContract {
  private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");
  private static final InMemoryDirectory DIRECTORY = InMemoryDirectory.of(List.of(
      Person.builder().id("a1").name("员工a1").phone("13800138001").addRecipientClasses(RecipientClass.A).build()));

  private JdbcBackend backend;
  private FaultyDataSource faulty;
  private OpsJdbc ops;
  private RecordingMessageGateway gateway;

  /** A new database for each test: a pool may still hand out the connection a test cut. */
  protected abstract JdbcBackend newBackend();

  @BeforeEach
  void emptyDatabase() {
    backend = newBackend();
    faulty = new FaultyDataSource(backend.db().dataSource());
    ops = OpsJdbc.create(faulty).withCallerClock();
    gateway = new RecordingMessageGateway(MutableClock.at(T0, ZoneId.of("UTC")));
  }

  @AfterEach
  void dropDatabase() {
    backend.close();
  }

  /** Goes on through fresh connections after a connection was cut, as a process with a new pool would. */
  private void reconnect() {
    ops = OpsJdbc.create(TestDatabases.unpooled(backend.db())).withCallerClock();
  }

  private SmsDispatcher dispatcher(String owner) {
    return SmsDispatcher.builder().outbox(ops.outbox()).gateway(gateway).workflows(ops.workflows())
        .directory(DIRECTORY).auditLog(ops.auditLog()).owner(owner).build();
  }

  /** A message that dispatcher d1 marked as being sent at T0 and then lost track of: in doubt after 2 minutes. */
  private String inDoubt(String key) {
    ops.outbox().enqueue(OutboxMessage.builder().key(key).messageType("NOTIFICATION").channel(Channel.SMS)
        .text("【故障通知】").addAllRecipients(DIRECTORY.people()).nextAttemptAt(T0).createdAt(T0).build());
    OutboxMessage m = ops.outbox().claim(T0, 1, "d1", Duration.ofMinutes(2)).get(0);
    assertThat(ops.outbox().markSending(m, T0, Duration.ofMinutes(2))).isTrue();
    assertThat(ops.outbox().inDoubt(T0.plusSeconds(180))).extracting(OutboxMessage::key).containsExactly(key);
    return key;
  }

  private List<String> audited(String key) {
    return ops.auditLog().read("sms:" + key).stream().map(AuditRecord::entry).map(e -> e.action()).toList();
  }

  @Test
  @DisplayName("SM-SMS-T05 a confirmation whose audit record cannot be written is not stored either")
  void smSmsT05AConfirmationIsStoredWithItsAuditRecordOrNotAtAll() {
    String k = inDoubt("F-1/NOTIFICATION/1");
    Instant later = T0.plusSeconds(180);
    faulty.loseConnectionBefore(sql -> sql.contains("FROM ops_audit_head"));
    assertThatThrownBy(() -> dispatcher("d2").confirmSent(k, "desk", later))
        .isInstanceOf(org.opsbook.core.StorageException.class);
    reconnect();
    assertThat(ops.outbox().find(k).orElseThrow().state()).as("still in doubt").isEqualTo(OutboxState.SENDING);
    assertThat(ops.outbox().inDoubt(later)).extracting(OutboxMessage::key).containsExactly(k);
    assertThat(audited(k)).isEmpty();

    assertThat(dispatcher("d2").confirmSent(k, "desk", later)).as("the person tries again").isTrue();
    assertThat(ops.outbox().find(k).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    assertThat(audited(k)).containsExactly("confirmSentInDoubt");
    assertThat(ops.auditLog().verify("sms:" + k).intact()).isTrue();
  }

  @Test
  @DisplayName("SM-SMS-T05 a release for a resend whose audit record cannot be written is not stored either")
  void smSmsT05AReleaseIsStoredWithItsAuditRecordOrNotAtAll() {
    String k = inDoubt("F-2/NOTIFICATION/1");
    Instant later = T0.plusSeconds(180);
    faulty.loseConnectionBefore(sql -> sql.contains("FROM ops_audit_head"));
    assertThatThrownBy(() -> dispatcher("d2").resend(k, "desk", later))
        .isInstanceOf(org.opsbook.core.StorageException.class);
    reconnect();
    assertThat(ops.outbox().find(k).orElseThrow().state()).as("still in doubt").isEqualTo(OutboxState.SENDING);
    assertThat(audited(k)).isEmpty();

    assertThat(dispatcher("d2").resend(k, "desk", later)).isTrue();
    assertThat(ops.outbox().find(k).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    assertThat(audited(k)).containsExactly("resendInDoubt");
  }

  private void release(SmsKey key, Instant at) {
    SmsWorkflow sms = SmsWorkflow.builder().workflows(ops.workflows()).outbox(ops.outbox()).directory(DIRECTORY)
        .build();
    ApprovedSms.of(sms, key, at).release(sms, key, at);
  }

  @Test
  @DisplayName("SM-SMS-T05 a send whose outcome was never recorded falls in doubt though its dispatcher keeps sending")
  void smSmsT05ABusyDispatcherDoesNotHideASendInDoubt() {
    SmsKey a = SmsKey.of("F-3", MessageType.NOTIFICATION, 1);
    release(a, T0);
    SmsDispatcher first = dispatcher("d1");
    // the gateway takes A; the write that records it sent fails: A stays SENDING, its outcome unknown to the outbox
    faulty.loseConnectionBefore(sql -> sql.contains("SET state = 'SENT'"));
    assertThatThrownBy(() -> first.drainOnce(T0)).isNotNull();
    assertThat(gateway.delivered()).hasSize(1);
    reconnect();
    SmsDispatcher d1 = dispatcher("d1");
    // the same dispatcher sends another SMS 100 s later, as a busy room does, and heartbeats its claims
    SmsKey b = SmsKey.of("F-4", MessageType.NOTIFICATION, 1);
    release(b, T0.plusSeconds(100));
    d1.drainOnce(T0.plusSeconds(100));
    assertThat(gateway.delivered()).hasSize(2);
    Instant afterLease = T0.plus(Duration.ofMinutes(2)).plusSeconds(30);
    assertThat(ops.outbox().inDoubt(afterLease)).as("A's lease ended without an outcome")
        .extracting(OutboxMessage::key).containsExactly(a.toString());
  }
}
