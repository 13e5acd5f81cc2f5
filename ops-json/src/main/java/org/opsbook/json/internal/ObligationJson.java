package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Optional;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.Obligation.Builder;
import org.opsbook.core.Role;
import org.opsbook.json.Timestamps;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.rules.duty.DutyLedger;

/**
 * An obligation in the {@code obligations} response: {@code ruleId}, {@code actor}, {@code target},
 * {@code channel}, {@code dueAt} ({@code null} for a timely duty), {@code recurring} and {@code action}, plus
 * {@code sequence} for a recurring duty. Read back, a document may also name its {@code subjectId} and
 * {@code triggeredAt}, which the response leaves out.
 */
public final class ObligationJson {
  /** The document's fields. */
  public static final Schema<Obligation, Builder> SCHEMA = Schema.of(Obligation::builder, Builder::build)
      .req("ruleId", Kind.RULE, Obligation::ruleId, Builder::ruleId)
      .req("actor", Kind.of(Role.class), Obligation::actor, Builder::actor)
      .req("target", Kind.NONBLANK, Obligation::target, Builder::target)
      .req("channel", Kind.of(Channel.class), Obligation::channel, Builder::channel)
      .always("dueAt", Kind.nullable(Kind.TIME), Obligation::dueAt, Builder::dueAt)
      .always("recurring", Kind.BOOL, Obligation::recurring, Builder::recurring)
      .always("action", Kind.TEXT, Obligation::action, Builder::action)
      .opt("sequence", Kind.atLeast(1), ob -> ob.recurring() ? Optional.of(ob.sequence()) : Optional.empty(),
          Builder::sequence)
      .opt("subjectId", Kind.TEXT, ob -> Optional.empty(), Builder::subjectId)
      .opt("triggeredAt", Kind.TIME, ob -> Optional.empty(), Builder::triggeredAt);

  private ObligationJson() {}

  /** Writes one obligation, times in {@code zone}. */
  public static ObjectNode write(Obligation ob, ZoneId zone) {
    return SCHEMA.write(ob, zone);
  }

  /**
   * Writes a missed duty of the ledger: the obligation's fields, then {@code endedAt} (when the repair, the closing,
   * a higher level or a later occurrence ended it undone), {@code endedBy} ({@link DutyLedger.Ending}) and, for an
   * interval of a recurring series that fell due after occurrence {@code sequence}, {@code repeat} (from 1).
   */
  public static ObjectNode writeMissed(DutyLedger.Entry missed, ZoneId zone) {
    ObjectNode o = write(missed.duty(), zone);
    o.put("endedAt", Timestamps.format(missed.endedAt().orElseThrow(), zone));
    o.put("endedBy", missed.endedBy().orElseThrow().name());
    if (missed.repeat() > 0) {
      o.put("repeat", missed.repeat());
    }
    return o;
  }

  /**
   * Reads one obligation back (for clients and round-trip tests).
   *
   * @param subjectId the subject when the document does not name one
   */
  public static Obligation read(JsonNode node, String path, String subjectId) {
    if (node instanceof ObjectNode o && !(o.hasNonNull("subjectId") && o.hasNonNull("action"))) {
      ObjectNode withDefaults = o.deepCopy();
      if (!o.hasNonNull("subjectId")) {
        withDefaults.put("subjectId", subjectId);
      }
      if (!o.hasNonNull("action")) {
        withDefaults.put("action", "");
      }
      return SCHEMA.read(withDefaults, path);
    }
    return SCHEMA.read(node, path);
  }
}
