package org.opsbook.jdbc;

class H2SmsDispatcherRestartTest extends SmsDispatcherRestartContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.h2("SmsDispatcherRestart");
  }
}
