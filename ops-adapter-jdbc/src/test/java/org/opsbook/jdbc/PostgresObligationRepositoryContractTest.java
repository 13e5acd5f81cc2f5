package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.opsbook.core.spi.contract.ObligationRepositoryContract;
import org.opsbook.core.spi.contract.StorageFixture;

class PostgresObligationRepositoryContractTest extends ObligationRepositoryContract {
  private static final JdbcBackend DB = JdbcBackend.postgres("ObligationRepository");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected StorageFixture newFixture() {
    return DB.fresh();
  }
}
