package org.opsbook.rules.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.ticket.TicketFixtures.NOW;
import static org.opsbook.rules.ticket.TicketFixtures.PRE;
import static org.opsbook.rules.ticket.TicketFixtures.WF;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.rules.internal.ticket.TicketService;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;

/** SM-TICKET kept through the WorkflowRepository port like every family: one audit record per accepted step. */
class TicketServiceTest {
  /** Keeps tickets by reference: the store's text is a key into this map (the JSON form is not under test). */
  private static final class ByReference implements WorkflowCodec<ComplaintTicket, TicketEventData> {
    private final Map<String, ComplaintTicket> kept = new ConcurrentHashMap<>();

    @Override
    public String encode(ComplaintTicket t) {
      String key = t.ticketId() + "#" + kept.size();
      kept.put(key, t);
      return key;
    }

    @Override
    public ComplaintTicket decode(WorkflowInstance stored) {
      return kept.get(stored.dataJson());
    }

    @Override
    public String encodeData(TicketEventData data) {
      return data.details().toString();
    }
  }

  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final TicketService tickets = new TicketService(new InMemoryWorkflowRepository(audit), new ByReference(),
      WF, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  @DisplayName("SM-TICKET-T01 a received ticket is stored, accepted and audited under ticket:<id>")
  void receivedAndAccepted() {
    assertThat(tickets.receive("T-1", NOW.minus(Duration.ofHours(2)), PRE, NOW).isAccepted()).isTrue();
    Outcome<ComplaintTicket> o = tickets.fire("T-1", TicketEvent.ACCEPT, PRE, TicketEventData.empty(),
        NOW.plusSeconds(60));
    assertThat(o.isAccepted()).isTrue();
    assertThat(tickets.find("T-1").orElseThrow().state()).isEqualTo(TicketState.PREPROCESSING);
    assertThat(tickets.find("T-1").orElseThrow().handler()).contains("pan");
    assertThat(tickets.history("T-1")).extracting(TransitionRecord::event).containsExactly("accept");
    assertThat(audit.read("ticket:T-1")).extracting(AuditRecord::entry).extracting(e -> e.action())
        .containsExactly("receive", "accept");
    assertThat(tickets.list()).hasSize(1);
  }

  @Test
  @DisplayName("OPS-TIME-01 OPS-TIME-03 a step more than the skew before the stored one, or a day ahead of the clock, "
      + "writes nothing")
  void outOfOrderStepsWriteNothing() {
    tickets.receive("T-1", NOW, PRE, NOW);
    tickets.fire("T-1", TicketEvent.ACCEPT, PRE, TicketEventData.empty(), NOW.plusSeconds(60)).orThrow();
    assertThat(tickets.fire("T-1", TicketEvent.SET_CAUSE, PRE, TicketEventData.builder()
        .cause(TicketCause.SYSTEM_FAULT).escalationTrend(false).build(), NOW.minus(Duration.ofMinutes(5)))
        .violatedRules()).contains(RuleId.of("OPS-TIME-01"));
    assertThat(tickets.fire("T-1", TicketEvent.SET_CAUSE, PRE, TicketEventData.builder()
        .cause(TicketCause.SYSTEM_FAULT).escalationTrend(false).build(), NOW.plus(Duration.ofDays(1)))
        .violatedRules()).containsExactly(RuleId.of("OPS-TIME-03"));
    assertThat(tickets.history("T-1")).hasSize(1);
    assertThatThrownBy(() -> tickets.fire("T-404", TicketEvent.ACCEPT, PRE, TicketEventData.empty(), NOW))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ticketId"));
  }
}
