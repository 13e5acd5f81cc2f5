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
import org.opsbook.core.Channel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.OutboxMessage;
import org.opsbook.core.spi.OutboxState;

/**
 * The outbox in {@code ops_outbox}: one row per idempotency key (an insert-if-absent keeps the first), claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} under a lease by any number of instances. Recipients (personal data) are
 * stored in clear because the gateway needs them; {@link OutboxMessage#toString()} masks them for logs.
 */
public final class JdbcMessageOutbox implements MessageOutbox {
  private static final String COLUMNS = "msg_key, fault_id, message_type, channel, text, recipients, state, attempts,"
      + " next_attempt_at, last_error, created_at, sent_at, receipt, owner, lease_until";

  private final JdbcRunner runner;

  /** Creates the outbox. */
  public JdbcMessageOutbox(JdbcRunner runner) {
    this.runner = runner;
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
    Instant until = now.plus(lease);
    List<OutboxMessage> out = new ArrayList<>(runner.inTransaction("claim messages", owner, c -> {
      List<OutboxMessage> due = Sql.query(c, "SELECT " + COLUMNS + " FROM ops_outbox WHERE state = 'PENDING'"
          + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY created_at, msg_key"
          + " LIMIT ? FOR UPDATE SKIP LOCKED", JdbcMessageOutbox::message, now, now, limit);
      if (!due.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE ops_outbox SET owner = ?, lease_until = ? WHERE msg_key = ?")) {
          for (OutboxMessage m : due) {
            Sql.bind(ps, owner, until, m.key());
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      return due;
    }));
    out.sort(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::key));
    return out;
  }

  @Override
  public void markSent(String key, Instant sentAt, String receipt) {
    runner.inTransaction("mark message sent", key, c -> {
      int n = Sql.update(c, "UPDATE ops_outbox SET state = 'SENT', sent_at = ?, receipt = ?, last_error = NULL,"
          + " owner = NULL, lease_until = NULL WHERE msg_key = ? AND state = 'PENDING'", sentAt, receipt, key);
      if (n == 0) {
        requireExists(c, key);
      }
      return null;
    });
  }

  @Override
  public void markFailed(String key, String owner, String error, Instant retryAt) {
    runner.inTransaction("mark message failed", key, c -> {
      int n = Sql.update(c, "UPDATE ops_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
          + " owner = NULL, lease_until = NULL WHERE msg_key = ? AND state = 'PENDING'", error, retryAt, key);
      if (n == 0) {
        requireExists(c, key);
      }
      return null;
    });
  }

  private static void requireExists(Connection c, String key) throws SQLException {
    if (Sql.queryOne(c, "SELECT 1 FROM ops_outbox WHERE msg_key = ?", rs -> true, key).isEmpty()) {
      throw new InvalidInputException("key", "no outbox message with key " + key);
    }
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
    out.sort(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::key));
    return out;
  }

  private static OutboxMessage message(ResultSet rs) throws SQLException {
    return OutboxMessage.builder().key(rs.getString("msg_key")).faultId(Sql.optText(rs, "fault_id"))
        .messageType(rs.getString("message_type")).channel(Channel.valueOf(rs.getString("channel")))
        .text(rs.getString("text")).addAllRecipients(StoredJson.readRecipients(rs.getString("recipients")))
        .state(OutboxState.valueOf(rs.getString("state"))).attempts(rs.getInt("attempts"))
        .nextAttemptAt(Sql.instant(rs, "next_attempt_at")).lastError(Sql.optText(rs, "last_error"))
        .createdAt(Sql.instant(rs, "created_at")).sentAt(Sql.optInstant(rs, "sent_at"))
        .receipt(Sql.optText(rs, "receipt")).build();
  }
}
