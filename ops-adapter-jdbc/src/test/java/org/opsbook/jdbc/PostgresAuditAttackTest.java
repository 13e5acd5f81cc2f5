package org.opsbook.jdbc;

class PostgresAuditAttackTest extends AuditAttackContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.postgres("AuditAttack");
  }
}
