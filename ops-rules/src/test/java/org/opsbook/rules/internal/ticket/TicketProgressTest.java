package org.opsbook.rules.internal.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.TicketUpdateCalendar;
import org.opsbook.core.Role;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketState;

/** TICKET-02: the daily 12:00 progress update, its boundaries, calendars and the duty it creates. */
class TicketProgressTest {
  private static Instant at(String text) {
    return java.time.OffsetDateTime.parse(text).toInstant();
  }

  private static final OpsParameters P = OpsParameters.defaults();
  private static final StandardWorkCalendar CAL = StandardWorkCalendar.weekdays();
  /** Wednesday 25 November 2026, 16:00: not finished the same day. */
  private static final Instant RECEIVED = at("2026-11-25T16:00:00+08:00");

  private static ComplaintTicket ticket(Instant closedAt, Instant... updates) {
    ComplaintTicket.Builder b = ComplaintTicket.builder().ticketId("T-1").state(closedAt == null
        ? TicketState.PREPROCESSING : TicketState.REPLIED).receivedAt(RECEIVED).addProgressUpdates(updates);
    if (closedAt != null) {
      b.closedAt(closedAt);
    }
    return b.build();
  }

  @ParameterizedTest(name = "TICKET-02 update at {0} on day 2 satisfies: {1}")
  @CsvSource({"2026-11-26T11:59:59+08:00,true", "2026-11-26T12:00:00+08:00,true", "2026-11-26T12:00:01+08:00,false",
      "2026-11-25T17:00:00+08:00,false", "2026-11-26T00:00:00+08:00,true"})
  @DisplayName("TICKET-02 an update counts when dated d and at or before d 12:00 (第2天12:00, inclusive)")
  void updateWindow(String update, boolean satisfied) {
    List<ProgressDay> days = TicketProgress.days(ticket(null, at(update)), at("2026-11-26T18:00:00+08:00"), P, CAL);
    assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(days.get(0).deadline()).isEqualTo(at("2026-11-26T12:00:00+08:00"));
    assertThat(days.get(0).satisfied()).isEqualTo(satisfied);
    assertThat(days.get(0).breached()).isEqualTo(!satisfied);
  }

  @ParameterizedTest(name = "TICKET-02 closed at {0}: update required on day 2: {1}")
  @CsvSource({"2026-11-26T11:59:59+08:00,false", "2026-11-26T12:00:00+08:00,false", "2026-11-26T12:00:01+08:00,true"})
  @DisplayName("TICKET-02 a ticket closed by d 12:00 needs no update for d")
  void closedTickets(String closedAt, boolean required) {
    List<ProgressDay> days = TicketProgress.days(ticket(at(closedAt)), at("2026-11-28T18:00:00+08:00"), P, CAL);
    assertThat(!days.isEmpty() && days.get(0).required()).isEqualTo(required);
    assertThat(days).hasSizeLessThanOrEqualTo(1);
  }

  @ParameterizedTest(name = "TICKET-02 at {0} day 2 is breached: {1}")
  @CsvSource({"2026-11-26T11:59:59+08:00,false", "2026-11-26T12:00:00+08:00,false", "2026-11-26T12:00:01+08:00,true"})
  @DisplayName("TICKET-02 a missed update is breached only once d 12:00 has passed")
  void breachMoment(String now, boolean breached) {
    assertThat(TicketProgress.breaches(ticket(null), at(now), P, CAL)).hasSize(breached ? 1 : 0);
  }

  @Test
  @DisplayName("TICKET-02 every calendar day counts by default; a ticket received on d0 owes nothing for d0")
  void calendarDays() {
    Instant monday = at("2026-11-30T09:00:00+08:00");
    ComplaintTicket t = ticket(null, at("2026-11-26T10:00:00+08:00"), at("2026-11-28T12:00:00+08:00"));
    List<ProgressDay> days = TicketProgress.days(t, monday, P, CAL);
    assertThat(days).extracting(d -> d.date().getDayOfMonth()).containsExactly(26, 27, 28, 29, 30);
    assertThat(days).extracting(ProgressDay::satisfied).containsExactly(true, false, true, false, false);
    assertThat(days).extracting(ProgressDay::breached).containsExactly(false, true, false, true, false);
  }

  @Test
  @DisplayName("TICKET-02 under the WORKING calendar weekends and holidays are skipped (ticketUpdateCalendar)")
  void workingDays() {
    OpsParameters working = OpsParameters.builder().ticketUpdateCalendar(TicketUpdateCalendar.WORKING).build();
    StandardWorkCalendar cal = StandardWorkCalendar.builder().addHolidays(LocalDate.of(2026, 11, 27)).build();
    List<ProgressDay> days = TicketProgress.days(ticket(null), at("2026-12-01T18:00:00+08:00"), working, cal);
    assertThat(days).extracting(d -> d.date().getDayOfMonth()).containsExactly(26, 30, 1, 2);
    assertThat(days).extracting(ProgressDay::breached).containsExactly(true, true, true, false);
  }

  @Test
  @DisplayName("TICKET-02 the daily time is a parameter (ticketDailyUpdateTime)")
  void dailyTime() {
    OpsParameters ten = OpsParameters.builder().ticketDailyUpdateTime(LocalTime.of(10, 0)).build();
    assertThat(TicketProgress.days(ticket(null, at("2026-11-26T11:00:00+08:00")), at("2026-11-26T18:00:00+08:00"),
        ten, CAL).get(0).satisfied()).isFalse();
  }

  @Test
  @DisplayName("TICKET-02 the duty: recurring, owed by the ticket's owner, due at the next unsatisfied 12:00 after the last update")
  void obligation() {
    Obligation first = TicketProgress.obligation(ticket(null), at("2026-11-25T20:00:00+08:00"), P, CAL).orElseThrow();
    assertThat(first.ruleId().value()).isEqualTo("TICKET-02");
    assertThat(first.dueAt()).contains(at("2026-11-26T12:00:00+08:00"));
    assertThat(first.recurring()).isTrue();
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.actor()).isEqualTo(Role.PRE_PROCESSOR);
    assertThat(first.channel()).isEqualTo(Channel.DOC);
    ComplaintTicket updated = ticket(null, at("2026-11-26T09:00:00+08:00"));
    Obligation second = TicketProgress.obligation(updated, at("2026-11-26T09:30:00+08:00"), P, CAL).orElseThrow();
    assertThat(second.dueAt()).contains(at("2026-11-27T12:00:00+08:00"));
    assertThat(second.sequence()).isEqualTo(2);
    Obligation overdue = TicketProgress.obligation(updated, at("2026-11-28T09:00:00+08:00"), P, CAL).orElseThrow();
    assertThat(overdue.dueAt()).contains(at("2026-11-27T12:00:00+08:00"));
    assertThat(overdue.isDueAt(at("2026-11-28T09:00:00+08:00"))).isTrue();
    ComplaintTicket review = ComplaintTicket.builder().ticketId("T-2").state(TicketState.UNDER_REVIEW)
        .receivedAt(RECEIVED).build();
    assertThat(TicketProgress.obligation(review, at("2026-11-25T20:00:00+08:00"), P, CAL).orElseThrow().actor())
        .isEqualTo(Role.TICKET_REVIEWER);
    assertThat(TicketProgress.obligation(ticket(at("2026-11-26T11:00:00+08:00")), at("2026-11-27T09:00:00+08:00"), P,
        CAL)).isEmpty();
  }
}
