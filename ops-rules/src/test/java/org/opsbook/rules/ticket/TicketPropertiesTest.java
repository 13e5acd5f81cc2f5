package org.opsbook.rules.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.ticket.TicketFixtures.NOW;
import static org.opsbook.rules.ticket.TicketFixtures.WF;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.rules.ticket.ComplaintTicket.ReviewVerdict;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;

/**
 * Random event sequences against SM-TICKET with invariants after every step: refused events change nothing, accepted
 * ones follow a declared transition and yield an audit entry, REPLIED absorbs, only the reviewer raises a BUG
 * (TICKET-06), routing never happens before the cause is set (TICKET-10), raw CDRs go only compressed and encrypted
 * (TICKET-09), only the billing duty the ticket was handed to forwards it to 省计费中心 (TICKET-13), and the audit
 * chain verifies.
 */
class TicketPropertiesTest {
  private static final List<Actor> ACTORS = List.of(TicketFixtures.PRE, TicketFixtures.REVIEWER,
      TicketFixtures.DECLARANT, TicketFixtures.SYSTEM, TicketFixtures.OUTSOURCED, Actor.of("m", Role.ROOM_MANAGER));
  private static final TicketEventData ALL = TicketEventData.builder().cause(TicketCause.BUSINESS_RULE)
      .escalationTrend(true).amsTicketNo("A").amsReply("r").amsReplyReviewed(true).verificationRecord("v")
      .opinion("o").externalResult("e").assignee("ji").provincialRef("p").provincialReply("pr")
      .provincialReplyReviewed(true).scriptRef("s").dataOpId("d").dataOpClosed(true).faultId("F").reason("x")
      .handlingOpinion("h").bugId("B").linkedFlowResolved(true).reviewVerdict(ReviewVerdict.DONE)
      .ticketCategory("c").replyText("ok").progress("p").cdrCompressed(true).cdrEncrypted(true).cdrSentTo("m")
      .build();
  private static final List<TicketEventData> DATA = List.of(TicketEventData.empty(), ALL,
      TicketEventData.builder().assignee("other").scriptRef("s").build(),
      TicketEventData.builder().cdrCompressed(true).cdrSentTo("m").provincialRef("p2").build());

  @Test
  @DisplayName("SM-TICKET-T01..T17 TICKET-06 TICKET-09 TICKET-10 TICKET-13 invariants hold after every step of random event sequences")
  void randomSequences() {
    qt().withExamples(300).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 50))
        .checkAssert(codes -> {
          InMemoryAuditLog log = new InMemoryAuditLog();
          ComplaintTicket t = ComplaintTicket.received("T", NOW);
          for (int code : codes) {
            TicketEvent event = TicketEvent.values()[code % TicketEvent.values().length];
            int rest = code / TicketEvent.values().length;
            Actor actor = ACTORS.get(rest % ACTORS.size());
            TicketEventData data = DATA.get((rest / ACTORS.size()) % DATA.size());
            Outcome<ComplaintTicket> s = WF.apply(t, event, actor, data, NOW);
            if (!s.isAccepted()) {
              assertThat(s.instance()).isEqualTo(t);
              assertThat(s.audit()).isEmpty();
              continue;
            }
            assertThat(t.state()).isNotEqualTo(TicketState.REPLIED);
            assertThat(WF.table().find(t.state(), event)).isNotNull();
            if (event == TicketEvent.RAISE_BUG) {
              assertThat(actor.hasRole(Role.TICKET_REVIEWER)).isTrue();
            }
            if (event == TicketEvent.DISPATCH_AMS || event == TicketEvent.SUBMIT_FOR_COORDINATION
                || event == TicketEvent.SUBMIT_TO_BILLING_DUTY || event == TicketEvent.SUBMIT_TO_DATA_MOD_DUTY) {
              assertThat(t.cause()).isPresent();
            }
            if (event == TicketEvent.SEND_RAW_CDRS) {
              assertThat(data.cdrCompressed()).contains(true);
              assertThat(data.cdrEncrypted()).contains(true);
            }
            if (event == TicketEvent.FORWARD_TO_BILLING_CENTER) {
              assertThat(t.assignee()).contains(actor.id());
            }
            log.append(s.audit().orElseThrow());
            t = s.instance();
          }
          assertThat(log.verify("ticket:T").intact()).isTrue();
        });
  }
}
