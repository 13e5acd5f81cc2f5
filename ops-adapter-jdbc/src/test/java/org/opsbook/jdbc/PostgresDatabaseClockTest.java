package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;

class PostgresDatabaseClockTest extends DatabaseClockContract {
  private static final JdbcBackend DB = JdbcBackend.postgres("DbClock");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected JdbcBackend backend() {
    return DB;
  }
}
