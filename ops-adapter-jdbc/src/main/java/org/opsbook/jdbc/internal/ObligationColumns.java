package org.opsbook.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;

/** The columns of {@code ops_obligation} that make a {@link ScheduledObligation}, and how to read them. */
final class ObligationColumns {
  /** The select list, shared by plain reads and PostgreSQL's claim {@code RETURNING}. */
  static final String SELECT = "subject_id, rule_id, seq, actor, action, target, channel, duty_due_at, triggered_at,"
      + " recurring, due_at, attempts, last_error, owner, lease_until, lease_gen";

  /** The array element type of each upsert parameter, for {@link java.sql.Connection#createArrayOf}. */
  static final String[] UPSERT_ARRAY_TYPES = {"text", "text", "int4", "text", "text", "text", "text", "int8", "int8",
      "bool", "int8", "int4", "text", "int8"};

  private ObligationColumns() {}

  /** Reads the current row. */
  static ScheduledObligation read(ResultSet rs) throws SQLException {
    Obligation o = Obligation.builder().subjectId(rs.getString("subject_id")).ruleId(RuleId.of(rs.getString("rule_id")))
        .sequence(rs.getInt("seq")).actor(Role.valueOf(rs.getString("actor"))).action(rs.getString("action"))
        .target(rs.getString("target")).channel(Channel.valueOf(rs.getString("channel")))
        .dueAt(Sql.optInstant(rs, "duty_due_at")).triggeredAt(Sql.optInstant(rs, "triggered_at"))
        .recurring(rs.getBoolean("recurring")).build();
    return ScheduledObligation.builder().obligation(o).dueAt(Sql.instant(rs, "due_at"))
        .attempts(rs.getInt("attempts")).lastError(Sql.optText(rs, "last_error")).build();
  }

  /** Returns the 14 upsert parameters of {@link org.opsbook.jdbc.spi.Dialect#upsertObligation()}. */
  static Object[] upsertParameters(ScheduledObligation s) {
    Obligation o = s.obligation();
    return new Object[] {o.subjectId(), o.ruleId().value(), o.sequence(), o.actor(), o.action(), o.target(),
        o.channel(), Sql.time(o.dueAt()), Sql.time(o.triggeredAt()), o.recurring(), s.dueAt(), s.attempts(),
        Sql.text(s.lastError()), s.dueAt()};
  }
}
