package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;

class H2DatabaseClockTest extends DatabaseClockContract {
  private static final JdbcBackend DB = JdbcBackend.h2("DbClock");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected JdbcBackend backend() {
    return DB;
  }
}
