package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.engine.EngineFixture.T0;
import static org.opsbook.engine.EngineFixture.person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.StorageException;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.SmsKey;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.ticket.ComplaintTicket.ReviewVerdict;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;

/**
 * A step is stored before its duties go on the timers. A process that died in between leaves duties no timer holds,
 * and no later step need ever come to put them back: a fault nobody touches is the very case its escalation timers
 * are for. The next engine over the database puts them back at its first round. Each engine here is one process of
 * a host; they share one H2 database.
 */
class TimerRestoreTest {
  private final MutableClock clock = MutableClock.at(T0);
  private final DataSource database = EngineFixture.freshH2();
  private final OpsJdbc jdbc = OpsJdbc.create(database);
  private final List<Obligation> reminded = new CopyOnWriteArrayList<>();

  @Test
  void ESC_ROOM_01_aFaultWhoseTimersDiedWithItsProcessIsRemindedByTheNextEngine() {
    jdbc.migrate();
    OpsEngine dying = diesBeforeScheduling();
    assertThatThrownBy(() -> dying.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan"))
        .isInstanceOf(StorageException.class);
    assertThat(jdbc.faults().events("F-1")).hasSize(1);
    assertThat(jdbc.obligations().pending("F-1")).isEmpty();

    try (OpsEngine next = engine().dataSource(database).build()) {
      OpsEngine.DueWork first = next.runDueWork();

      assertThat(reminded).extracting(o -> o.ruleId().toString()).contains("ESC-ROOM-01");
      assertThat(first.dutiesReminded()).isEqualTo(reminded.size());
      assertThat(jdbc.obligations().pending("F-1")).as("the later duties wait on their timers").isNotEmpty();
      List<ScheduledObligation> waiting = jdbc.obligations().pending("F-1");

      clock.set(T0.plusSeconds(61));
      next.runDueWork();
      assertThat(reminded).extracting(Obligation::key).doesNotHaveDuplicates();
      assertThat(jdbc.obligations().pending("F-1")).as("put back once, then left alone")
          .containsExactlyElementsOf(waiting);
    }
  }

  @Test
  void BUG_02_aBugWhoseTimersDiedWithItsProcessHasThemPutBackByTheNextEngine() {
    jdbc.migrate();
    OpsEngine dying = diesBeforeScheduling();
    assertThatThrownBy(() -> dying.bugs().raise("BUG-1", BugEventData.builder().description("充值成功但余额未增加")
        .addComplaintNumbers("13800138000").complaintIssue("充值不到账").build(), "wang"))
        .isInstanceOf(StorageException.class);
    assertThat(dying.bugs().find("BUG-1")).as("the BUG was stored").isPresent();
    assertThat(jdbc.obligations().pending("bug:BUG-1")).isEmpty();

    try (OpsEngine next = engine().dataSource(database).build()) {
      next.runDueWork();
      assertThat(jdbc.obligations().pending("bug:BUG-1")).extracting(o -> o.key().ruleId().value())
          .contains("BUG-02", "BUG-08");

      // the weekly follow-up falls due at the end of the ISO week: Monday 2026-11-30 00:00 in Asia/Shanghai
      clock.set(Instant.parse("2026-11-29T16:00:00Z"));
      next.runDueWork();
      assertThat(reminded).extracting(o -> o.ruleId().value()).containsExactlyInAnyOrder("BUG-02", "BUG-08");
    }
  }

  @Test
  void aTimerLeftPendingAfterItsDutyEndedFiresIntoNothing() {
    jdbc.migrate();
    try (OpsEngine before = engine().dataSource(database).build()) {
      before.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      before.faults().record("F-1", FaultEventType.REPAIRED, "zhangsan");
    }
    List<ScheduledObligation> owed = jdbc.obligations().pending("F-1");
    assertThat(owed).as("the repaired fault's timers").isNotEmpty();
    OpsEngine closing = diesWhenCancelling();
    assertThatThrownBy(() -> closing.faults().record("F-1", FaultEventType.CLOSED, "zhangsan"))
        .isInstanceOf(StorageException.class);
    assertThat(jdbc.obligations().pending("F-1")).as("the closing was stored, its timers not cancelled")
        .containsExactlyElementsOf(owed);

    try (OpsEngine next = engine().dataSource(database).build()) {
      clock.set(owed.stream().map(o -> o.dueAt()).max(Instant::compareTo).orElseThrow().plusSeconds(1));
      assertThat(next.runDueWork().dutiesReminded()).isZero();

      assertThat(reminded).as("nobody reminded of a closed fault's duties").isEmpty();
      assertThat(jdbc.obligations().pending("F-1")).as("the timers fired into nothing").isEmpty();
    }
  }

  @Test
  void TICKET_02_aRepliedTicketsDailyProgressTimerLeftPendingFiresIntoNothing() {
    jdbc.migrate();
    try (OpsEngine before = engine().dataSource(database).build()) {
      before.tickets().receive("T-1", T0, "he").orThrow();
      before.tickets().fire("T-1", TicketEvent.ACCEPT, "he", TicketEventData.empty()).orThrow();
      before.tickets().fire("T-1", TicketEvent.SET_CAUSE, "he", TicketEventData.builder()
          .cause(TicketCause.BUSINESS_RULE).escalationTrend(false).build()).orThrow();
      before.tickets().fire("T-1", TicketEvent.SUBMIT_FOR_REVIEW, "he", TicketEventData.builder()
          .handlingOpinion("已按规则处理").build()).orThrow();
      before.tickets().fire("T-1", TicketEvent.APPROVE_AND_ARCHIVE, "wang", TicketEventData.builder()
          .reviewVerdict(ReviewVerdict.DONE).ticketCategory("计费").build()).orThrow();
    }
    List<ScheduledObligation> progress = jdbc.obligations().pending("ticket:T-1");
    assertThat(progress).extracting(o -> o.key().ruleId().value()).containsExactly("TICKET-02");
    OpsEngine replying = diesWhenCancelling();
    assertThatThrownBy(() -> replying.tickets().fire("T-1", TicketEvent.REPLY_FRONT_DESK, "wang",
        TicketEventData.builder().replyText("已回复前台").build())).isInstanceOf(StorageException.class);
    assertThat(jdbc.obligations().pending("ticket:T-1")).as("the reply was stored, its timer not cancelled")
        .containsExactlyElementsOf(progress);

    try (OpsEngine next = engine().dataSource(database).build()) {
      clock.set(progress.get(0).dueAt().plusSeconds(1));
      assertThat(next.runDueWork().dutiesReminded()).isZero();
      assertThat(reminded).as("nobody reminded of a replied ticket's progress").isEmpty();
      assertThat(jdbc.obligations().pending("ticket:T-1")).isEmpty();
    }
  }

  @Test
  void aFaultWhoseHistoryCannotBeReadKeepsNeitherTheOtherFaultsNorTheOutboxWaiting() {
    jdbc.migrate();
    try (OpsEngine before = engine().dataSource(database).build()) {
      before.faults().open("F-BAD", EngineFixture.l1("F-BAD"), "zhangsan");
    }
    OpsEngine dying = diesBeforeScheduling();
    assertThatThrownBy(() -> dying.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan"))
        .isInstanceOf(StorageException.class);
    FaultRepository unreadable = EngineFixture.intercepted(FaultRepository.class, jdbc.faults(), (method, args) -> {
      if (method.equals("events") && "F-BAD".equals(args[0])) {
        throw new StorageException("read fault events", "F-BAD", false, new IllegalStateException("a bad row"));
      }
    });
    List<String> heard = new CopyOnWriteArrayList<>();

    try (OpsEngine next = engine().ports(unreadable, jdbc.obligations(), jdbc.workflows(), jdbc.outbox(),
        jdbc.auditLog()).storageErrors((loop, e) -> heard.add(loop + ": " + e.getMessage())).build()) {
      SmsKey key = EngineFixture.releasedNotification(next, "F-2");
      OpsEngine.DueWork work = next.runDueWork();

      assertThat(work.messagesSent()).isOne();
      assertThat(jdbc.faults().events("F-2")).filteredOn(e -> e.note().equals(Optional.of(key.toString())))
          .as("the sending recorded").hasSize(1);
      assertThat(reminded).as("F-1's timers put back and fired")
          .anySatisfy(o -> assertThat(o.key().toString()).startsWith("F-1/ESC-ROOM-01"));
      // heard twice: putting back its timers, and reading whether it owes the duty of its timer that fell due
      assertThat(heard).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith("duties: ").contains("F-BAD"));
    }
  }

  @Test
  void ESC_ROOM_01_aStoreThatFailsWhenATimerFiresIsHeardByTheListenerAndTheTimerRetried() {
    jdbc.migrate();
    try (OpsEngine before = engine().dataSource(database).build()) {
      before.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
    }
    java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
    // the database drops the connection just as a due timer asks whether its fault still owes the duty
    FaultRepository flaky = EngineFixture.intercepted(FaultRepository.class, jdbc.faults(), (method, args) -> {
      if (down.get() && java.util.Arrays.stream(new Throwable().getStackTrace())
          .anyMatch(f -> f.getClassName().endsWith("ObligationScheduler"))) {
        throw new StorageException("read fault events", "F-1", true, new IllegalStateException("connection reset"));
      }
    });
    List<String> heard = new CopyOnWriteArrayList<>();
    try (OpsEngine next = engine().ports(flaky, jdbc.obligations(), jdbc.workflows(), jdbc.outbox(),
        jdbc.auditLog()).storageErrors((loop, e) -> heard.add(loop + ": " + e.getMessage())).build()) {
      assertThat(next.runDueWork().dutiesReminded()).isZero();
      assertThat(heard).as("an outage while firing is not silent").isNotEmpty()
          .allSatisfy(h -> assertThat(h).startsWith("duties: ").contains("read fault events"));
      ScheduledObligation retried = jdbc.obligations().pending("F-1").stream()
          .filter(o -> o.key().ruleId().value().equals("ESC-ROOM-01")).findFirst().orElseThrow();
      assertThat(retried.attempts()).as("the timer is retried after the back-off").isOne();

      down.set(false);
      clock.set(retried.dueAt());
      next.runDueWork();
      assertThat(reminded).extracting(o -> o.ruleId().value()).contains("ESC-ROOM-01");
    }
  }

  /** An engine whose process dies when it puts duties on the timers, after the step itself was stored. */
  private OpsEngine diesBeforeScheduling() {
    return diesAtTimers(method -> method.startsWith("schedule"));
  }

  /** An engine whose process dies when it takes ended duties off the timers, after the step itself was stored. */
  private OpsEngine diesWhenCancelling() {
    return diesAtTimers(method -> method.equals("cancel"));
  }

  private OpsEngine diesAtTimers(java.util.function.Predicate<String> write) {
    ObligationRepository dying = EngineFixture.intercepted(ObligationRepository.class, jdbc.obligations(),
        (method, args) -> {
          if (write.test(method)) {
            throw new StorageException(method, "timers", true, new IllegalStateException("the process died"));
          }
        });
    return engine().ports(jdbc.faults(), dying, jdbc.workflows(), jdbc.outbox(), jdbc.auditLog()).build();
  }

  private OpsEngine.Builder engine() {
    return OpsEngine.builder().directory(EngineFixture.people(person("wang", Role.TICKET_REVIEWER),
        person("he", Role.PRE_PROCESSOR)))
        .gateway(new RecordingMessageGateway(clock))
        .clock(clock).reminder((duty, owing) -> reminded.add(duty));
  }
}
