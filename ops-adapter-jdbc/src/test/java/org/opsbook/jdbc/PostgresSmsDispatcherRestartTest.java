package org.opsbook.jdbc;

class PostgresSmsDispatcherRestartTest extends SmsDispatcherRestartContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.postgres("SmsDispatcherRestart");
  }
}
