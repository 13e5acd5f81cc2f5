package org.opsbook.jdbc;

class H2DatabaseClockTest extends DatabaseClockContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.h2("DbClock");
  }
}
