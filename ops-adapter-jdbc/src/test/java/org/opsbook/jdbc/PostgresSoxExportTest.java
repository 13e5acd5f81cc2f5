package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.opsbook.core.spi.contract.StorageFixture;

class PostgresSoxExportTest extends SoxExportContract {
  private static final JdbcBackend DB = JdbcBackend.postgres("sox");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected StorageFixture newFixture() {
    return DB.fresh();
  }
}
