package org.opsbook.jdbc;

class PostgresDatabaseClockTest extends DatabaseClockContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.postgres("DbClock");
  }
}
