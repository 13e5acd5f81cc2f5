package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.engine.EngineFixture.T0;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.StorageException;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;

/**
 * The engine's audit trail cannot be rewritten by someone who can write its tables: a database that outlives the
 * process is sealed under the host's key, never silently under the published demo key, with which anyone could forge
 * a record through opsbook's own code.
 */
class AuditKeyTest {
  private static DataSource fileDatabase(Path dir) {
    return OpsJdbc.h2DataSource(OpsJdbc.h2FileUrl(dir.resolve("opsbook")));
  }

  private static OpsEngine.Builder builder(DataSource db) {
    MutableClock clock = MutableClock.at(T0);
    return OpsEngine.builder().dataSource(db).directory(EngineFixture.people())
        .gateway(new RecordingMessageGateway(clock)).clock(clock);
  }

  @Test
  @DisplayName("a database that outlives the process, without the host's audit key, is refused naming auditKey")
  void aLastingDatabaseWithoutAKeyIsRefused(@TempDir Path dir) throws SQLException {
    DataSource db = fileDatabase(dir);
    assertThatThrownBy(() -> builder(db).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("auditKey:").hasMessageContaining("demoAuditKey()");
    assertThatThrownBy(() -> OpsEngine.builder().database(OpsJdbc.h2FileUrl(dir.resolve("other")), 2)
        .directory(EngineFixture.people()).gateway(new RecordingMessageGateway(MutableClock.at(T0))).build())
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("auditKey:");
    assertThat(opsbookTables(db)).as("refused before the schema is made").isZero();
  }

  private static int opsbookTables(DataSource db) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'ops%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  @DisplayName("a record forged with the published demo key through opsbook's own code is refused, and nothing appended")
  void aRecordForgedWithTheDemoKeyIsRefused(@TempDir Path dir) {
    DataSource db = fileDatabase(dir);
    try (OpsEngine ops = builder(db).auditKey(EngineFixture.auditKey()).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      long genuine = ops.auditLog().read("fault:F-1").size();
      assertThat(ops.auditLog().verifyAll()).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());

      // someone with the application's database credentials and opsbook's published demo key
      assertThatThrownBy(() -> OpsJdbc.create(db).auditLog().append(AuditEntry.builder().stream("fault:F-1")
          .at(T0.plusSeconds(60)).actorId("zhaoliu").action("DUTY_COMPLETED").putDetail("rule", "ESC-ROOM-01")
          .build())).isInstanceOf(StorageException.class);

      assertThat(ops.auditLog().read("fault:F-1")).as("nothing appended").hasSize((int) genuine);
      AuditVerification v = ops.auditLog().verify("fault:F-1");
      assertThat(v.intact()).as("%s", v).isTrue();
      assertThat(OpsJdbc.create(db).auditLog().verify("fault:F-1").firstBrokenSequence())
          .as("the demo key does not verify the host's records").contains(1L);
    }
  }

