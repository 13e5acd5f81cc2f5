package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.opsbook.core.spi.contract.FaultRepositoryContract;
import org.opsbook.core.spi.contract.StorageFixture;

class PostgresFaultRepositoryContractTest extends FaultRepositoryContract {
  private static final JdbcBackend DB = JdbcBackend.postgres("FaultRepository");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected StorageFixture newFixture() {
    return DB.fresh();
  }
}
