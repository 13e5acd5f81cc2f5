package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.opsbook.core.spi.contract.ObligationRepositoryContract;
import org.opsbook.core.spi.contract.StorageFixture;

class H2ObligationRepositoryContractTest extends ObligationRepositoryContract {
  private static final JdbcBackend DB = JdbcBackend.h2("ObligationRepository");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected StorageFixture newFixture() {
    return DB.fresh();
  }
}
