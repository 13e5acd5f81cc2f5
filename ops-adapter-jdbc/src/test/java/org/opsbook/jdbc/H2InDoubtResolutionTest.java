package org.opsbook.jdbc;

class H2InDoubtResolutionTest extends InDoubtResolutionContract {
  @Override
  protected JdbcBackend newBackend() {
    return JdbcBackend.h2("InDoubtResolution");
  }
}
