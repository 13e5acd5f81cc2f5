package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;

class PostgresSmsDispatcherRestartTest extends SmsDispatcherRestartContract {
  private static final JdbcBackend DB = JdbcBackend.postgres("SmsDispatcherRestart");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected JdbcBackend backend() {
    return DB;
  }
}
