package org.opsbook.jdbc;

class H2BadInputTest extends BadInputContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.h2("bad");
  }
}
