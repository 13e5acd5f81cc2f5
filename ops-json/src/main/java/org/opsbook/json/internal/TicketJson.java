package org.opsbook.json.internal;

import java.time.ZoneOffset;
import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketEventData;

/**
 * The JSON form of a complaint ticket and of SM-TICKET event data: field names are the ticket's own, timestamps
 * ISO-8601 in UTC, absent optional values left out. As a {@link WorkflowCodec} it stores tickets (the ID and state
 * are kept beside the text by the repository, and in it). Reading is strict: an unknown field, a wrong type or a
 * timestamp without an offset is invalid input naming the field. Thread-safe.
 */
public final class TicketJson implements WorkflowCodec<ComplaintTicket, TicketEventData> {
  /** A stored ticket. */
  public static final Schema<ComplaintTicket, ComplaintTicket.Builder> TICKET =
      Schema.of(ComplaintTicket::builder, ComplaintTicket.Builder::build)
      .derive(ComplaintTicket.class);
  /** An event's {@code data} object. */
  public static final Schema<TicketEventData, TicketEventData.Builder> EVENT =
      Schema.of(TicketEventData::builder, TicketEventData.Builder::build)
      .derive(TicketEventData.class);

  @Override
  public String encode(ComplaintTicket ticket) {
    return TICKET.print(ticket, ZoneOffset.UTC);
  }

  @Override
  public ComplaintTicket decode(WorkflowInstance stored) {
    return TICKET.parse(stored.dataJson());
  }

  @Override
  public String encodeData(TicketEventData data) {
    return EVENT.print(data, ZoneOffset.UTC);
  }
}
