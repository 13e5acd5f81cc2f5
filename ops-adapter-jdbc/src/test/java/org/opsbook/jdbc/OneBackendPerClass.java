package org.opsbook.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One migrated database for a contract test class: opened before its first test by {@link #newBackend()} (H2 or
 * PostgreSQL, as the concrete class says) and closed after its last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneBackendPerClass {
  private JdbcBackend backend;

  /** Opens the database the concrete test class runs on. */
  protected abstract JdbcBackend newBackend();

  @BeforeAll
  void openBackend() {
    backend = newBackend();
  }

  @AfterAll
  void dropDatabase() {
    backend.close();
  }

  /** The database, opened once for the class. */
  protected final JdbcBackend backend() {
    return backend;
  }
}
