package org.opsbook.jdbc;

class PostgresInDoubtResolutionTest extends InDoubtResolutionContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.postgres("InDoubtResolution");
  }
}
