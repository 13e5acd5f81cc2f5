package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;

class H2SmsDispatcherRestartTest extends SmsDispatcherRestartContract {
  private static final JdbcBackend DB = JdbcBackend.h2("SmsDispatcherRestart");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected JdbcBackend backend() {
    return DB;
  }
}