  @Test
  @DisplayName("demoAuditKey() opens a lasting database with a warning; an in-memory one needs no key")
  void theDemoKeyIsAskedForAndWarnedOf(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      try (OpsEngine ops = builder(fileDatabase(dir)).demoAuditKey().build()) {
        ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      }
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("WARN", "published demo key", "auditKey");
      err.reset();
      try (OpsEngine ops = builder(EngineFixture.freshH2()).build()) {
        ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
        assertThat(ops.auditLog().verify("fault:F-1").intact()).isTrue();
      }
      assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("demo key");
    } finally {
      System.setErr(old);
    }
  }

  @Test
  @DisplayName("a database sealed under the demo key is refused with the host's key until re-sealed under it")
  void aLogSealedUnderTheDemoKeyIsRefusedUntilResealed(@TempDir Path dir) {
    DataSource db = fileDatabase(dir);
    try (OpsEngine ops = builder(db).demoAuditKey().build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
    }
    long records = OpsJdbc.create(db).auditLog().read("fault:F-1").size();
    assertThatThrownBy(() -> builder(db).auditKey(EngineFixture.auditKey()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("auditKey:")
        .hasMessageContaining("sealed under the published demo key", "rekeyAuditFromDemoKey()");
    assertThat(OpsJdbc.create(db).auditLog().read("fault:F-1")).as("nothing appended").hasSize((int) records);

    assertThat(OpsJdbc.create(db).withAuditKey(EngineFixture.auditKey()).rekeyAuditFromDemoKey())
        .allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    try (OpsEngine ops = builder(db).auditKey(EngineFixture.auditKey()).build()) {
      ops.faults().record("F-1", org.opsbook.core.FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhangsan");
      assertThat(ops.auditLog().verifyAll()).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    }
  }

  @Test
  @DisplayName("a mistaken key, or the demo key on a log sealed under the host's, is refused before appending")
  void aMistakenKeyIsRefusedBeforeAnythingIsAppended(@TempDir Path dir) {
    DataSource db = fileDatabase(dir);
    try (OpsEngine ops = builder(db).auditKey(EngineFixture.auditKey()).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
    }
    byte[] mistaken = "a mistyped audit key, also 32 bytes or more".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> builder(db).auditKey(mistaken).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("auditKey:").hasMessageContaining("does not verify under the key given");
    assertThatThrownBy(() -> builder(db).demoAuditKey().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("demoAuditKey:");
    assertThat(OpsJdbc.create(db).withAuditKey(EngineFixture.auditKey()).auditLog().verifyAll())
        .as("nothing appended under the wrong keys").allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
  }

  @Test
  @DisplayName("a key shorter than 32 bytes, both keys, or a key beside the host's own ports is refused")
  void aWeakOrMisplacedKeyIsRefused() {
    assertThatThrownBy(() -> OpsEngine.builder().auditKey(new byte[31])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auditKey");
    assertThatThrownBy(() -> builder(EngineFixture.freshH2()).auditKey(EngineFixture.auditKey()).demoAuditKey()
        .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("at most one");
    OpsJdbc jdbc = OpsJdbc.create(EngineFixture.freshH2());
    assertThatThrownBy(() -> OpsEngine.builder()
        .ports(jdbc.faults(), jdbc.obligations(), jdbc.workflows(), jdbc.outbox(), jdbc.auditLog())
        .auditKey(EngineFixture.auditKey()).directory(EngineFixture.people())
        .gateway(new RecordingMessageGateway(MutableClock.at(T0))).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ports carry their own");
  }

  @Test
  @DisplayName("the builder keeps a copy of the key: the host clearing its array later changes nothing")
  void theKeyIsCopied(@TempDir Path dir) {
    DataSource db = fileDatabase(dir);
    byte[] key = EngineFixture.auditKey();
    try (OpsEngine ops = builder(db).auditKey(key).build()) {
      java.util.Arrays.fill(key, (byte) 0);
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
    }
    assertThat(OpsJdbc.create(db).withAuditKey(EngineFixture.auditKey()).auditLog().verify("fault:F-1").intact())
        .isTrue();
  }

  @Test
  @DisplayName("the engine says how its log is sealed, and that it no longer holds the key after a re-key")
  void theEngineSaysHowItsLogIsSealed(@TempDir Path dir) {
    DataSource db = fileDatabase(dir);
    try (OpsEngine ops = builder(db).auditKey(EngineFixture.auditKey()).build()) {
      assertThat(ops.sealsWithDemoKey()).isFalse();
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      assertThat(ops.auditSeal()).contains(OpsJdbc.AuditSeal.THIS_KEY);

      // another host, or an operator, re-seals the log under a new key while this engine runs
      byte[] next = "the next audit key, thirty-two bytes or more".getBytes(StandardCharsets.UTF_8);
      OpsJdbc.create(db).withAuditKey(next).rekeyAudit(EngineFixture.auditKey());
      assertThat(ops.auditSeal()).as("every write of this engine is now refused")
          .contains(OpsJdbc.AuditSeal.OTHER_KEY);
      assertThatThrownBy(() -> ops.faults().record("F-1", org.opsbook.core.FaultEventType.REPORTED_TO_ROOM_MANAGER,
          "zhangsan")).isInstanceOf(StorageException.class);
    }
    try (OpsEngine ops = builder(EngineFixture.freshH2()).build()) {
      assertThat(ops.sealsWithDemoKey()).as("an in-memory database given no key").isTrue();
      assertThat(ops.auditSeal()).contains(OpsJdbc.AuditSeal.NONE);
    }
    OpsJdbc jdbc = OpsJdbc.create(EngineFixture.freshH2());
    try (OpsEngine ops = OpsEngine.builder()
        .ports(jdbc.faults(), jdbc.obligations(), jdbc.workflows(), jdbc.outbox(), jdbc.auditLog())
        .directory(EngineFixture.people()).gateway(new RecordingMessageGateway(MutableClock.at(T0))).build()) {
      assertThat(ops.auditSeal()).as("the host's own ports").isEmpty();
      assertThat(ops.sealsWithDemoKey()).isFalse();
    }
  }
}
