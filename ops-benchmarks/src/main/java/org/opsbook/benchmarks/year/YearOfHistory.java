package org.opsbook.benchmarks.year;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.opsbook.benchmarks.support.BenchPostgres;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.Obligation;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.core.spi.ObligationRepository.ClaimedObligation;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;

/**
 * A year of a busy duty room as a data set, written through the library's storage ports ({@link OpsJdbc}): at
 * {@code --scale 1.0} about 40,000 closed faults with their histories, 2 million duty rows (fired or cancelled
 * timers), 10 million audit records, 200,000 SMS (SM-SMS instances with their transitions and sent outbox rows) and
 * 20,000 data-modification and cutover tickets, spread over the twelve months before {@link #YEAR_END}.
 *
 * <p>Each kind of record is cloned from one real lifecycle the {@link Room} first drives through the engine (a fault
 * with its notification SMS, a data modification from submit to close, a cutover from creation to its archive, and
 * one only reviewed for the last {@value #OPEN_CUTOVERS} cutovers, if any are to stay open): the clones take new IDs
 * and times and go through the same ports the engine writes through (fault appends, obligation schedule, claim and
 * complete or cancel, workflow create and transitions, outbox enqueue, sealed audit appends in batches), so every
 * stored row decodes and every audit stream verifies. The template's own records are closed and kept.
 *
 * <pre>
 * java -cp ops-benchmarks/target/benchmarks.jar org.opsbook.benchmarks.year.YearOfHistory --db h2 --scale 0.01
 * </pre>
 *
 * @param jdbc storage measuring leases by the caller's clock (the year is written in simulated time)
 * @param log where progress goes
 * @param faults the faults of the year (40,000 at scale 1)
 * @param tickets the data-modification and cutover tickets (20,000 at scale 1)
 * @param auditTarget the audit records (10 million at scale 1)
 */
public record YearOfHistory(OpsJdbc jdbc, PrintStream log, int faults, int tickets, long auditTarget) {
  /** The first day of the year of history. */
  public static final Instant YEAR_START = Instant.parse("2025-12-01T00:00:00Z");
  /** The day after the year: live work (the measurements' probes) starts here. */
  public static final Instant YEAR_END = Instant.parse("2026-12-01T00:00:00Z");

  static final int FAULTS = 40_000;
  static final int DUTIES_PER_FAULT = 50;
  static final long AUDIT = 10_000_000L;
  static final int SMS_PER_FAULT = 5;
  static final int TICKETS = 20_000;
  /** Of the tickets, one in this many is a cutover, the rest data modifications. */
  static final int CUTOVER_EVERY = 5;
  /**
   * How many of the year's cutovers are still open at its end (the last ones, planned ahead): a room archives a
   * cutover once done, so the others are clones of one walked to its archive. None: the live work's reviewed cutover
   * is then the one open on both sides, so the open-cutovers read returns the same rows on both and measures whether
   * the archived year enters it. (With five left open it returned six rows against one, and cost 1.7 to 3.1 times as
   * much for the rows returned, not for the history.)
   */
  static final int OPEN_CUTOVERS = 0;

  private static final String TPL_FAULT = "TPL-F";
  private static final String TPL_MOD = "TPL-DM";
  private static final String TPL_CUTOVER = "TPL-CO";
  private static final String TPL_CUTOVER_DONE = "TPL-COA";
  private static final int BATCH = 100;


