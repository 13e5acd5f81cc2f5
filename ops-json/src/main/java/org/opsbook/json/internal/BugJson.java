package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.rules.internal.bug.BugCodec;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugTicket;

/**
 * The JSON form of a BUG and of SM-BUG event data, as the BUG service stores them: field names are the catalog's
 * (§2.6), timestamps ISO-8601 in UTC, absent optional values left out. Reading is strict: an unknown field, a wrong
 * type or a timestamp without an offset is invalid input naming the field. Thread-safe.
 */
public final class BugJson implements BugCodec {
  /** A stored BUG. */
  public static final Schema<BugTicket, BugTicket.Builder> TICKET =
      Schema.of(BugTicket::builder, BugTicket.Builder::build)
      .kind("csComplaintLevel", Kind.atLeast(1))
      .derive(BugTicket.class);
  /** An event's {@code data} object. */
  public static final Schema<BugEventData, BugEventData.Builder> EVENT =
      Schema.of(BugEventData::builder, BugEventData.Builder::build)
      .kind("csComplaintLevel", Kind.atLeast(1))
      .derive(BugEventData.class);

  @Override
  public String write(BugTicket bug) {
    return TICKET.print(bug, ZoneOffset.UTC);
  }

  @Override
  public BugTicket read(String text) {
    return TICKET.parse(text);
  }

  @Override
  public String write(BugEventData data) {
    return EVENT.print(data, ZoneOffset.UTC);
  }
}
