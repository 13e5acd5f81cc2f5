package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.opsbook.core.spi.contract.AuditLogContract;
import org.opsbook.core.spi.contract.StorageFixture;

class PostgresAuditLogContractTest extends AuditLogContract {
  private static final JdbcBackend DB = JdbcBackend.postgres("AuditLog");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected StorageFixture newFixture() {
    return DB.fresh();
  }
}
