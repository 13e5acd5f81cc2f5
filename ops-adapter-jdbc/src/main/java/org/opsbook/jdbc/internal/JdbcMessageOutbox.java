package org.opsbook.jdbc.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Channel;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;

/**
 * The outbox in {@code ops_outbox}: one row per idempotency key (an insert-if-absent keeps the first), claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} under a lease by any number of instances. Recipients (personal data) are
 * stored in clear because the gateway needs them; {@link OutboxMessage#toString()} masks them for logs.
 */
public final class JdbcMessageOutbox implements MessageOutbox {
  private static final String COLUMNS = "msg_key, fault_id, message_type, channel, text, recipients, state, attempts,"
      + " next_attempt_at, last_error, created_at, sent_at, receipt, owner, lease_until, lease_gen";
  /** The order of every list the outbox returns: oldest first, then by key. */
  private static final Comparator<OutboxMessage> OLDEST_FIRST =
      Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::key);

  private final JdbcRunner runner;
  private final LeaseClock clock;

  /**
   * Creates the outbox.
   *
   * @param trustCallerClock measure leases by the callers' {@code now} instead of the database's clock
   */
  public JdbcMessageOutbox(JdbcRunner runner, boolean trustCallerClock) {
    this.runner = runner;
    this.clock = new LeaseClock(trustCallerClock);
  }

  @Override
  public OutboxMessage enqueue(OutboxMessage m) {
    return runner.inTransaction("enqueue message", m.key(), c -> {
      try {
        Sql.update(c, runner.dialect().insertOutboxIfAbsent(), m.key(), Sql.text(m.faultId()), m.messageType(),
            m.channel(), m.text(), StoredJson.recipients(m.recipients()), m.state(), m.attempts(), m.nextAttemptAt(),
            Sql.text(m.lastError()), m.createdAt(), Sql.time(m.sentAt()), Sql.text(m.receipt()), Sql.NULL_TEXT,
            Sql.NULL_TIME);
      } catch (SQLException e) {
        // H2's MERGE may lose a race with a concurrent enqueue of the same key: the first one stays, as specified
        if (!runner.dialect().isUniqueViolation(e)) {
          throw e;
        }
      }
      return find(c, m.key()).orElseThrow(() -> new SQLException("outbox row " + m.key() + " vanished"));
    });
  }

  @Override
  public List<OutboxMessage> claim(Instant now, int limit, String owner, Duration lease) {
    checkArgument(limit > 0, "limit must be > 0: %s", limit);
    return take("claim messages", now, limit, owner, lease, "state = 'PENDING' AND next_attempt_at <= ?"
        + " AND (lease_until IS NULL OR lease_until <= ?)", true);
  }

  @Override
  public List<OutboxMessage> claimInDoubt(Instant now, int limit, String owner, Duration lease) {
    checkArgument(limit > 0, "limit must be > 0: %s", limit);
    return take("claim in-doubt messages", now, limit, owner, lease, "state = 'SENDING' AND lease_until <= ?", false);
  }

  /** Leases the rows matching {@code where} (bound to the due-by time, then the lease time) under a new generation. */
  private List<OutboxMessage> take(String operation, Instant now, int limit, String owner, Duration lease,
      String where, boolean dueBound) {
    List<OutboxMessage> out = new ArrayList<>(runner.inTransaction(operation, owner, c -> {
      LeaseClock.Times t = clock.at(c, now);
      Instant until = t.leaseNow().plus(lease);
      Object[] args = dueBound ? new Object[] {t.dueBy(), t.leaseNow(), limit} : new Object[] {t.leaseNow(), limit};
      List<OutboxMessage> due = Sql.query(c, "SELECT " + COLUMNS + " FROM ops_outbox WHERE " + where
          + " ORDER BY created_at, msg_key LIMIT ? FOR UPDATE SKIP LOCKED", JdbcMessageOutbox::message, args);
      List<OutboxMessage> claimed = new ArrayList<>(due.size());
      if (!due.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE ops_outbox SET owner = ?, lease_until = ?, lease_gen = lease_gen + 1 WHERE msg_key = ?")) {
          for (OutboxMessage m : due) {
            Sql.bind(ps, owner, until, m.key());
            ps.addBatch();
            claimed.add(m.withOwner(Optional.of(owner)).withLeaseUntil(Optional.of(until))
                .withLeaseGeneration(m.leaseGeneration() + 1));
          }
          ps.executeBatch();
        }
      }
      return claimed;
    }));
    out.sort(OLDEST_FIRST);
    return out;
  }

  @Override
  public int heartbeat(String owner, Instant now, Duration lease) {
    return runner.inTransaction("heartbeat messages", owner, c -> {
      LeaseClock.Times t = clock.at(c, now);
      // not a message being sent: one whose outcome was never recorded must fall in doubt when its lease lapses
      return Sql.update(c, "UPDATE ops_outbox SET lease_until = ? WHERE owner = ? AND state = 'PENDING'"
          + " AND lease_until > ?", t.leaseNow().plus(lease), owner, t.leaseNow());
    });
  }

  private static final String HELD = " WHERE msg_key = ? AND owner = ? AND lease_gen = ? AND state <> 'SENT'";

  private static Object[] held(OutboxMessage claimed, Object... before) {
    Object[] out = new Object[before.length + 3];
    System.arraycopy(before, 0, out, 0, before.length);
    out[before.length] = claimed.key();
    out[before.length + 1] = claimed.owner().orElse("");
    out[before.length + 2] = claimed.leaseGeneration();
    return out;
  }

  @Override
  public boolean markSending(OutboxMessage claimed, Instant now, Duration lease) {
    return runner.inTransaction("mark message sending", claimed.key(), c -> {
      LeaseClock.Times t = clock.at(c, now);
      return Sql.update(c, "UPDATE ops_outbox SET state = 'SENDING', lease_until = ?" + HELD,
          held(claimed, t.leaseNow().plus(lease))) == 1;
    });
  }

  @Override
  public boolean markSent(OutboxMessage claimed, Instant sentAt, String receipt) {
    return runner.inTransaction("mark message sent", claimed.key(), c -> Sql.update(c,
        "UPDATE ops_outbox SET state = 'SENT', sent_at = ?, receipt = ?, last_error = NULL, owner = NULL,"
            + " lease_until = NULL" + HELD, held(claimed, sentAt, receipt)) == 1);
  }

  @Override
  public boolean markFailed(OutboxMessage claimed, String error, Instant retryAt) {
    return runner.inTransaction("mark message failed", claimed.key(), c -> Sql.update(c,
        "UPDATE ops_outbox SET state = 'PENDING', attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
            + " owner = NULL, lease_until = NULL" + HELD, held(claimed, error, retryAt)) == 1);
  }

  @Override
  public boolean leaveInDoubt(OutboxMessage sending, Instant now) {
    return runner.inTransaction("leave message in doubt", sending.key(), c -> {
      LeaseClock.Times t = clock.at(c, now);
      return Sql.update(c, "UPDATE ops_outbox SET lease_until = ?" + HELD + " AND state = 'SENDING'",
          held(sending, t.leaseNow())) == 1;
    });
  }

  @Override
  public List<OutboxMessage> inDoubt(Instant now) {
    List<OutboxMessage> out = new ArrayList<>(runner.read("list in-doubt messages", "*", c -> {
      LeaseClock.Times t = clock.at(c, now);
      return Sql.query(c, "SELECT " + COLUMNS + " FROM ops_outbox WHERE state = 'SENDING' AND lease_until <= ?",
          JdbcMessageOutbox::message, t.leaseNow());
    }));
    out.sort(OLDEST_FIRST);
    return out;
  }

  private static final String IN_DOUBT = " WHERE msg_key = ? AND state = 'SENDING' AND lease_until <= ?";

  /** Marks a message in doubt as sent: the first two {@code ?} are the receipt (the note) and the sending time. */
  private static final String CONFIRM = "UPDATE ops_outbox SET state = 'SENT', receipt = ?, sent_at = ?, owner = NULL,"
      + " lease_until = NULL" + IN_DOUBT;
  /** Releases a message in doubt for a resend: the first two {@code ?} are the error noted and the next attempt. */
  private static final String RELEASE = "UPDATE ops_outbox SET state = 'PENDING', attempts = attempts + 1,"
      + " last_error = ?, next_attempt_at = ?, owner = NULL, lease_until = NULL" + IN_DOUBT;

  @Override
  public boolean confirmSent(String key, Instant at, String note) {
    return resolveInDoubt("confirm message sent", CONFIRM, key, at, note, null, null);
  }

  @Override
  public boolean confirmSent(String key, Instant at, String note, AuditEntry audit, AuditLog log) {
    return sameStorage(log) ? resolveInDoubt("confirm message sent", CONFIRM, key, at, note, audit,
        (JdbcAuditLog) log) : MessageOutbox.super.confirmSent(key, at, note, audit, log);
  }

  @Override
  public boolean releaseForResend(String key, Instant at, String note) {
    return resolveInDoubt("release message for resend", RELEASE, key, at, "in doubt, released for a resend: " + note,
        null, null);
  }

  @Override
  public boolean releaseForResend(String key, Instant at, String note, AuditEntry audit, AuditLog log) {
    return sameStorage(log) ? resolveInDoubt("release message for resend", RELEASE, key, at,
        "in doubt, released for a resend: " + note, audit, (JdbcAuditLog) log)
        : MessageOutbox.super.releaseForResend(key, at, note, audit, log);
  }

  /**
   * Resolves a message in doubt with {@code update} (bound to the note and {@code at}, then the key and the lease
   * time), and appends {@code audit} to {@code log} in the same transaction when it did (both null: no audit).
   */
  private boolean resolveInDoubt(String operation, String update, String key, Instant at, String note,
      AuditEntry audit, JdbcAuditLog log) {
    return runner.inTransaction(operation, key, c -> {
      LeaseClock.Times t = clock.at(c, at);
      boolean done = Sql.update(c, update, note, at, key, t.leaseNow()) == 1;
      if (done && audit != null) {
        log.appendAll(c, List.of(audit));
      }
      return done;
    });
  }

  /** True when the log is a JDBC audit log over this outbox's data source: one transaction can hold both writes. */
  private boolean sameStorage(AuditLog log) {
    return log instanceof JdbcAuditLog j && j.dataSource() == runner.dataSource();
  }

  @Override
  public Optional<OutboxMessage> find(String key) {
    return runner.read("find message", key, c -> find(c, key));
  }

  private static Optional<OutboxMessage> find(Connection c, String key) throws SQLException {
    return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM ops_outbox WHERE msg_key = ?", JdbcMessageOutbox::message,
        key);
  }

  @Override
  public List<OutboxMessage> list(Optional<String> faultId) {
    List<OutboxMessage> out = new ArrayList<>(runner.read("list messages", faultId.orElse("*"), c -> faultId.isPresent()
        ? Sql.query(c, "SELECT " + COLUMNS + " FROM ops_outbox WHERE fault_id = ?", JdbcMessageOutbox::message,
            faultId.get())
        : Sql.query(c, "SELECT " + COLUMNS + " FROM ops_outbox", JdbcMessageOutbox::message)));
    out.sort(OLDEST_FIRST);
    return out;
  }

  @Override
  public Optional<Instant> sweepMark() {
    return runner.read("read sweep mark", "*", c -> Sql.queryOne(c,
        "SELECT swept_up_to FROM ops_outbox_sweep WHERE id = 1", rs -> Sql.optInstant(rs, "swept_up_to")))
        .flatMap(m -> m);
  }

  @Override
  public void advanceSweepMark(Instant mark) {
    // one conditional UPDATE: a concurrent advance to a later mark waits on the row and is then not overwritten
    runner.inTransaction("advance sweep mark", "*", c -> Sql.update(c, "UPDATE ops_outbox_sweep SET swept_up_to = ?"
        + " WHERE id = 1 AND (swept_up_to IS NULL OR swept_up_to < ?)", mark, mark));
  }

  private static OutboxMessage message(ResultSet rs) throws SQLException {
    return OutboxMessage.builder().key(rs.getString("msg_key")).faultId(Sql.optText(rs, "fault_id"))
        .messageType(rs.getString("message_type")).channel(Channel.valueOf(rs.getString("channel")))
        .text(rs.getString("text")).addAllRecipients(StoredJson.readRecipients(rs.getString("recipients")))
        .state(OutboxState.valueOf(rs.getString("state"))).attempts(rs.getInt("attempts"))
        .nextAttemptAt(Sql.instant(rs, "next_attempt_at")).lastError(Sql.optText(rs, "last_error"))
        .createdAt(Sql.instant(rs, "created_at")).sentAt(Sql.optInstant(rs, "sent_at"))
        .receipt(Sql.optText(rs, "receipt")).owner(Sql.optText(rs, "owner"))
        .leaseUntil(Sql.optInstant(rs, "lease_until")).leaseGeneration(rs.getLong("lease_gen")).build();
  }
}
