package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;

class PostgresAuditAttackTest extends AuditAttackContract {
  private static final JdbcBackend DB = JdbcBackend.postgres("AuditAttack");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected JdbcBackend backend() {
    return DB;
  }
}
