package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.opsbook.core.spi.contract.MessageOutboxContract;
import org.opsbook.core.spi.contract.StorageFixture;

class PostgresMessageOutboxContractTest extends MessageOutboxContract {
  private static final JdbcBackend DB = JdbcBackend.postgres("MessageOutbox");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected StorageFixture newFixture() {
    return DB.fresh();
  }
}
