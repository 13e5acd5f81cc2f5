package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.opsbook.core.spi.contract.WorkflowRepositoryContract;
import org.opsbook.core.spi.contract.StorageFixture;

class PostgresWorkflowRepositoryContractTest extends WorkflowRepositoryContract {
  private static final JdbcBackend DB = JdbcBackend.postgres("WorkflowRepository");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected StorageFixture newFixture() {
    return DB.fresh();
  }
}
