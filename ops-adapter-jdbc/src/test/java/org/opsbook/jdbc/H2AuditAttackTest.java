package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;

class H2AuditAttackTest extends AuditAttackContract {
  private static final JdbcBackend DB = JdbcBackend.h2("AuditAttack");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected JdbcBackend backend() {
    return DB;
  }
}
