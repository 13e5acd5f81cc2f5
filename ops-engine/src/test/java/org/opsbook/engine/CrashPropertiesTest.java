package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.engine.EngineFixture.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.bug.BugDuties;
import org.opsbook.rules.internal.ticket.TicketDuties;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.ComplaintTicket.ReviewVerdict;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;

/**
 * Random days of two faults (opened, reported, their facts changed, repaired, closed, time passing with the engine's
 * rounds), each run by a host whose process dies at one random write of a fault's history or of its timers; the next
 * step runs in a new process over the same storage. Whatever the write the process died at, once an engine has
 * looked after the storage, every timed duty that an open fault's last event left owed has a timer, pending or fired;
 * and the host is never reminded of a duty that the subject's stored history no longer owes (a process that died
 * between storing a repair and cancelling the timers it ended left those timers pending).
 */
class CrashPropertiesTest {
  /** The writes a process may die at: a fault's history (and its audit), and every change of its timers. */
  private static final Set<String> WRITES = Set.of("append", "schedule", "scheduleAll", "scheduleIfNew", "cancel",
      "cancelSubject");
  /** A BUG's writes: its steps and their audit, and every change of its timers. */
  private static final Set<String> BUG_WRITES = Set.of("create", "transition", "append", "schedule", "scheduleAll",
      "scheduleIfNew", "cancel", "cancelSubject");
  private static final List<String> FAULTS = List.of("F-1", "F-2");
  /** Random days a property runs: 500, or {@code -Dcrash.examples=N} (150 did not reach the ticket's reply). */
  private static final int EXAMPLES = Integer.getInteger("crash.examples", 500);

  /** One step of the day: {@code action} on fault {@code fault}, then {@code minutes} pass with the engine's round. */
  record Step(int action, int fault, int minutes) {}

  @Test
  void everyTimedDutyAnOpenFaultOwesHasATimerAndNoEndedOneIsReminded() {
    CrashingHost.days(EXAMPLES, CrashPropertiesTest::decode, 12, 40).checkAssert((steps, dieAt) -> {
      CrashingHost host = new CrashingHost(WRITES);
      remindOnlyOwed(host, "", CrashPropertiesTest::faultDuties);
      host.run(steps, dieAt, (process, s) -> {
        String faultId = FAULTS.get(s.fault());
        act(process, s, faultId);
        host.clock.advance(Duration.ofMinutes(s.minutes()));
        process.runDueWork();
      }, s -> describe(s, FAULTS.get(s.fault())));
      assertEveryTimedDutyHasATimer(host, "", CrashPropertiesTest::faultDuties);
    });
  }

  @Test
  void BUG_02_everyTimedDutyALiveBugOwesHasATimerAndNoEndedOneIsReminded() {
    CrashingHost.days(EXAMPLES, CrashPropertiesTest::decode, 12, 40).checkAssert((steps, dieAt) -> {
      CrashingHost host = new CrashingHost(BUG_WRITES);
      remindOnlyOwed(host, "bug", CrashPropertiesTest::bugDuties);
      host.run(steps, dieAt, (process, s) -> {
        String bugId = "BUG-" + (s.fault() + 1);
        bugStep(process, s.action(), bugId);
        host.clock.advance(Duration.ofHours(s.minutes()));
        process.runDueWork();
      }, s -> BUG_STEPS[s.action()] + " BUG-" + (s.fault() + 1) + ", then " + s.minutes() + " h");
      assertEveryTimedDutyHasATimer(host, "bug", CrashPropertiesTest::bugDuties);
    });
  }

  @Test
  void TICKET_02_everyTimedDutyALiveTicketOwesHasATimerAndNoEndedOneIsReminded() {
    CrashingHost.days(EXAMPLES, CrashPropertiesTest::decode, 16, 40).checkAssert((steps, dieAt) -> {
      CrashingHost host = new CrashingHost(BUG_WRITES);
      remindOnlyOwed(host, "ticket", CrashPropertiesTest::ticketDuties);
      host.run(steps, dieAt, (process, s) -> {
        // one ticket, so that a day of 16 steps often takes it all the way to the reply
        String ticketId = "T-1";
        if (s.action() < 5) {
          ticketStep(process, nextTicketStep(process, ticketId), ticketId, host);
        } else if (s.action() == 5) {
          ticketStep(process, 5, ticketId, host);
        }
        host.clock.advance(Duration.ofHours(ticketHours(s)));
        process.runDueWork();
      }, s -> (s.action() < 5 ? "the next step of" : s.action() == 5 ? "write the progress of" : "wait on")
          + " T-1, then " + ticketHours(s) + " h");
      assertEveryTimedDutyHasATimer(host, "ticket", CrashPropertiesTest::ticketDuties);
    });
  }

