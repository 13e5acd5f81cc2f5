package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Role;
import org.opsbook.core.StorageException;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;

/**
 * Storage failures become typed errors naming the operation and key, safe failures are retried, and nothing is ever
 * half-written: the workflow row, its history and its audit move together or not at all.
 */
abstract class BadInputContract {
  private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

  private JdbcBackend backend;
  private FaultyDataSource faulty;
  private OpsJdbc ops;

  protected abstract JdbcBackend newBackend();

  @BeforeEach
  void open() {
    backend = newBackend();
    faulty = new FaultyDataSource(backend.db().dataSource());
    ops = OpsJdbc.create(faulty);
    ops.workflows().create(WorkflowInstance.builder().id("DM-1").machine("SM-DATAOP-MOD").state("DRAFT").version(0)
        .dataJson("{}").createdAt(T0).updatedAt(T0).build(), List.of(audit("dataop:DM-1", "create")));
  }

  @AfterEach
  void close() {
    backend.close();
  }

  private static AuditEntry audit(String stream, String action) {
    return AuditEntry.builder().stream(stream).at(T0).actorId("zhang").action(action).build();
  }

  private WorkflowInstance submit(List<AuditEntry> audit) {
    TransitionRecord t = TransitionRecord.builder().instanceId("DM-1").sequence(1).event("submit").fromState("DRAFT")
        .toState("SUBMITTED").actor(Actor.of("zhang", Role.DATA_SUBMITTER)).at(T0.plusSeconds(60)).build();
    return ops.workflows().transition("DM-1", 0, t, "{\"submitted\":true}", audit);
  }

  private void assertNothingWritten() {
    // read through fresh connections: the pool may still hold the one that was cut
    OpsJdbc check = OpsJdbc.create(TestDatabases.unpooled(backend.db()));
    assertThat(check.workflows().find("DM-1").orElseThrow().version()).isZero();
    assertThat(check.workflows().history("DM-1")).isEmpty();
    assertThat(check.auditLog().read("dataop:DM-1")).hasSize(1);
    assertThat(check.auditLog().verify("dataop:DM-1").intact()).isTrue();
  }

  @Test
  void aConstraintViolationLateInTheTransactionIsATypedErrorAndRollsBackEverything() {
    List<AuditEntry> audit = List.of(audit("dataop:DM-1", "submit"), audit("x".repeat(300), "too long a stream"));
    assertThatThrownBy(() -> submit(audit)).isInstanceOfSatisfying(StorageException.class, e -> {
      assertThat(e.operation()).isEqualTo("transition workflow instance");
      assertThat(e.key()).isEqualTo("DM-1");
      assertThat(e.isTransient()).isFalse();
      assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
    });
    assertNothingWritten();
  }

  @Test
  void theOffendingValuesNeverReachTheErrorOrItsCausesInClear() {
    String stream = "sms:张三丰 138 0013 8000 11010519491231002X " + "x".repeat(300);
    List<AuditEntry> audit = List.of(audit("dataop:DM-1", "submit"), audit(stream, "too long a stream"));
    assertThatThrownBy(() -> submit(audit)).isInstanceOfSatisfying(StorageException.class, e -> {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      assertThat(trace.toString()).contains("transition workflow instance").doesNotContain("0013")
          .doesNotContain("张三丰").doesNotContain("19491231");
      assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
      assertThat(((java.sql.SQLException) e.getCause()).getSQLState()).isNotBlank();
    });
    assertNothingWritten();
  }

  @Test
  void aLostConnectionIsATransientErrorThatIsNotRetriedBlindlyAndWritesNothing() {
    faulty.loseConnectionBefore(sql -> sql.startsWith("INSERT INTO ops_workflow_transition"));
    int before = faulty.commits();
    assertThatThrownBy(() -> submit(List.of(audit("dataop:DM-1", "submit"))))
        .isInstanceOfSatisfying(StorageException.class, e -> {
          assertThat(e.isTransient()).as("%s", e.getCause()).isTrue();
          assertThat(e.key()).isEqualTo("DM-1");
        });
    assertThat(faulty.commits()).as("no commit was attempted on the dead connection").isEqualTo(before);
    assertNothingWritten();
  }

  @Test
  void aSerializationFailureIsRetriedAndTheTransitionIsWrittenOnce() {
    faulty.failCommits(2);
    WorkflowInstance after = submit(List.of(audit("dataop:DM-1", "submit")));
    assertThat(after.version()).isEqualTo(1);
    assertThat(ops.workflows().history("DM-1")).hasSize(1);
    assertThat(ops.auditLog().read("dataop:DM-1")).hasSize(2);
    assertThat(ops.auditLog().verify("dataop:DM-1").intact()).isTrue();
  }

  @Test
  void aSerializationFailureThatPersistsIsATransientErrorAndWritesNothing() {
    faulty.failCommits(100);
    assertThatThrownBy(() -> submit(List.of(audit("dataop:DM-1", "submit"))))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isTrue());
    faulty.failCommits(0);
    assertNothingWritten();
  }

  @Test
  void aFaultAppendThatFailsInItsAuditLeavesNoEvents() {
    org.opsbook.core.FaultEvent opened = org.opsbook.core.FaultEvent.builder().faultId("F-1").sequence(1)
        .type(org.opsbook.core.FaultEventType.OPENED).at(T0)
        .facts(org.opsbook.core.FaultFacts.builder().faultId("F-1").build()).build();
    org.opsbook.core.FaultSummary s = org.opsbook.core.FaultSummary.builder().faultId("F-1").version(1)
        .currentLevel(org.opsbook.core.Level.L2).peakLevel(org.opsbook.core.Level.L2).open(true).updatedAt(T0)
        .build();
    assertThatThrownBy(() -> ops.faults().append("F-1", 0, List.of(opened), s, List.of(audit("y".repeat(300), "x"))))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.key()).isEqualTo("F-1"));
    assertThat(ops.faults().summary("F-1")).isEmpty();
    assertThat(ops.faults().events("F-1")).isEmpty();
  }
}
