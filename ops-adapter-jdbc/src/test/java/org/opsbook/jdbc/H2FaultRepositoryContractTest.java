package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.opsbook.core.spi.contract.FaultRepositoryContract;
import org.opsbook.core.spi.contract.StorageFixture;

class H2FaultRepositoryContractTest extends FaultRepositoryContract {
  private static final JdbcBackend DB = JdbcBackend.h2("FaultRepository");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected StorageFixture newFixture() {
    return DB.fresh();
  }
}
