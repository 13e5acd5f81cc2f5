package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.engine.EngineFixture.T0;
import static org.opsbook.engine.EngineFixture.person;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.ticket.ComplaintTicket.ReviewVerdict;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;

/**
 * A recurring duty left undone is reminded again at each interval of its series, not once: the 30-minute progress
 * report (ESC-PROG-01), the weekly BUG follow-up (BUG-02/08), the daily 12:00 ticket progress (TICKET-02). Each
 * reminder carries the due time of its interval; a step that leaves the duty undone does not hand the first reminder
 * over again; once the duty is done the series goes on from its next occurrence. On H2, under a simulated clock.
 */
class RecurringRemindersTest {
  private final MutableClock clock = MutableClock.at(T0);
  private final DataSource database = EngineFixture.freshH2();
  private final OpsJdbc jdbc = OpsJdbc.create(database);
  private final List<Obligation> reminded = new CopyOnWriteArrayList<>();

  private OpsEngine.Builder engine() {
    jdbc.migrate();
    return OpsEngine.builder().directory(EngineFixture.people(person("wang", Role.TICKET_REVIEWER),
        person("he", Role.PRE_PROCESSOR), person("bugf", Role.BUG_FOLLOWER))).gateway(
        new RecordingMessageGateway(clock)).clock(clock).reminder((duty, owing) -> reminded.add(duty))
        .dataSource(database);
  }

  private List<Obligation> remindedOf(String rule) {
    return reminded.stream().filter(o -> o.ruleId().value().equals(rule)).toList();
  }

  private void runEvery(OpsEngine ops, Duration step, Duration length) {
    Instant end = clock.instant().plus(length);
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      ops.runDueWork();
    }
  }

  @Test
  void ESC_PROG_01_anUndoneProgressReportIsRemindedEveryThirtyMinutesUntilItIsMade() {
    try (OpsEngine ops = engine().build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      ops.faults().record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhangsan");
      Instant firstDue = ops.faults().duties("F-1").stream().filter(o -> o.ruleId().value().equals("ESC-PROG-01"))
          .findFirst().orElseThrow().dueAt().orElseThrow();
      runEvery(ops, Duration.ofMinutes(5), Duration.ofMinutes(125));

      List<Obligation> progress = remindedOf("ESC-PROG-01");
      assertThat(progress).extracting(o -> o.dueAt().orElseThrow()).containsExactly(firstDue,
          firstDue.plus(Duration.ofMinutes(30)), firstDue.plus(Duration.ofMinutes(60)),
          firstDue.plus(Duration.ofMinutes(90)));
      assertThat(progress).extracting(o -> o.key().sequence()).as("one occurrence, still owed").containsOnly(1);
      assertThat(progress.get(1).triggeredAt()).contains(firstDue);

      // a step that leaves the report undone does not hand the first reminder over again
      ops.faults().record("F-1", FaultEventType.REPORTED_TO_DEVELOPER, "zhangsan");
      clock.advance(Duration.ofMinutes(1));
      ops.runDueWork();
      assertThat(remindedOf("ESC-PROG-01")).hasSize(4);

      // the report is made: the next reminder is the next occurrence's, 30 minutes on, and no more of the first
      ops.faults().record("F-1", FaultEventType.PROGRESS_REPORTED, "zhangsan");
      Instant reported = clock.instant();
      runEvery(ops, Duration.ofMinutes(5), Duration.ofMinutes(35));
      List<Obligation> after = remindedOf("ESC-PROG-01").subList(4, remindedOf("ESC-PROG-01").size());
      assertThat(after).singleElement().satisfies(o -> {
        assertThat(o.key().sequence()).isEqualTo(2);
        assertThat(o.dueAt()).contains(reported.plus(Duration.ofMinutes(30)));
      });
    }
  }

  @Test
  void BUG_02_BUG_08_anUndoneWeeklyFollowUpIsRemindedEveryWeek() {
    try (OpsEngine ops = engine().build()) {
      ops.bugs().raise("BUG-1", BugEventData.builder().description("充值成功但余额未增加")
          .addComplaintNumbers("13800138000").complaintIssue("充值不到账").build(), "wang").orThrow();
      // twelve days: the database's clock bounds what is due, and the simulation stays in its past
      runEvery(ops, Duration.ofHours(6), Duration.ofDays(12));

      // raised on Wednesday 25 November 2026: due at the end of each ISO week, Monday 00:00 in Shanghai
      Instant weekEnd = Instant.parse("2026-11-29T16:00:00Z");
      List<Instant> weeks = List.of(weekEnd, weekEnd.plus(Duration.ofDays(7)));
      assertThat(remindedOf("BUG-02")).extracting(o -> o.dueAt().orElseThrow()).containsExactlyElementsOf(weeks);
      assertThat(remindedOf("BUG-08")).extracting(o -> o.dueAt().orElseThrow()).containsExactlyElementsOf(weeks);
    }
  }

  @Test
  void TICKET_02_anUndoneDailyProgressIsRemindedAtEachDaysNoon() {
    try (OpsEngine ops = engine().build()) {
      ops.tickets().receive("T-1", T0, "he").orThrow();
      ops.tickets().fire("T-1", TicketEvent.ACCEPT, "he", TicketEventData.empty()).orThrow();
      runEvery(ops, Duration.ofHours(1), Duration.ofDays(5));

      // received on 25 November: its progress is owed by 12:00 (Shanghai) of each following day
      Instant noon = Instant.parse("2026-11-26T04:00:00Z");
      assertThat(remindedOf("TICKET-02")).extracting(o -> o.dueAt().orElseThrow()).containsExactly(noon,
          noon.plus(Duration.ofDays(1)), noon.plus(Duration.ofDays(2)), noon.plus(Duration.ofDays(3)));

      ops.tickets().fire("T-1", TicketEvent.SET_CAUSE, "he", TicketEventData.builder()
          .cause(TicketCause.BUSINESS_RULE).escalationTrend(false).build()).orThrow();
      ops.tickets().fire("T-1", TicketEvent.SUBMIT_FOR_REVIEW, "he", TicketEventData.builder()
          .handlingOpinion("已按规则处理").build()).orThrow();
      ops.tickets().fire("T-1", TicketEvent.APPROVE_AND_ARCHIVE, "wang", TicketEventData.builder()
          .reviewVerdict(ReviewVerdict.DONE).ticketCategory("计费").build()).orThrow();
      ops.tickets().fire("T-1", TicketEvent.REPLY_FRONT_DESK, "wang", TicketEventData.builder()
          .replyText("已回复前台").build()).orThrow();
      int before = remindedOf("TICKET-02").size();
      runEvery(ops, Duration.ofHours(1), Duration.ofDays(3));
      assertThat(remindedOf("TICKET-02")).as("a replied ticket owes no more progress").hasSize(before);
      assertThat(jdbc.obligations().pending("ticket:T-1")).isEmpty();
    }
  }
}
