package org.opsbook.rules.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.opsbook.core.Actor;
import org.opsbook.core.Role;
import org.opsbook.rules.internal.ticket.TicketWorkflow;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;

/** People, roster and tickets the ticket tests share. */
public final class TicketFixtures {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  public static final Actor PRE = Actor.of("pan", Role.PRE_PROCESSOR);
  public static final Actor OUTSOURCED = Actor.of("wai", Role.OUTSOURCED_AGENT);
  public static final Actor REVIEWER = Actor.of("shen", Role.TICKET_REVIEWER);
  public static final Actor DECLARANT = Actor.of("ji", Role.BILLING_DECLARANT);
  public static final Actor SYSTEM = Actor.of("system");
  /** Wednesday 25 November 2026 10:00 in Shanghai. */
  public static final Instant NOW = at("2026-11-25T10:00:00+08:00");
  /** On Wednesdays 'ji' holds billing duty and 'xiu' data duty; on other days 'other' holds both. */
  public static final DutyRoster ROSTER = (duty, date) -> {
    boolean wednesday = date.equals(LocalDate.of(2026, 11, 25));
    return Optional.of(wednesday ? (duty == Role.BILLING_DECLARANT ? "ji" : "xiu") : "other");
  };
  public static final TicketWorkflow WF = new TicketWorkflow(ROSTER, SHANGHAI);

  private TicketFixtures() {}

  public static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  public static ComplaintTicket preprocessing() {
    return WF.apply(ComplaintTicket.received("T-1", NOW), TicketEvent.ACCEPT, PRE, TicketEventData.empty(), NOW)
        .instance();
  }

  public static ComplaintTicket caused() {
    return WF.apply(preprocessing(), TicketEvent.SET_CAUSE, PRE, TicketEventData.builder().cause(TicketCause.SYSTEM_FAULT)
        .escalationTrend(false).build(), NOW).instance();
  }

  public static ComplaintTicket underReview() {
    return WF.apply(caused(), TicketEvent.SUBMIT_FOR_REVIEW,
        PRE, TicketEventData.builder().handlingOpinion("已指导前台处理").build(), NOW).instance();
  }
}