  /** Hours after a ticket's step: a few after a step of its way, up to 39 after a wait (its daily duty falls due). */
  private static int ticketHours(Step s) {
    return s.action() < 5 ? s.minutes() % 3 : s.minutes();
  }

  /**
   * The ticket's next step on its way from receipt to the reply to the front desk, through a developer's help: the
   * {@link #ticketStep} to take, -1 when it is replied.
   */
  private static int nextTicketStep(OpsEngine process, String ticketId) {
    var ticket = process.tickets().find(ticketId);
    if (ticket.isEmpty()) {
      return 0;
    }
    ComplaintTicket t = ticket.get();
    return switch (t.state()) {
      case RECEIVED -> 1;
      case PREPROCESSING -> t.cause().isEmpty() ? 2 : t.amsTicketNo().isEmpty() ? 3 : 6;
      case AWAITING_DEVELOPER -> 4;
      case UNDER_REVIEW -> 7;
      case ARCHIVED -> 8;
      default -> -1;
    };
  }

  private static void ticketStep(OpsEngine process, int action, String ticketId, CrashingHost host) {
    switch (action) {
      case 0 -> process.tickets().receive(ticketId, host.clock.instant(), "he");
      case 1 -> process.tickets().fire(ticketId, TicketEvent.ACCEPT, "he", TicketEventData.empty());
      case 2 -> process.tickets().fire(ticketId, TicketEvent.SET_CAUSE, "he", TicketEventData.builder()
          .cause(TicketCause.SYSTEM_FAULT).escalationTrend(false).needsDeveloper(true).build());
      case 3 -> process.tickets().fire(ticketId, TicketEvent.DISPATCH_AMS, "he",
          TicketEventData.builder().amsTicketNo("AMS-9").build());
      case 4 -> process.tickets().fire(ticketId, TicketEvent.AMS_REPLY_REVIEWED, "he",
          TicketEventData.builder().amsReply("已修复").amsReplyReviewed(true).build());
      case 5 -> process.tickets().fire(ticketId, TicketEvent.UPDATE_PROGRESS, "he",
          TicketEventData.builder().progress("处理中").build());
      case 6 -> process.tickets().fire(ticketId, TicketEvent.SUBMIT_FOR_REVIEW, "he",
          TicketEventData.builder().handlingOpinion("已处理").build());
      case 7 -> process.tickets().fire(ticketId, TicketEvent.APPROVE_AND_ARCHIVE, "wang",
          TicketEventData.builder().reviewVerdict(ReviewVerdict.DONE).ticketCategory("计费").build());
      case 8 -> process.tickets().fire(ticketId, TicketEvent.REPLY_FRONT_DESK, "wang",
          TicketEventData.builder().replyText("已回复").build());
      default -> { }
    }
  }

  /** Each open fault's duties as of its last event, by fault ID. */
  private static Map<String, List<Obligation>> faultDuties(OpsEngine engine) {
    Map<String, List<Obligation>> out = new HashMap<>();
    for (FaultSummary open : engine.faults().openFaults()) {
      FaultTracker t = engine.faults().load(open.faultId());
      if (!t.isClosed()) {
        out.put(open.faultId(), t.obligations(t.lastEventAt().orElseThrow()));
      }
    }
    return out;
  }

  /** Each live ticket's duties as of its last step, or its receipt, by ticket ID. */
  private static Map<String, List<Obligation>> ticketDuties(OpsEngine engine) {
    Map<String, List<Obligation>> out = new HashMap<>();
    for (ComplaintTicket t : engine.tickets().live()) {
      List<TransitionRecord> history = engine.tickets().history(t.ticketId());
      Instant last = history.isEmpty() ? t.receivedAt() : history.get(history.size() - 1).at();
      out.put(t.ticketId(), TicketDuties.of(t, last, engine.parameters(), engine.calendar()));
    }
    return out;
  }

  /** Each live BUG's duties as of its last step, or when it was raised, by BUG ID. */
  private static Map<String, List<Obligation>> bugDuties(OpsEngine engine) {
    Map<String, List<Obligation>> out = new HashMap<>();
    for (BugTicket b : engine.bugs().live()) {
      List<TransitionRecord> history = engine.bugs().history(b.bugId());
      Instant last = history.isEmpty() ? b.raisedAt() : history.get(history.size() - 1).at();
      out.put(b.bugId(), BugDuties.of(b, last, engine.parameters(), engine.calendar().zone()));
    }
    return out;
  }

