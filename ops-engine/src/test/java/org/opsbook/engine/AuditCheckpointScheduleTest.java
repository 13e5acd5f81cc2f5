package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.engine.EngineFixture.T0;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.time.MutableClock;

/**
 * The engine checkpoints the heads of the audit log every interval of its clock, into the audit log by default or to
 * the host's {@link CheckpointSink}; a host verifies the log against a checkpoint later and finds what was cut since.
 */
class AuditCheckpointScheduleTest {
  private final MutableClock clock = MutableClock.at(T0);

  private OpsEngine.Builder engine(DataSource ds) {
    return OpsEngine.builder().dataSource(ds).directory(EngineFixture.people())
        .gateway(new RecordingMessageGateway(clock)).reminder((duty, owing) -> { }).clock(clock);
  }

  @Test
  void aCheckpointIsTakenEveryIntervalAndKeptInTheAuditLogByDefault() {
    try (OpsEngine ops = engine(EngineFixture.freshH2()).checkpointInterval(Duration.ofMinutes(30)).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");

      assertThat(ops.runDueWork().checkpointsTaken()).as("none before the first interval").isZero();
      clock.advance(Duration.ofMinutes(30));
      assertThat(ops.runDueWork().checkpointsTaken()).isEqualTo(1);
      assertThat(ops.runDueWork().checkpointsTaken()).as("one an interval").isZero();
      clock.advance(Duration.ofMinutes(29));
      assertThat(ops.runDueWork().checkpointsTaken()).isZero();
      clock.advance(Duration.ofMinutes(1));
      assertThat(ops.runDueWork().checkpointsTaken()).isEqualTo(1);

      List<AuditCheckpoint> kept = ops.checkpoints();
      assertThat(kept).extracting(AuditCheckpoint::at)
          .containsExactly(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(60)));
      assertThat(kept.get(0).heads()).isNotEmpty();
      for (AuditCheckpoint cp : kept) {
        assertThat(ops.auditLog().verifyAgainst(cp)).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
      }
    }
  }

  @Test
  void afterTheFirstEachCheckpointIsADeltaOfTheStreamsThatMovedAndTheKeptChainFindsACutAndADroppedDelta()
      throws Exception {
    DataSource ds = EngineFixture.freshH2();
    List<String> exported = new CopyOnWriteArrayList<>();
    try (OpsEngine ops = hourlyExportingTo(ds, exported)) {
      openAndLetAnHourPass(ops, "F-1");
      openAndLetAnHourPass(ops, "F-2");
      clock.advance(Duration.ofHours(1));
      ops.runDueWork();
      List<AuditCheckpoint> chain = exported.stream().map(AuditCheckpoint::parse).toList();
      assertThat(chain).hasSize(3);
      assertThat(chain.get(0).isDelta()).isFalse();
      assertThat(chain.get(1).after()).contains(chain.get(0).seal());
      assertThat(chain.get(2).after()).contains(chain.get(1).seal());
      assertThat(chain.get(1).heads().keySet()).as("only what F-2 wrote").isNotEmpty()
          .allSatisfy(s -> assertThat(chain.get(0).heads()).doesNotContainKey(s));
      assertThat(chain.get(2).heads()).as("nothing moved in the third hour").isEmpty();
      assertThat(ops.auditLog().verifyAgainst(chain)).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());

      assertThat(ops.auditLog().verifyAgainst(List.of(chain.get(0), chain.get(2))).get(0).stream())
          .as("a dropped delta").isEqualTo("(checkpoint)");

      // the table owner cuts a stream of F-2 (sealed only by the delta) back to nothing, triggers dropped
      String stream = chain.get(1).heads().keySet().iterator().next();
      deleteWholeStream(ds, stream);
      assertNamedFromItsFirstRecord(ops.auditLog().verifyAgainst(chain), stream);
    }
  }

  @Test
  void aHostsSinkReceivesEachCheckpointAndFindsAStreamDeletedSince() throws Exception {
    DataSource ds = EngineFixture.freshH2();
    List<String> exported = new CopyOnWriteArrayList<>();
    try (OpsEngine ops = hourlyExportingTo(ds, exported)) {
      openAndLetAnHourPass(ops, "F-1");
      assertThat(exported).hasSize(1);
      assertThat(ops.checkpoints()).as("the host's sink, not the audit log, got it").isEmpty();
      AuditCheckpoint cp = AuditCheckpoint.parse(exported.get(0));
      String stream = cp.heads().keySet().iterator().next();

      // the table owner deletes a whole stream with its head, triggers dropped
      deleteWholeStream(ds, stream);
      assertNamedFromItsFirstRecord(ops.auditLog().verifyAgainst(cp), stream);
    }
  }

  @Test
  void aFailingSinkReachesTheStorageErrorListenerAndIsRetriedNextRound() throws Exception {
    List<String> loops = new CopyOnWriteArrayList<>();
    List<AuditCheckpoint> got = new CopyOnWriteArrayList<>();
    boolean[] failing = {true};
    try (OpsEngine ops = engine(EngineFixture.freshH2()).checkpointInterval(Duration.ofMillis(1))
        .outboxInterval(Duration.ofMillis(10)).storageErrors((loop, e) -> loops.add(loop))
        .checkpointSink(cp -> {
          if (failing[0]) {
            throw new IllegalStateException("the auditors' mailbox is away");
          }
          got.add(cp);
        }).build()) {
      clock.advance(Duration.ofSeconds(1));
      ops.start();
      for (int i = 0; i < 500 && !loops.contains("checkpoints"); i++) {
        Thread.sleep(20);
      }
      assertThat(loops).contains("checkpoints");
      failing[0] = false;
      clock.advance(Duration.ofSeconds(1));
      for (int i = 0; i < 500 && got.isEmpty(); i++) {
        Thread.sleep(20);
      }
      assertThat(got).isNotEmpty();
    }
  }

  /** An engine on {@code ds} that checkpoints every hour to the host's sink, which exports into {@code exported}. */
  private OpsEngine hourlyExportingTo(DataSource ds, List<String> exported) {
    return engine(ds).checkpointInterval(Duration.ofHours(1)).checkpointSink(cp -> exported.add(cp.export())).build();
  }

  /** Opens an L1 fault, then lets an hour pass and the due work run. */
  private void openAndLetAnHourPass(OpsEngine ops, String faultId) {
    ops.faults().open(faultId, EngineFixture.l1(faultId), "zhangsan");
    clock.advance(Duration.ofHours(1));
    ops.runDueWork();
  }

  /** What the table's owner can do: drop the append-only triggers and delete a stream with its head. */
  private static void deleteWholeStream(DataSource ds, String stream) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER ops_audit_append_only");
      s.execute("DROP TRIGGER ops_audit_head_forward");
      s.execute("DELETE FROM ops_audit WHERE stream = '" + stream + "'");
      s.execute("DELETE FROM ops_audit_head WHERE stream = '" + stream + "'");
    }
  }

  /** The verification names {@code stream} first, broken from its first record. */
  private static void assertNamedFromItsFirstRecord(List<AuditVerification> found, String stream) {
    assertThat(found.get(0).intact()).isFalse();
    assertThat(found.get(0).stream()).isEqualTo(stream);
    assertThat(found.get(0).firstBrokenSequence()).contains(1L);
  }
}
