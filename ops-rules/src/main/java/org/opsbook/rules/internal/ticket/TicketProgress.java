package org.opsbook.rules.internal.ticket;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.TicketUpdateCalendar;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketState;

/**
 * TICKET-02: a ticket not finished on the day it arrived gets its progress written by 12:00 on every following day
 * until it is closed. Quote: 「对于当天未处理完毕的工单,需要在第2天12:00填写工单处理进度,并在工单处理完毕前每天12:00前更新工单处理进度信息」.
 *
 * <p>With {@code d0} the date of {@code receivedAt}, for each counted day {@code d > d0}: an update is required iff
 * the ticket was not closed by {@code d 12:00}; it is satisfied by an update dated {@code d} at or before
 * {@code d 12:00} (the same-day window, A-32; 12:00 itself is on time, TIME-08); it is breached when required,
 * unsatisfied and {@code now} is past the deadline. Counted days are calendar days, or working days of the
 * {@link WorkCalendar} under {@link TicketUpdateCalendar#WORKING}; the time is
 * {@link OpsParameters#ticketDailyUpdateTime()}. Stateless.
 */
final class TicketProgress {
  /** The rule. */
  public static final RuleId TICKET_02 = RuleId.of("TICKET-02");

  private TicketProgress() {}

  /**
   * Returns every counted day from the day after receipt up to the first one whose deadline is still ahead and not
   * yet met, stopping once the ticket is closed.
   */
  public static List<ProgressDay> days(ComplaintTicket ticket, Instant now, OpsParameters p, WorkCalendar calendar) {
    checkNotNull(ticket, "ticket");
    List<ProgressDay> out = new ArrayList<>();
    LocalDate d0 = calendar.dateOf(ticket.receivedAt());
    Optional<Instant> closed = ticket.closedAt();
    for (LocalDate d = next(d0, p, calendar); ; d = next(d, p, calendar)) {
      Instant deadline = calendar.at(d, p.ticketDailyUpdateTime());
      boolean required = closed.map(c -> c.isAfter(deadline)).orElse(true);
      if (!required) {
        break;
      }
      boolean satisfied = false;
      for (Instant u : ticket.progressUpdates()) {
        if (calendar.dateOf(u).equals(d) && !u.isAfter(deadline)) {
          satisfied = true;
          break;
        }
      }
      out.add(new ProgressDay(d, deadline, true, satisfied, !satisfied && now.isAfter(deadline)));
      if (!satisfied && !now.isAfter(deadline)) {
        break;
      }
    }
    return out;
  }

  /**
   * Returns TICKET-02's duty as of {@code now}: the first required day after the last satisfied one that is not
   * satisfied, due at its 12:00 (overdue when that has passed), owed by the role that owns the ticket in its state;
   * empty when the ticket is closed or nothing is owed.
   */
  public static Optional<Obligation> obligation(ComplaintTicket ticket, Instant now, OpsParameters p,
      WorkCalendar calendar) {
    if (ticket.state() == TicketState.REPLIED) {
      return Optional.empty();
    }
    List<ProgressDay> days = days(ticket, now, p, calendar);
    int lastSatisfied = -1;
    for (int i = 0; i < days.size(); i++) {
      if (days.get(i).satisfied()) {
        lastSatisfied = i;
      }
    }
    for (int i = lastSatisfied + 1; i < days.size(); i++) {
      ProgressDay day = days.get(i);
      if (!day.satisfied()) {
        return Optional.of(Obligation.builder().ruleId(TICKET_02).subjectId(ticket.ticketId())
            .actor(ticket.state().owner()).action("在工单中填写/更新处理进度").target("工单")
            .channel(Channel.DOC).dueAt(day.deadline()).triggeredAt(ticket.receivedAt()).recurring(true)
            .sequence(i + 1).build());
      }
    }
    return Optional.empty();
  }

  /** Returns the days whose update was missed as of {@code now}. */
  public static List<ProgressDay> breaches(ComplaintTicket ticket, Instant now, OpsParameters p,
      WorkCalendar calendar) {
    return days(ticket, now, p, calendar).stream().filter(ProgressDay::breached).toList();
  }

  /**
   * Returns when the progress entry {@code duty}, undone at {@code now}, falls due again: the update time of the first
   * counted day after its due day whose update time is after {@code now}. Empty for any other duty.
   */
  static Optional<Instant> repeatsAt(Obligation duty, Instant now, OpsParameters p, WorkCalendar calendar) {
    if (!duty.ruleId().equals(TICKET_02) || duty.dueAt().isEmpty()) {
      return Optional.empty();
    }
    LocalDate d = calendar.dateOf(duty.dueAt().get());
    for (int i = 0; i < 100_000; i++) {
      d = next(d, p, calendar);
      Instant at = calendar.at(d, p.ticketDailyUpdateTime());
      if (at.isAfter(now)) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }

  private static LocalDate next(LocalDate d, OpsParameters p, WorkCalendar calendar) {
    return p.ticketUpdateCalendar() == TicketUpdateCalendar.WORKING ? calendar.nextWorkingDay(d) : d.plusDays(1);
  }
}