  /** What was written: the rows the generator asked the ports to store. */
  public record Counts(long faults, long faultEvents, long duties, long audit, long sms, long tickets) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "faults=%,d faultEvents=%,d duties=%,d audit=%,d sms=%,d tickets=%,d",
          faults, faultEvents, duties, audit, sms, tickets);
    }
  }

  /** The number of faults, tickets and audit records at {@code scale}. */
  static int scaled(long full, double scale) {
    return (int) Math.max(1, Math.round(full * scale));
  }

  /**
   * Writes the year at {@code scale} into migrated storage and returns what it wrote. {@code jdbc} must measure
   * leases by the caller's clock ({@link OpsJdbc#withCallerClock()}): the year is written in simulated time.
   */
  public static Counts write(OpsJdbc jdbc, double scale, PrintStream log) {
    return new YearOfHistory(jdbc, log, scaled(FAULTS, scale), scaled(TICKETS, scale), Math.round(AUDIT * scale))
        .write();
  }

  /** Writes the year: {@code faults} faults with their duties and SMS, {@code tickets} tickets, the audit. */
  public Counts write() {
    Templates t = templates();
    // the last day is left free: a fault's reminders, SMS and duties run on for up to a day after it opens, and all of
    // the year's activity stays before YEAR_END (a period query of the live month then reads the live month alone)
    Duration span = Duration.between(YEAR_START, YEAR_END).minusDays(1);
    Duration faultSpacing = span.dividedBy(faults);
    Duration ticketSpacing = span.dividedBy(tickets);
    long[] n = new long[6];
    long[] phase = new long[4];
    long started = System.nanoTime();
    // audit records of the cloned lifecycles, then filler (duty reminders, checkpoints) up to the year's total
    long clonedAuditPerFault = t.faultAudit.size() + (long) SMS_PER_FAULT * t.smsAudit.size();
    long cutovers = tickets / CUTOVER_EVERY;
    long open = Math.min(OPEN_CUTOVERS, cutovers);
    long ticketAudit = open * t.cutoverAudit.size() + (cutovers - open) * t.doneAudit.size()
        + (tickets - cutovers) * t.modAudit.size();
    long filler = Math.max(0, auditTarget - clonedAuditPerFault * faults - ticketAudit);
    long fillerPerFault = filler / faults;
    long fillerLeft = filler - fillerPerFault * faults;
    List<AuditEntry> pendingAudit = new ArrayList<>();
    List<ScheduledObligation> pendingDuties = new ArrayList<>();
    for (int i = 0; i < faults; i++) {
      String id = String.format(Locale.ROOT, "F-%06d", i);
      Instant at = YEAR_START.plus(faultSpacing.multipliedBy(i));
      Duration shift = Duration.between(t.faultStart, at);
      long t0 = System.nanoTime();
      n[1] += cloneFault(t, id, shift);
      phase[0] += System.nanoTime() - t0;
      n[0]++;
      List<ScheduledObligation> duties = duties(t, id, at);
      pendingDuties.addAll(duties);
      n[2] += duties.size();
      t0 = System.nanoTime();
      for (int k = 0; k < SMS_PER_FAULT; k++) {
        n[4] += cloneSms(t, id, k, shift, pendingAudit);
      }
      phase[1] += System.nanoTime() - t0;
      long extra = fillerPerFault + (i < fillerLeft ? 1 : 0);
      for (long k = 0; k < extra; k++) {
        pendingAudit.add(AuditEntry.builder().stream("fault:" + id).at(at.plus(Duration.ofMinutes(3 * k + 1)))
            .actorId("duty-timers").action("dutyReminded").putDetail("reminder", Long.toString(k + 1)).build());
      }
      n[3] += t.faultAudit.size();
      if (pendingDuties.size() >= BATCH * DUTIES_PER_FAULT || i == faults - 1) {
        t0 = System.nanoTime();
        settleDuties(pendingDuties, i % 10 == 0);
        phase[2] += System.nanoTime() - t0;
        pendingDuties.clear();
      }
      if (pendingAudit.size() >= 5_000) {
        t0 = System.nanoTime();
        n[3] += flushAudit(pendingAudit);
        phase[3] += System.nanoTime() - t0;
      }
      if (i % 1000 == 999) {
        log.printf(Locale.ROOT, "  %,d faults, %,d audit so far, %.0f s%n", i + 1, n[3] + pendingAudit.size(),
            (System.nanoTime() - started) / 1e9);
      }
    }
    for (int i = 0; i < tickets; i++) {
      Instant at = YEAR_START.plus(ticketSpacing.multipliedBy(i));
      boolean cutover = i % CUTOVER_EVERY == CUTOVER_EVERY - 1;
      String id = String.format(Locale.ROOT, cutover ? "CO-%06d" : "DM-%06d", i);
      if (!cutover) {
        cloneWorkflow(t.mod, t.modHistory, t.modAudit, TPL_MOD, id, Duration.between(t.mod.createdAt(), at),
            pendingAudit);
      } else if (i / CUTOVER_EVERY >= cutovers - open) {
        cloneWorkflow(t.cutover, t.cutoverHistory, t.cutoverAudit, TPL_CUTOVER, id,
            Duration.between(t.cutover.createdAt(), at), pendingAudit);
      } else {
        cloneWorkflow(t.done, t.doneHistory, t.doneAudit, TPL_CUTOVER_DONE, id,
            Duration.between(t.done.createdAt(), at), pendingAudit);
      }
      n[5]++;
      if (pendingAudit.size() >= 5_000) {
        n[3] += flushAudit(pendingAudit);
      }
    }
    n[3] += flushAudit(pendingAudit);
    log.printf(Locale.ROOT, "  year written in %.0f s (faults %.0f s, SMS %.0f s, duties %.0f s, audit %.0f s)%n",
        (System.nanoTime() - started) / 1e9, phase[0] / 1e9, phase[1] / 1e9, phase[2] / 1e9, phase[3] / 1e9);
    return new Counts(n[0], n[1], n[2], n[3], n[4], n[5]);
  }

  /** The records of one real lifecycle of each kind, read back from storage after the engine wrote them. */
  private static final class Templates {
    Instant faultStart;
    List<FaultEvent> faultEvents;
    FaultSummary faultSummary;
    List<AuditRecord> faultAudit;
    List<Obligation> duties = new ArrayList<>();
    WorkflowInstance sms;
    List<TransitionRecord> smsHistory;
    List<AuditRecord> smsAudit;
    OutboxMessage smsOutbox;
    WorkflowInstance mod;
    List<TransitionRecord> modHistory;
    List<AuditRecord> modAudit;
    WorkflowInstance cutover;
    List<TransitionRecord> cutoverHistory;
    List<AuditRecord> cutoverAudit;
    WorkflowInstance done;
    List<TransitionRecord> doneHistory;
    List<AuditRecord> doneAudit;
  }

  private Templates templates() {
    Templates t = new Templates();
    t.faultStart = YEAR_START.minus(Duration.ofDays(1));
    SmsKey smsKey;
    try (Room room = new Room(jdbc, t.faultStart)) {
      smsKey = room.fault(TPL_FAULT);
      room.modification(TPL_MOD);
      room.cutover(TPL_CUTOVER);
      room.archivedCutover(TPL_CUTOVER_DONE);
    }
    t.faultEvents = jdbc.faults().events(TPL_FAULT);
    t.faultSummary = jdbc.faults().summary(TPL_FAULT).orElseThrow();
    for (ScheduledObligation o : jdbc.obligations().pending(TPL_FAULT)) {
      t.duties.add(o.obligation());
    }
    if (t.duties.isEmpty()) {
      throw new IllegalStateException("the template fault has no pending duty to clone");
    }
    jdbc.obligations().cancelSubject(TPL_FAULT);
    t.faultAudit = stream("fault:" + TPL_FAULT);
    t.sms = jdbc.workflows().find(smsKey.toString()).orElseThrow();
    t.smsHistory = jdbc.workflows().history(smsKey.toString());
    t.smsAudit = stream("sms:" + smsKey);
    t.smsOutbox = jdbc.outbox().find(smsKey.toString()).orElseThrow();
    if (t.smsOutbox.state() != OutboxState.SENT) {
      throw new IllegalStateException("the template SMS was not sent: " + t.smsOutbox.state());
    }
    t.mod = jdbc.workflows().find(TPL_MOD).orElseThrow();
    t.modHistory = jdbc.workflows().history(TPL_MOD);
    t.modAudit = stream("dataop:" + TPL_MOD);
    t.cutover = jdbc.workflows().find(TPL_CUTOVER).orElseThrow();
    t.cutoverHistory = jdbc.workflows().history(TPL_CUTOVER);
    t.cutoverAudit = stream("cutover:" + TPL_CUTOVER);
    t.done = jdbc.workflows().find(TPL_CUTOVER_DONE).orElseThrow();
    if (!t.done.state().equals("ARCHIVED")) {
      throw new IllegalStateException("the template cutover was not archived: " + t.done.state());
    }
    t.doneHistory = jdbc.workflows().history(TPL_CUTOVER_DONE);
    t.doneAudit = stream("cutover:" + TPL_CUTOVER_DONE);
    // the template fault is closed like every fault of the year
    FaultEvent last = t.faultEvents.get(t.faultEvents.size() - 1);
    Instant closedAt = last.at().plus(Duration.ofHours(2));
    FaultEvent closing = FaultEvent.builder().faultId(TPL_FAULT).sequence(last.sequence() + 1)
        .type(FaultEventType.FACTS_CHANGED).at(closedAt).actorId("zhangsan")
        .facts(t.faultEvents.get(0).facts().map(f -> f.toBuilder().repairedAt(closedAt).build())).build();
    FaultSummary s = t.faultSummary;
    FaultSummary closed = FaultSummary.builder().faultId(TPL_FAULT).version(s.version() + 1)
        .currentLevel(s.currentLevel()).peakLevel(s.peakLevel()).open(false).repairedAt(closedAt)
        .subjectName(s.subjectName()).updatedAt(closedAt).build();
    jdbc.faults().append(TPL_FAULT, t.faultSummary.version(), List.of(closing), closed, List.of());
    t.faultEvents = jdbc.faults().events(TPL_FAULT);
    t.faultSummary = closed;
    log.printf(Locale.ROOT, "  templates: fault %d events, %d duties, %d audit; SMS %d transitions, %d audit;"
        + " modification %d transitions, %d audit; cutover %d transitions, %d audit (archived: %d, %d);"
        + " audit streams %s%n",
        t.faultEvents.size(), t.duties.size(), t.faultAudit.size(), t.smsHistory.size(), t.smsAudit.size(),
        t.modHistory.size(), t.modAudit.size(), t.cutoverHistory.size(), t.cutoverAudit.size(),
        t.doneHistory.size(), t.doneAudit.size(),
        jdbc.auditLog().streams());
    return t;
  }

  private List<AuditRecord> stream(String name) {
    return jdbc.auditLog().read(name);
  }

  /** Stores the fault's history and closed summary in one append, its audit sealed with it; returns the events. */
  private long cloneFault(Templates t, String id, Duration shift) {
    List<FaultEvent> events = new ArrayList<>(t.faultEvents.size());
    for (FaultEvent e : t.faultEvents) {
      events.add(FaultEvent.builder().faultId(id).sequence(e.sequence()).type(e.type()).actorId(e.actorId())
          .ruleId(e.ruleId()).dutySequence(e.dutySequence()).note(e.note()).stepData(e.stepData())
          .at(e.at().plus(shift))
          .facts(e.facts().map(f -> f.toBuilder().faultId(id).faultStartTime(f.faultStartTime().map(x -> x.plus(shift)))
              .detectedAt(f.detectedAt().map(x -> x.plus(shift))).repairedAt(f.repairedAt().map(x -> x.plus(shift)))
              .build())).build());
    }
    FaultSummary s = t.faultSummary;
    FaultSummary summary = FaultSummary.builder().faultId(id).version(events.size()).currentLevel(s.currentLevel())
        .peakLevel(s.peakLevel()).open(false).subjectName(s.subjectName())
        .repairedAt(s.repairedAt().map(x -> x.plus(shift))).updatedAt(s.updatedAt().plus(shift)).build();
    List<AuditEntry> audit = new ArrayList<>(t.faultAudit.size());
    for (AuditRecord r : t.faultAudit) {
      audit.add(moved(r.entry(), "fault:" + id, shift, x -> x.replace(TPL_FAULT, id)));
    }
    jdbc.faults().append(id, 0, events, summary, audit);
    return events.size();
  }

  /** The fault's duty timers: the template's rules, each recurring, {@link #DUTIES_PER_FAULT} in all. */
  private List<ScheduledObligation> duties(Templates t, String id, Instant at) {
    List<ScheduledObligation> out = new ArrayList<>(DUTIES_PER_FAULT);
    for (int k = 0; k < DUTIES_PER_FAULT; k++) {
      Obligation o = t.duties.get(k % t.duties.size());
      Instant due = at.plus(Duration.ofMinutes(10L * (k + 1)));
      out.add(ScheduledObligation.of(Obligation.builder().ruleId(o.ruleId()).actor(o.actor()).action(o.action())
          .target(o.target()).channel(o.channel()).recurring(o.recurring() || k >= t.duties.size()).subjectId(id)
          .sequence(k / t.duties.size() + 1).triggeredAt(at).dueAt(due).build()));
    }
    return out;
  }

  /** Schedules the duties, then fires them (claim and complete) or, for one fault in ten, cancels them. */
  private void settleDuties(List<ScheduledObligation> duties, boolean cancelSome) {
    jdbc.obligations().scheduleAll(duties);
    if (cancelSome) {
      jdbc.obligations().cancelSubject(duties.get(0).key().subjectId());
    }
    Instant now = YEAR_END.plus(Duration.ofDays(1));
    while (true) {
      List<ClaimedObligation> claimed = jdbc.obligations().claimDue(now, 5_000, "year-of-history",
          Duration.ofHours(1));
      if (claimed.isEmpty()) {
        return;
      }
      jdbc.obligations().completeAll(claimed, claimed.get(0).scheduled().dueAt());
    }
  }

  /** The fault's k-th SMS: the notification, follow-ups, then the recovery, each sent; returns 1. */
  private long cloneSms(Templates t, String faultId, int k, Duration shift, List<AuditEntry> audit) {
    MessageType type = k == 0 ? MessageType.NOTIFICATION : k == SMS_PER_FAULT - 1 ? MessageType.RECOVERY
        : MessageType.FOLLOW_UP;
    SmsKey key = SmsKey.of(faultId, type, type == MessageType.FOLLOW_UP ? k : 1);
    String tplKey = t.sms.id();
    String from = "\"" + MessageType.NOTIFICATION.name() + "\"";
    String to = "\"" + type.name() + "\"";
    UnaryOperator<String> rename = x -> x.replace(tplKey, key.toString()).replace(TPL_FAULT, faultId)
        .replace(from, to);
    Duration at = shift.plus(Duration.ofHours(3L * k));
    cloneWorkflow(t.sms, t.smsHistory, List.of(), tplKey, key.toString(), at, rename, audit);
    for (AuditRecord r : t.smsAudit) {
      audit.add(moved(r.entry(), "sms:" + key, at, rename));
    }
    OutboxMessage m = t.smsOutbox;
    jdbc.outbox().enqueue(OutboxMessage.builder().key(key.toString()).faultId(faultId).messageType(type.name())
        .channel(m.channel()).text(m.text()).addAllRecipients(m.recipients()).state(OutboxState.SENT)
        .attempts(m.attempts()).createdAt(m.createdAt().plus(at)).nextAttemptAt(m.nextAttemptAt().plus(at))
        .sentAt(m.sentAt().map(x -> x.plus(at))).receipt("gw-" + key).build());
    return 1;
  }

  private long cloneWorkflow(WorkflowInstance tpl, List<TransitionRecord> history, List<AuditRecord> tplAudit,
      String tplId, String id, Duration shift, List<AuditEntry> audit) {
    UnaryOperator<String> rename = x -> x.replace(tplId, id);
    cloneWorkflow(tpl, history, tplAudit, tplId, id, shift, rename, audit);
    return tplAudit.size();
  }

  /** Creates the instance in its first state and replays the template's transitions under the new ID and time. */
  private void cloneWorkflow(WorkflowInstance tpl, List<TransitionRecord> history, List<AuditRecord> tplAudit,
      String tplId, String id, Duration shift, UnaryOperator<String> rename, List<AuditEntry> audit) {
    String data = rename.apply(tpl.dataJson());
    String first = history.isEmpty() ? tpl.state() : history.get(0).fromState();
    jdbc.workflows().create(WorkflowInstance.builder().id(id).machine(tpl.machine()).state(first).version(0)
        .dataJson(data).createdAt(tpl.createdAt().plus(shift)).updatedAt(tpl.createdAt().plus(shift)).build(),
        List.of());
    long version = 0;
    for (TransitionRecord r : history) {
      jdbc.workflows().transition(id, version, TransitionRecord.builder().instanceId(id).sequence(r.sequence())
          .event(r.event()).fromState(r.fromState()).toState(r.toState()).transitionId(r.transitionId())
          .actor(r.actor()).at(r.at().plus(shift)).dataJson(rename.apply(r.dataJson())).build(), data, List.of());
      version++;
    }
    String stream = tplAudit.isEmpty() ? null : tplAudit.get(0).entry().stream().replace(tplId, id);
    for (AuditRecord r : tplAudit) {
      audit.add(moved(r.entry(), stream, shift, rename));
    }
  }

  private static AuditEntry moved(AuditEntry e, String stream, Duration shift, UnaryOperator<String> rename) {
    Map<String, String> details = new LinkedHashMap<>();
    e.details().forEach((k, v) -> details.put(k, rename.apply(v)));
    return AuditEntry.builder().stream(stream).at(e.at().plus(shift)).actorId(e.actorId()).action(e.action())
        .fromState(e.fromState()).toState(e.toState()).addAllRuleIds(e.ruleIds()).putAllDetails(details).build();
  }

  /** Seals and appends the entries in batches of the log's bulk path; returns how many. */
  private long flushAudit(List<AuditEntry> entries) {
    long n = 0;
    for (int from = 0; from < entries.size(); from += 5_000) {
      List<AuditEntry> chunk = entries.subList(from, Math.min(entries.size(), from + 5_000));
      jdbc.auditLog().appendAll(chunk);
      n += chunk.size();
    }
    entries.clear();
    return n;
  }

  /** Counts the rows of the tables the year fills (a plain read, for checking what was written). */
  public static Map<String, Long> rowCounts(DataSource ds) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String table : List.of("ops_fault", "ops_fault_event", "ops_obligation", "ops_obligation_done",
          "ops_workflow", "ops_workflow_transition", "ops_outbox", "ops_audit", "ops_audit_head")) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          out.put(table, rs.getLong(1));
        }
      }
    }
    return out;
  }

  /**
   * Writes the year into a fresh H2 file or embedded PostgreSQL schema. Arguments: {@code --db h2|postgresql},
   * {@code --scale 0.1}, {@code --file path} (H2).
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    double scale = Double.parseDouble(a.getOrDefault("scale", "0.01"));
    String db = a.getOrDefault("db", "h2");
    if (db.equals("h2")) {
      Path file = Path.of(a.getOrDefault("file", "target/year/h2-year"));
      try (YearDatabase d = YearDatabase.h2(file, true)) {
        report(d, scale);
      }
    } else {
      try (BenchPostgres pg = BenchPostgres.start(); YearDatabase d = YearDatabase.postgres(pg, "year")) {
        report(d, scale);
      }
    }
  }

  private static void report(YearDatabase d, double scale) throws SQLException {
    d.loading(true);
    Counts c = write(d.jdbc(), scale, System.out);
    d.loading(false);
    System.out.println("wrote " + c);
    System.out.println("rows " + rowCounts(d.dataSource()));
  }
}
