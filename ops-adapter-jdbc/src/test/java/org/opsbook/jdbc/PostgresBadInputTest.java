package org.opsbook.jdbc;

class PostgresBadInputTest extends BadInputContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.postgres("bad");
  }
}
