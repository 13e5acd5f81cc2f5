package org.opsbook.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;

/**
 * Where the example host finds the key its audit log is sealed under: the environment's, else the data folder's own,
 * made once and kept; never in the log's tables.
 */
class DatabaseAuditKeyTest {
  private static final byte[] HOST_KEY =
      "the host's own audit key, from its secret store".getBytes(StandardCharsets.UTF_8);

  @Test
  void theEnvironmentsKeyIsUsedWhenSet(@TempDir Path dir) {
    Map<String, String> env = Map.of(Database.AUDIT_KEY_VARIABLE, Base64.getEncoder().encodeToString(HOST_KEY));
    assertThat(Database.inFolder(dir).auditKey(env)).hasValueSatisfying(k -> assertThat(k).isEqualTo(HOST_KEY));
    assertThat(Database.at("jdbc:postgresql://db/ops").auditKey(env)).hasValueSatisfying(
        k -> assertThat(k).isEqualTo(HOST_KEY));
    assertThat(dir.resolve(Database.AUDIT_KEY_FILE)).as("no file beside the database").doesNotExist();
  }

  @Test
  void theEmbeddedDefaultMakesItsKeyOnceOwnerOnlyAndKeepsIt(@TempDir Path dir) throws Exception {
    Database db = Database.inFolder(dir.resolve("data"));
    byte[] first = db.auditKey(Map.of()).orElseThrow();
    assertThat(first).hasSize(32);
    assertThat(db.auditKey(Map.of()).orElseThrow()).as("the same key at the next start").isEqualTo(first);
    Path file = dir.resolve("data").resolve(Database.AUDIT_KEY_FILE);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    assertThat(Database.inFolder(dir.resolve("other")).auditKey(Map.of()).orElseThrow()).as("another folder's own")
        .isNotEqualTo(first);
    try (var files = Files.list(dir.resolve("data"))) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no draft left behind")
          .containsExactly(Database.AUDIT_KEY_FILE);
    }
  }

  @Test
  void processesStartingAtOnceOnOneFolderAgreeOnOneKey(@TempDir Path dir) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> keys = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<byte[]> open = () -> Database.inFolder(dir).auditKey(Map.of()).orElseThrow();
        keys.add(pool.submit(open));
      }
      byte[] first = keys.get(0).get();
      for (Future<byte[]> k : keys) {
        assertThat(k.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDataFolderWrittenUnderTheDemoKeyIsResealedUnderItsOwnKeyOnce(@TempDir Path dir) {
    Database db = Database.inFolder(dir);
    try (OpsJdbc old = OpsJdbc.open(db.url(), 2)) {
      old.migrate();
      old.auditLog().append(AuditEntry.builder().stream("fault:F-0").at(Instant.parse("2026-11-01T01:00:00Z"))
          .actorId("zhangsan").action("OPENED").build());
    }
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T01:20:00Z"));
    for (int start = 0; start < 2; start++) {
      try (OpsHost host = OpsHost.open(db, m -> new SendReceipt("gw-1", clock.instant(), false), (duty, owing) -> { },
          "audit-key-test", clock)) {
        assertThat(host.engine().auditLog().verifyAll()).as("start %s", start)
            .allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
        assertThat(host.engine().auditLog().read("fault:F-0")).hasSize(1);
      }
    }
    try (OpsJdbc demo = OpsJdbc.open(db.url(), 2)) {
      assertThat(demo.auditSeal()).as("no longer the demo key's").isEqualTo(OpsJdbc.AuditSeal.OTHER_KEY);
    }
  }

  @Test
  void anotherDatabaseWithoutTheVariableHasNoKeyAndABadVariableIsRefusedUnshown() {
    assertThat(Database.at("jdbc:postgresql://db/ops").auditKey(Map.of())).isEmpty();
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> Database.at("jdbc:postgresql://db/ops")
        .auditKey(Map.of(Database.AUDIT_KEY_VARIABLE, shortKey))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OPSBOOK_AUDIT_KEY needs at least 32 bytes, not 16").hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> Database.at("jdbc:postgresql://db/ops")
        .auditKey(Map.of(Database.AUDIT_KEY_VARIABLE, "secret!!"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OPSBOOK_AUDIT_KEY is not base64").hasMessageNotContaining("secret!!");
  }

  @Test
  void theDataFolderIsMadeForItsOwnerAloneAndOneOthersMayEnterIsSaidSo(@TempDir Path dir) throws Exception {
    // before: the folder was made with the process's umask (rwxr-xr-x as a rule), so every local account could read
    // the database's names and mobile numbers, and H2's lock file, with which a process joins the database
    Path data = dir.resolve("fresh").resolve("data");
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T01:20:00Z"));
    try (OpsHost host = OpsHost.open(Database.inFolder(data), m -> new SendReceipt("gw-1", clock.instant(), false),
        (duty, owing) -> { }, "folder-test", clock)) {
      assertThat(host.database().written()).isTrue();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    assertThat(Database.inFolder(data).makeFolder()).as("its own folder: nothing to say").isFalse();

    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(Database.inFolder(shared).makeFolder()).as("a folder others may enter").isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).as("left as the owner set it")
        .isEqualTo("rwxr-xr-x");
    assertThat(Database.at("jdbc:postgresql://db/ops").makeFolder()).isFalse();
  }

  @Test
  void theDatabaseFilesAreTheOwnersAloneAlsoInAFolderOthersMayEnter(@TempDir Path dir) throws Exception {
    // before: H2 made opsbook.mv.db under the process's umask (rw-r--r--), readable by every local account when the
    // folder already existed open to them; names and numbers could be read with strings(1)
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T01:20:00Z"));
    try (OpsHost host = OpsHost.open(Database.inFolder(shared), m -> new SendReceipt("gw-1", clock.instant(), false),
        (duty, owing) -> { }, "files-test", clock)) {
      assertThat(host.database().written()).isTrue();
      try (var files = Files.newDirectoryStream(shared, "opsbook.*")) {
        int n = 0;
        for (Path f : files) {
          n++;
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
              .isEqualTo("rw-------");
        }
        assertThat(n).as("the database file at least").isPositive();
      }
    }
  }
}
