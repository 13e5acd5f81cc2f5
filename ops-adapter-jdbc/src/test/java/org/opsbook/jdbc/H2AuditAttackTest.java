package org.opsbook.jdbc;

class H2AuditAttackTest extends AuditAttackContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.h2("AuditAttack");
  }
}
