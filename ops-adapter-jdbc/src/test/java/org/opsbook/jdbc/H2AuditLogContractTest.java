package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.opsbook.core.spi.contract.AuditLogContract;
import org.opsbook.core.spi.contract.StorageFixture;

class H2AuditLogContractTest extends AuditLogContract {
  private static final JdbcBackend DB = JdbcBackend.h2("AuditLog");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected StorageFixture newFixture() {
    return DB.fresh();
  }
}
