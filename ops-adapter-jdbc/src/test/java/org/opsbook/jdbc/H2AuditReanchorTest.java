package org.opsbook.jdbc;

class H2AuditReanchorTest extends AuditReanchorContract {
  @Override
  protected TestDatabases.Db freshDatabase() {
    return TestDatabases.h2("reanchor");
  }
}
