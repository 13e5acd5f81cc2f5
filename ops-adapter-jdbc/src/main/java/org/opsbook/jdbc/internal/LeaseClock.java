package org.opsbook.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The times a claim is measured by. By default the database's clock: a caller's {@code now} later than the
 * database's is bounded by it (a host whose clock runs ahead neither takes work before it is due on the database's
 * clock nor takes over a live lease), and leases start and lapse on the database's clock. Trusting the caller's
 * clock instead is for one process simulating time with a fake clock.
 */
final class LeaseClock {
  /** The times of one claim: what is due by, and what lease ends have passed. */
  record Times(Instant dueBy, Instant leaseNow) {
    /** The later of the two: the bound of a range scan over {@code run_at}. */
    Instant scanBound() {
      return dueBy.isAfter(leaseNow) ? dueBy : leaseNow;
    }
  }

  private final boolean trustCaller;

  LeaseClock(boolean trustCaller) {
    this.trustCaller = trustCaller;
  }

  boolean trustsCaller() {
    return trustCaller;
  }

  /** Returns the times at the caller's {@code now}, read in the transaction of {@code c}. */
  Times at(Connection c, Instant now) throws SQLException {
    if (trustCaller) {
      return new Times(now, now);
    }
    Instant db = databaseNow(c);
    return new Times(now.isAfter(db) ? db : now, db);
  }

  /** Returns the database's current time. */
  static Instant databaseNow(Connection c) throws SQLException {
    return Sql.queryOne(c, "SELECT CURRENT_TIMESTAMP AS db_now", rs -> Sql.instant(rs, "db_now"))
        .orElseThrow(() -> new SQLException("no database time"));
  }
}