  /**
   * Makes the host's reminder check, at each reminder, that the live instance of the duty's subject owes it, as
   * {@code owed} reads the stored instances. The subject is {@code prefix:<id>}, or the ID alone (a fault's) when the
   * prefix is empty.
   */
  private static void remindOnlyOwed(CrashingHost host, String prefix,
      Function<OpsEngine, Map<String, List<Obligation>>> owed) {
    OpsEngine reader = host.process();
    host.reminded = duty -> {
      String id = prefix.isEmpty() ? duty.subjectId() : duty.subjectId().substring(prefix.length() + 1);
      List<Obligation> duties = owed.apply(reader).getOrDefault(id, List.of());
      assertThat(duties).as("%s reminded, owed, after %s", duty.key(), host.day)
          .anyMatch(o -> o.ruleId().equals(duty.ruleId()) && o.sequence() == duty.sequence());
    };
  }

  /** Once an engine looked after the storage, every timed duty a live instance owes has a timer, pending or fired. */
  private static void assertEveryTimedDutyHasATimer(CrashingHost host, String prefix,
      Function<OpsEngine, Map<String, List<Obligation>>> owed) {
    host.clock.advance(Duration.ofMinutes(1));
    OpsEngine after = host.process();
    after.runDueWork();
    owed.apply(after).forEach((id, duties) -> {
      for (Obligation o : duties) {
        ObligationKey key = new ObligationKey(prefix.isEmpty() ? id : prefix + ":" + id, o.ruleId(), o.sequence());
        if (o.dueAt().isPresent()) {
          assertThat(host.timers.find(key).isPresent() || host.timers.hasFired(key))
              .as("%s has a timer after %s", key, host.day).isTrue();
        }
      }
    });
  }

  private static final String[] BUG_STEPS = {"raise", "submit to AMS", "province assigns", "developer replies",
      "accept and upload", "close weekly", "wait"};

  private static void bugStep(OpsEngine process, int action, String bugId) {
    switch (action) {
      case 0 -> process.bugs().raise(bugId, BugEventData.builder().description("充值成功但余额未增加")
          .addComplaintNumbers("13800138000").complaintIssue("充值不到账").build(), "wang");
      case 1 -> process.bugs().fire(bugId, BugEvent.SUBMIT_AMS, "li",
          BugEventData.builder().amsBugTicketNo("AMS-1").build());
      case 2 -> process.bugs().fire(bugId, BugEvent.PROVINCE_ASSIGNED, "li",
          BugEventData.builder().recheckAccepted(true).developer("dev").build());
      case 3 -> process.bugs().fire(bugId, BugEvent.DEVELOPER_REPLIED, "li",
          BugEventData.builder().reply("fixed").build());
      case 4 -> process.bugs().fire(bugId, BugEvent.ACCEPT_AND_UPLOAD, "li",
          BugEventData.builder().acceptancePassed(true).uploaded(true).build());
      case 5 -> process.bugs().fire(bugId, BugEvent.CLOSE_WEEKLY, "sun",
          BugEventData.builder().weeklySummaryRef("W48").build());
      default -> { }
    }
  }

  private static Step decode(int n) {
    return new Step(n % 7, (n / 7) % FAULTS.size(), (n / 14) % 40);
  }

  private static String describe(Step s, String faultId) {
    String[] actions = {"open", "report to the room manager", "report progress", "raise the complaints to 60",
        "repair", "close", "wait"};
    return actions[s.action()] + " " + faultId + ", then " + s.minutes() + " min";
  }

  private static void act(OpsEngine process, Step s, String faultId) {
    switch (s.action()) {
      case 0 -> process.faults().open(faultId, EngineFixture.l1(faultId), "zhangsan");
      case 1 -> process.faults().record(faultId, FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhangsan");
      case 2 -> process.faults().record(faultId, FaultEventType.PROGRESS_REPORTED, "zhangsan");
      case 3 -> process.faults().updateFacts(faultId, FaultFacts.builder().faultId(faultId).nature(FaultNature.SYSTEM)
          .subjectName("BOSS").faultStartTime(T0).complaintCount(60).build(), "zhangsan");
      case 4 -> process.faults().record(faultId, FaultEventType.REPAIRED, "zhangsan");
      case 5 -> process.faults().record(faultId, FaultEventType.CLOSED, "zhangsan");
      default -> { }
    }
  }
}
