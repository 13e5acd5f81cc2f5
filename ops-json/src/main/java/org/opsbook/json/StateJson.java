package org.opsbook.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Collection;
import java.util.function.UnaryOperator;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Obligation;
import org.opsbook.core.Violation;
import org.opsbook.json.internal.BugJson;
import org.opsbook.json.internal.CutoverCodec;
import org.opsbook.json.internal.DataOpCodec;
import org.opsbook.json.internal.Documents;
import org.opsbook.json.internal.EscCodec;
import org.opsbook.json.internal.FaultFactsJson;
import org.opsbook.json.internal.TicketJson;
import org.opsbook.json.internal.ViolationDetails;
import org.opsbook.notify.MessageContent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.duty.DutyLedger;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketEventData;

/**
 * API: the JSON forms a host's stateful API reads and writes, the same the decision API and the stored records use:
 * facts, duties, message content, each workflow's ticket and step data, and the {@code details} of a refusal. Readers
 * throw {@link org.opsbook.core.InvalidInputException} naming the field's path under {@code path}. Stateless.
 */
public final class StateJson {
  private StateJson() {}

  /** Reads a fault's facts as the {@code classify} command has them. */
  public static FaultFacts facts(JsonNode node, String path) {
    return FaultFactsJson.read(node, path);
  }

  /** Writes a fault's facts. */
  public static ObjectNode facts(FaultFacts facts, ZoneId zone) {
    return FaultFactsJson.write(facts, zone);
  }

  /** Writes a duty as the {@code obligations} command does. */
  public static ObjectNode duty(Obligation duty, ZoneId zone) {
    return Documents.OBLIGATION.write(duty, zone);
  }

  /** Writes a missed duty of a ledger as the {@code obligations} command does. */
  public static ObjectNode missed(DutyLedger.Entry entry, ZoneId zone) {
    return Documents.missed(entry, zone);
  }

  /** Reads an SMS's content: the template's fields; empty ones are filled from the fault's facts. */
  public static MessageContent messageContent(JsonNode node, String path) {
    return Documents.message(node, path);
  }

  /** Reads an SM-ESC step's data. */
  public static EscEventData escData(JsonNode node, String path) {
    return EscCodec.DATA.read(node, path);
  }

  /** Writes an SM-ESC lifecycle record. */
  public static JsonNode esc(EscFault fault) {
    return OpsJson.parse(EscCodec.instance().encode(fault));
  }

  /** Reads a data operation (its {@code operation} object). */
  public static DataOp dataOp(JsonNode node, String path) {
    return DataOpCodec.OPERATION.read(node, path);
  }

  /** Reads a data operation's step data (any field a step records). */
  public static DataOpEventData dataOpData(JsonNode node, String path) {
    return node == null || node.isNull() ? DataOpEventData.none() : DataOpCodec.DATA.read(node, path);
  }

  /** Writes a data-operation ticket: ID, state, operation and record. */
  public static ObjectNode dataOp(DataOpTicket t) {
    return DataOpCodec.instance().writeParts(t, OpsJson.object().put("id", t.id()).put("state", t.state().name()),
        "operation");
  }

  /** Reads a cutover's facts. */
  public static Cutover cutover(JsonNode node, String path) {
    return CutoverCodec.FACTS.read(node, path);
  }

  /** Reads a cutover's step data. */
  public static CutoverEventData cutoverData(JsonNode node, String path) {
    return CutoverCodec.DATA.read(node, path);
  }

  /** Writes a cutover ticket: ID, state, facts and record. */
  public static ObjectNode cutover(CutoverTicket t) {
    return CutoverCodec.instance().writeParts(t, OpsJson.object().put("id", t.id()).put("state", t.state().name()),
        "facts");
  }

  /** Reads a BUG's step data. */
  public static BugEventData bugData(JsonNode node, String path) {
    return BugJson.EVENT.read(node, path);
  }

  /** Writes a BUG. */
  public static ObjectNode bug(BugTicket bug) {
    return BugJson.TICKET.write(bug, java.time.ZoneOffset.UTC);
  }

  /** Reads a complaint ticket's step data. */
  public static TicketEventData ticketData(JsonNode node, String path) {
    return TicketJson.EVENT.read(node, path);
  }

  /** Writes a complaint ticket. */
  public static ObjectNode ticket(ComplaintTicket ticket, ZoneId zone) {
    return TicketJson.TICKET.write(ticket, zone);
  }

  /**
   * Returns the {@code details} of a refusal: one {@code {"ruleId", "field", "message"}} per violation, sorted by rule
   * ID, each field mapped to the request's JSON path by {@code path}.
   */
  public static ArrayNode details(Collection<Violation> violations, UnaryOperator<String> path) {
    return ViolationDetails.write(violations, path);
  }
}
