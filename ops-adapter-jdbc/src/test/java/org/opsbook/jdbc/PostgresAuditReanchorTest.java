package org.opsbook.jdbc;

class PostgresAuditReanchorTest extends AuditReanchorContract {
  @Override
  protected TestDatabases.Db freshDatabase() {
    return TestDatabases.postgres("reanchor", 4);
  }
}
