package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.StorageException;

class MigrationTest {
  private static final List<String> TABLES = List.of("ops_audit", "ops_audit_head", "ops_fault", "ops_fault_event",
      "ops_obligation", "ops_obligation_done", "ops_workflow", "ops_workflow_transition", "ops_outbox",
      "ops_audit_global", "ops_outbox_sweep");
  /**
   * V1 the schema, V2 fenced leases, V3 the anchored audit, V4 a fault step's recorded data, V5 history indexes, V6 the
   * workflow state index, V7 the obligation owner index on leased rows only, V8 the delta checkpoint's index, V9 the
   * outbox sweep mark, V10 the outbox receipt kept whole.
   */
  private static final int MIGRATIONS = 10;

  private static List<String> tables(DataSource ds) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "ops_%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
        // '_' is a LIKE wildcard, so the pattern also matches Flyway's opsbook_schema_history
        // H2's TRUNCATE guards (tables whose foreign keys pin the audit tables) are not part of the model
        if (name.startsWith("ops_") && !name.endsWith("_pin")) {
          out.add(name);
        }
      }
    }
    return out;
  }

  private static void migratesEmptyAndIsIdempotent(TestDatabases.Db db) throws SQLException {
    try (db) {
      assertThat(tables(db.dataSource())).isEmpty();
      assertThat(OpsJdbc.migrate(db.dataSource())).isEqualTo(MIGRATIONS);
      assertThat(tables(db.dataSource())).containsExactlyInAnyOrderElementsOf(TABLES);
      try (Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM " + OpsJdbc.HISTORY_TABLE + " WHERE script LIKE 'V1\\_\\_%' ESCAPE '\\'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("opsbook's own Flyway history").isEqualTo(1);
      }
      assertThat(OpsJdbc.migrate(db.dataSource())).as("second run").isZero();
      assertThat(OpsJdbc.create(db.dataSource()).migrate()).as("third run").isZero();
    }
  }

  @Test
  void theH2MigrationsApplyToAnEmptyDatabaseOnce() throws SQLException {
    migratesEmptyAndIsIdempotent(TestDatabases.h2("mig"));
  }

  @Test
  void thePostgresMigrationsApplyToAnEmptySchemaOnce() throws SQLException {
    migratesEmptyAndIsIdempotent(TestDatabases.postgres("mig", 2));
  }

  @Test
  void theMigrationsApplyBesideTheHostsOwnTables() throws SQLException {
    try (TestDatabases.Db db = TestDatabases.h2("beside")) {
      try (Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
        st.execute("CREATE TABLE host_table (id INT PRIMARY KEY)");
        st.execute("INSERT INTO host_table VALUES (7)");
      }
      assertThat(OpsJdbc.migrate(db.dataSource())).as("every opsbook migration, past a baseline below V1")
          .isEqualTo(MIGRATIONS);
      assertThat(tables(db.dataSource())).containsExactlyInAnyOrderElementsOf(TABLES);
      assertThat(OpsJdbc.migrate(db.dataSource())).as("second run").isZero();
      try (Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id FROM host_table")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(7);
      }
    }
  }

  @Test
  void theDialectIsDetectedFromTheConnection() {
    try (TestDatabases.Db h2 = TestDatabases.h2("dialect"); TestDatabases.Db pg = TestDatabases.postgres("dialect", 1)) {
      assertThat(OpsJdbc.create(h2.dataSource()).dialect().name()).isEqualTo("h2");
      assertThat(OpsJdbc.create(pg.dataSource()).dialect().name()).isEqualTo("postgresql");
      assertThat(OpsJdbc.create(pg.dataSource()).dialect().migrationLocation()).isEqualTo("db/opsbook/postgresql");
    }
  }

  @Test
  void anH2FileDatabaseKeepsItsAuditAcrossReopening(@TempDir Path dir) {
    String url = OpsJdbc.h2FileUrl(dir.resolve("ops"));
    assertThat(url).startsWith("jdbc:h2:file:").contains(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
        .contains("DEFAULT_NULL_ORDERING=HIGH");
    OpsJdbc first = OpsJdbc.create(OpsJdbc.h2DataSource(url));
    first.migrate();
    first.auditLog().append(AuditEntry.builder().stream("s").at(java.time.Instant.parse("2026-11-25T02:00:00Z"))
        .actorId("a").action("x").build());
    OpsJdbc again = OpsJdbc.create(OpsJdbc.h2DataSource(url));
    assertThat(again.migrate()).isZero();
    assertThat(again.auditLog().read("s")).hasSize(1);
    assertThat(again.auditLog().verify("s").intact()).isTrue();
    assertThat(Files.exists(dir.resolve("ops.mv.db"))).isTrue();
  }

  @Test
  void aMigrationThatCannotConnectIsAStorageException() {
    DataSource broken = OpsJdbc.h2DataSource("jdbc:h2:file:/proc/opsbook-cannot-write-here/db;IFEXISTS=TRUE");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpsJdbc.create(broken))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void openGivesAnOwnedPoolForAnH2FileUrlAndCloseReleasesIt(@TempDir Path dir) {
    String url = OpsJdbc.h2FileUrl(dir.resolve("demo"));
    try (OpsJdbc ops = OpsJdbc.open(url, 4)) {
      assertThat(ops.migrate()).isEqualTo(MIGRATIONS);
      assertThat(ops.dialect().name()).isEqualTo("h2");
      ops.auditLog().append(AuditEntry.builder().stream("s").at(java.time.Instant.parse("2026-11-25T02:00:00Z"))
          .actorId("a").action("x").build());
    }
    try (OpsJdbc again = OpsJdbc.open(url, 2)) {
      assertThat(again.migrate()).isZero();
      assertThat(again.auditLog().read("s")).hasSize(1);
    }
  }

  @Test
  void openGivesAnOwnedPoolForAPostgresUrl() {
    try (TestDatabases.Db db = TestDatabases.postgres("open", 1); OpsJdbc ops = OpsJdbc.open(db.url(), 2)) {
      assertThat(ops.dialect().name()).isEqualTo("postgresql");
      assertThat(ops.migrate()).isEqualTo(MIGRATIONS);
      assertThat(ops.auditLog().streams()).isEmpty();
    }
  }

  @Test
  void aPasswordInAnyCaseIsHiddenToTheEndOfItsValueOrOfTheUrl() {
    // before: ;PASSWORD= of an H2 URL was kept whole, and a password with a ; lost only its first part
    assertThat(OpsJdbc.withoutPasswords("jdbc:h2:file:./ops;PASSWORD=TopSecret42;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:file:./ops;PASSWORD=***;MODE=PostgreSQL");
    assertThat(OpsJdbc.withoutPasswords("jdbc:h2:mem:ops;user=sa;Password = TopSecret42"))
        .isEqualTo("jdbc:h2:mem:ops;user=sa;Password =***");
    assertThat(OpsJdbc.withoutPasswords("jdbc:postgresql://db/ops?user=ops&PassWord=Top;Secret42&connectTimeout=1"))
        .isEqualTo("jdbc:postgresql://db/ops?user=ops&PassWord=***&connectTimeout=1");
    assertThat(OpsJdbc.withoutPasswords("jdbc:postgresql://db/ops?password=Top&Secret42&sslpassword=k3y&ssl=true"))
        .as("an & not followed by a setting: where the value ends is not known").isEqualTo(
            "jdbc:postgresql://db/ops?password=***");
    assertThat(OpsJdbc.withoutPasswords("jdbc:h2:mem:ops;PASSWORD=Top;Secret42;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:mem:ops;PASSWORD=***");
    assertThat(OpsJdbc.withoutPasswords("jdbc:sqlserver://db;user=ops;password={Top;Secret42};encrypt=true"))
        .as("another form: the rest is dropped").isEqualTo("jdbc:sqlserver://db;user=ops;password=***");
    assertThat(OpsJdbc.withoutPasswords("jdbc:postgresql://db/ops?sslPassword=k3y&password=TopSecret42"))
        .isEqualTo("jdbc:postgresql://db/ops?sslPassword=***&password=***");
    assertThat(OpsJdbc.withoutPasswords("jdbc:h2:file:./passwords;PASSWORD_HASH=TRUE"))
        .isEqualTo("jdbc:h2:file:./passwords;PASSWORD_HASH=TRUE");
  }

  @Test
  void openingAnH2UrlThatCarriesAPasswordHidesItInTheError(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("missing") + ";IFEXISTS=TRUE;PASSWORD=TopSecret42";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpsJdbc.open(url, 1))
        .isInstanceOfSatisfying(StorageException.class, e -> {
          assertThat(e.key()).endsWith(";IFEXISTS=TRUE;PASSWORD=***").doesNotContain("TopSecret42");
          assertThat(e.getMessage()).doesNotContain("TopSecret42");
        });
  }

  @Test
  void openingAnUnreachableDatabaseIsATransientStorageErrorThatHidesThePassword() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpsJdbc.open(
        "jdbc:postgresql://127.0.0.1:1/ops?user=ops&password=secret&connectTimeout=1", 1))
        .isInstanceOfSatisfying(StorageException.class, e -> {
          assertThat(e.isTransient()).isTrue();
          assertThat(e.key()).doesNotContain("secret");
        });
  }
}
