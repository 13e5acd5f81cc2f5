package org.opsbook.examples.demo;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Level;
import org.opsbook.core.Masking;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.engine.Faults;
import org.opsbook.engine.Messages;
import org.opsbook.engine.Result;
import org.opsbook.engine.Workflows;
import org.opsbook.core.time.MutableClock;
import org.opsbook.examples.host.ConsoleGateway;
import org.opsbook.examples.host.OpsHost;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsMessage;
import org.opsbook.rules.duty.FaultTracker;

/**
 * The operations room of the demo: the people of the scenario acting through the example host at the replay's
 * current time, and the timeline lines that say what each action did. Every line carries the rule IDs the library
 * returned: the classification's matched rules, the duties raised, done, due or ended, the SM-SMS, SM-DATAOP and
 * SM-CUTOVER transitions and every guard that refused one. It also remembers the audit streams it wrote, so the demo
 * can verify them at the end. Not thread-safe.
 */
final class OpsRoom {
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
  private static final RuleId REVIEW_03 = RuleId.of("NOTIFY-REVIEW-03");
  private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final OpsHost host;
  private final Timeline timeline;
  private final MutableClock clock;
  private final Queue<Delivery> deliveries;
  private final Narrative say;
  private final Map<String, BiConsumer<OpsRoom, Obligation>> reactions = new LinkedHashMap<>();
  private final Set<String> faultIds = new LinkedHashSet<>();
  private final Set<String> streams = new TreeSet<>();

  OpsRoom(OpsHost host, Timeline timeline, MutableClock clock, Queue<Delivery> deliveries, Narrative say) {
    this.host = checkNotNull(host, "host");
    this.say = checkNotNull(say, "say");
    this.timeline = checkNotNull(timeline, "timeline");
    this.clock = checkNotNull(clock, "clock");
    this.deliveries = checkNotNull(deliveries, "deliveries");
  }

  OpsHost host() {
    return host;
  }

  private Faults faults() {
    return host.engine().faults();
  }

  private Messages messages() {
    return host.engine().messages();
  }

  Timeline timeline() {
    return timeline;
  }

  /** Returns the narrative's phrase {@code key} with {@code args} filled in. */
  String text(String key, Object... args) {
    return say.text(key, args);
  }

  /** Returns the narrative's language. */
  Narrative say() {
    return say;
  }

  Instant now() {
    return clock.instant();
  }

  ZoneId zone() {
    return timeline.zone();
  }

  /** The audit streams this room wrote to. */
  Set<String> streams() {
    return streams;
  }

  /** Registers what the room does at once when a duty of {@code ruleId} falls due. */
  void onDue(String ruleId, BiConsumer<OpsRoom, Obligation> reaction) {
    reactions.put(ruleId, reaction);
  }

  /** Records that this room wrote to {@code stream}. */
  void wrote(String stream) {
    streams.add(stream);
  }

  // ------------------------------------------------------------------------------------------------ faults

  /** Opens a fault with its first facts (SM-ESC-T01) and prints its classification. */
  void open(String faultId, FaultFacts facts, Who by, String what) {
    faultIds.add(faultId);
    wrote("fault:" + faultId);
    change(faultId, () -> faults().open(faultId, facts, by.id()),
        after -> Head.of(classificationRules(after), say.text("demo.fault.opened", faultId, by, what,
            say.level(after.currentLevel()))));
  }

  /** The host reports a new snapshot of the fault's facts; prints the classification when it changes. */
  void facts(String faultId, FaultFacts facts, Who by, String what) {
    FaultTracker before = faults().load(faultId);
    change(faultId, () -> faults().updateFacts(faultId, facts, by.id()), after -> {
      String level = after.currentLevel() == before.currentLevel()
          ? say.text("demo.fault.still", say.level(after.currentLevel()))
          : say.level(before.currentLevel()) + " → " + say.level(after.currentLevel());
      return Head.of(classificationRules(after), say.text("demo.fault.facts", faultId, what, by.person().name(), level)
          + (after.peakLevel() != after.currentLevel() ? say.text("demo.fault.peak", after.peakLevel()) : ""));
    });
  }

  /** Records an event on the fault (a report, the repair …); the line names the duties it discharged. */
  void event(String faultId, FaultEventType type, Who by, String what, String... rules) {
    change(faultId, () -> faults().record(faultId, type, by.id()),
        after -> Head.of(ids(rules), faultId + " " + by + " " + what));
  }

  /** Records that the duty of {@code ruleId} is done. */
  void complete(String faultId, String ruleId, Who by, String what) {
    change(faultId, () -> faults().complete(faultId, RuleId.of(ruleId), by.id()), after -> Head.of(List.of(), faultId + " " + by + " " + what));
  }

  /**
   * Records that the duty handler told {@code whom} about the fault (NOTIFY-REVIEW-03); briefing the room manager is
   * also the phone report to the room manager (ESC-ROOM-01).
   */
  void told(String faultId, Role whom, Who by, Who listener, String what) {
    faults().told(faultId, whom, listener.id(), by.id());
    wrote("briefing:" + faultId);
    if (whom == Role.ROOM_MANAGER) {
      change(faultId, () -> faults().record(faultId, FaultEventType.REPORTED_TO_ROOM_MANAGER, by.id()),
          after -> Head.of(List.of(REVIEW_03), say.text("demo.briefs", faultId, by, listener, what)));
    } else {
      timeline.line(List.of(REVIEW_03), say.text("demo.tells", faultId, by, listener, what));
    }
  }

  /** A duty's timer fired: the room reacts at once if the scenario says so, otherwise the line says it is due. */
  void fallsDue(Obligation o) {
    if (!faultIds.contains(o.subjectId())) {
      return;
    }
    FaultTracker t = faults().load(o.subjectId());
    boolean stillOwed = false;
    for (Obligation open : t.obligations(now())) {
      stillOwed |= open.key().equals(o.key());
    }
    if (!stillOwed) {
      return;
    }
    BiConsumer<OpsRoom, Obligation> reaction = reactions.get(o.ruleId().value());
    if (reaction != null) {
      reaction.accept(this, o);
      return;
    }
    timeline.line(List.of(o.ruleId()), say.text("demo.dueNow", o.subjectId(), who(o), say.action(o)));
  }

  /** The duty handler makes the progress report that just fell due (ESC-PROG-01/02), folding repeats into one line. */
  void reportProgress(Obligation o, Who by) {
    change(o.subjectId(), () -> faults().record(o.subjectId(), FaultEventType.PROGRESS_REPORTED, by.id()),
        after -> Head.recurring(o.ruleId() + "|" + o.subjectId(), "#" + o.sequence(),
            say.text("demo.progress", o.subjectId(), by, label(o.target()), say.channel(o.channel()), o.sequence()),
            say.text("demo.progress.summary", o.subjectId())));
  }

  // --------------------------------------------------------------------------------------------------- SMS

  /** Plans the SMS that the fault's open NOTIFY-TRIG duty asks for (recipient classes fixed here). */
  SmsKey planSms(String faultId, MessageType type) {
    FaultTracker t = faults().load(faultId);
    Obligation trigger = null;
    for (Obligation o : t.obligations(now())) {
      if (trigger == null && MessageType.askedBy(o).equals(Optional.of(type))) {
        trigger = o;
      }
    }
    if (trigger == null) {
      throw new IllegalStateException("no open duty of " + faultId + " asks for a " + type + " SMS at " + now());
    }
    SmsMessage m = messages().plan(trigger);
    wrote("sms:" + m.key());
    boolean callCenter = m.record().baseRules().contains(RuleId.of("NOTIFY-RCPT-03"));
    timeline.line(lastRules(m.key()), say.text("demo.sms.planned", m.key(), type.chineseName(),
        m.record().templateId(), classes(m.record().baseClasses()))
        + m.record().dueAt().map(d -> say.text("demo.sms.due", when(d))).orElse("")
        + (callCenter ? say.text("demo.sms.callCenter") : ""));
    return m.key();
  }

  /** Drafts the message from its template (SM-SMS-T01). */
  void draft(SmsKey key, Who author, MessageContent content) {
    Result<SmsMessage> step = messages().draft(key, author.id(), content);
    if (!refused(step, say.text("demo.sms.mayNotDraft", key, author))) {
      AuditRecord r = lastRecord(key);
      timeline.line(r.entry().ruleIds(), say.text("demo.sms.drafted", key, author,
          r.entry().details().get("characters"), r.entry().details().get("segments")));
      timeline.detail(Masking.phonesIn(step.value().record().text().orElse("")));
    }
  }

  /** Submits the draft for review (SM-SMS-T02). */
  void submit(SmsKey key, Who author, Who reviewer) {
    Result<SmsMessage> step = messages().submit(key, author.id());
    if (!refused(step, say.text("demo.sms.mayNotSubmit", key, author))) {
      timeline.line(lastRules(key), say.text("demo.sms.submitted", key, author, reviewer));
    }
  }

  /** The reviewer approves exactly the drafted text (SM-SMS-T03, NOTIFY-REVIEW-01/02), or is refused. */
  void approve(SmsKey key, Who reviewer) {
    String text = messages().find(key).orElseThrow().record().text().orElse("");
    Result<SmsMessage> step = messages().approve(key, reviewer.id(), text);
    if (!refused(step, say.text("demo.sms.mayNotApprove", key, reviewer))) {
      timeline.line(lastRules(key), say.text("demo.sms.approved", key, reviewer));
    }
  }

  /** The reviewer sends the draft back with a reason (SM-SMS-T04). */
  void reject(SmsKey key, Who reviewer, String reason) {
    Result<SmsMessage> step = messages().reject(key, reviewer.id(), reason);
    if (!refused(step, say.text("demo.sms.mayNotReject", key, reviewer))) {
      timeline.line(lastRules(key), say.text("demo.sms.rejected", key, reviewer, reason));
    }
  }

  /** The 68284 desk mass-sends the approved text; the console gateway delivers it; the fault records the sending. */
  void release(SmsKey key) {
    Who desk = Who.as(host.desk(), Role.DUTY_68284);
    List<Result<SmsMessage>> released = new ArrayList<>(1);
    change(key.faultId(), () -> {
      Result<SmsMessage> r = messages().release(key, desk.id());
      released.add(r);
      if (r.accepted()) {
        host.engine().runDueWork();
      }
      return faults().load(key.faultId());
    }, after -> {
      Result<SmsMessage> step = released.get(0);
      if (!step.accepted()) {
        return Head.of(step.violatedRules(), say.text("demo.sms.mayNotSend", key, desk,
            say.violations(step.violations())));
      }
      AuditRecord send = lastRecord(key, "massSend");
      Map<String, String> d = send.entry().details();
      Briefing b = step.value().record().briefing().orElse(Briefing.none());
      String briefed = b.roomManagerBriefedAt().isPresent() ? say.text("demo.sms.briefed",
          b.teamLeaderInformedAt().map(this::hm).orElse("-"), b.roomSupervisorInformedAt().map(this::hm).orElse("-"),
          b.roomManagerBriefedAt().map(this::hm).orElse("-")) : "";
      SortedSet<RuleId> rules = new TreeSet<>(send.entry().ruleIds());
      return Head.of(rules, say.text("demo.sms.sent", key, desk, classes(step.value().record().recipientClasses()),
          d.get("recipientCount")) + briefed, this::printDeliveries);
    });
  }

  private void printDeliveries() {
    Delivery d;
    while ((d = deliveries.poll()) != null) {
      String recipients = ConsoleGateway.recipients(d.message());
      int people = d.message().recipients().size();
      timeline.detail(say.text(people == 1 ? "demo.sms.delivered.one" : "demo.sms.delivered", d.gatewayId(), people,
          recipients.substring(recipients.indexOf(": ") + 2)));
    }
  }

  private boolean refused(Result<?> step, String what) {
    if (step.accepted()) {
      return false;
    }
    timeline.line(step.violatedRules(), what + ": " + say.violations(step.violations()));
    return true;
  }

  private AuditRecord lastRecord(SmsKey key) {
    List<AuditRecord> records = host.engine().auditLog().read("sms:" + key);
    return records.get(records.size() - 1);
  }

  private AuditRecord lastRecord(SmsKey key, String action) {
    List<AuditRecord> records = host.engine().auditLog().read("sms:" + key);
    for (int i = records.size() - 1; i >= 0; i--) {
      if (records.get(i).entry().action().equals(action)) {
        return records.get(i);
      }
    }
    throw new IllegalStateException("no " + action + " recorded for " + key);
  }

  private SortedSet<RuleId> lastRules(SmsKey key) {
    return lastRecord(key).entry().ruleIds();
  }

  // ------------------------------------------------------------------------------------- workflows

  /**
   * Fires {@code event} on a stored ticket and prints the outcome: the transition and the rules worth naming when it
   * is accepted (only those the audit entry records), or every failed guard when it is refused.
   *
   * @param highlight rules to name beside the transition when the audit entry records them
   */
  <I, E extends Enum<E>, D> Result<I> fire(Workflows<I, E, D> store, String id, E event, Who who, D data,
      String what, String... highlight) {
    Result<I> o = store.fire(id, event, who.id(), data);
    print(o, id + " " + who + " " + what, highlight);
    return o;
  }

  /**
   * Stores a new ticket (its audit stream opens with the stated facts). Only a refusal is printed: the ticket's
   * first event says the rest.
   */
  <I, E extends Enum<E>, D> Result<I> create(Workflows<I, E, D> store, String stream, I draft, Who who) {
    Result<I> o = store.create(draft, who.id());
    wrote(stream);
    if (!o.accepted()) {
      print(o, say.text("demo.mayNotOpen", stream.substring(stream.indexOf(':') + 1), who));
    }
    return o;
  }

  private void print(Result<?> o, String what, String... highlight) {
    if (!o.accepted()) {
      timeline.line(o.violatedRules(), say.text("demo.refused", what, say.violations(o.violations())));
      return;
    }
    List<Object> rules = new ArrayList<>();
    o.transition().ifPresent(rules::add);
    SortedSet<RuleId> recorded = o.audit().map(a -> a.ruleIds()).orElse(new TreeSet<>());
    for (String h : highlight) {
      if (recorded.contains(RuleId.of(h))) {
        rules.add(h);
      }
    }
    timeline.line(rules, what);
  }

  // ----------------------------------------------------------------------------------------- printing

  /**
   * Runs a change of one fault and prints it: the headline (with the rules of the duties it discharged), the duties
   * that ended undone or no longer apply, and the new duties still ahead. Duties due at once are left to their timers,
   * which print them as they fire.
   */
  private FaultTracker change(String faultId, Supplier<FaultTracker> op, Function<FaultTracker, Head> headline) {
    Instant now = now();
    FaultTracker before = faults().load(faultId);
    List<Obligation> was = before.version() == 0 ? List.of() : before.obligations(now);
    FaultTracker after = op.get();
    List<Obligation> is = after.obligations(now);
    Map<ObligationKey, Obligation> known = new LinkedHashMap<>();
    after.raised().forEach(o -> known.put(o.key(), o));
    was.forEach(o -> known.putIfAbsent(o.key(), o));
    List<Obligation> done = settledSince(before.completions().keySet(), after.completions().keySet(), known);
    List<Obligation> ended = settledSince(before.cancellations().keySet(), after.cancellations().keySet(), known);

    Head head = headline.apply(after);
    SortedSet<Object> rules = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
    rules.addAll(head.rules());
    done.forEach(o -> rules.add(o.ruleId()));
    if (head.recurringKey() != null) {
      timeline.recurring(head.recurringKey(), head.sequence(), rules, head.text(), head.summary());
    } else {
      timeline.line(rules, head.text());
    }
    head.details().run();

    if (!ended.isEmpty()) {
      SortedSet<RuleId> endedRules = new TreeSet<>();
      List<String> names = new ArrayList<>();
      for (Obligation o : ended) {
        endedRules.add(o.ruleId());
        names.add(o.ruleId() + (o.recurring() ? " #" + o.sequence() : ""));
      }
      timeline.line(endedRules, say.text("demo.endsUndone", faultId, String.join(", ", names))
          + (after.repairedAt().isPresent() ? say.text("demo.endsUndone.repaired") : ""));
    }
    Set<ObligationKey> isKeys = keys(is);
    Set<ObligationKey> settled = new HashSet<>(keys(done));
    settled.addAll(keys(ended));
    SortedSet<RuleId> goneRules = new TreeSet<>();
    List<String> gone = new ArrayList<>();
    for (Obligation o : was) {
      if (!isKeys.contains(o.key()) && !settled.contains(o.key())) {
        goneRules.add(o.ruleId());
        gone.add(o.ruleId() + (o.recurring() ? " #" + o.sequence() : ""));
      }
    }
    if (!gone.isEmpty()) {
      boolean repaired = after.repairedAt().isPresent() && before.repairedAt().isEmpty();
      timeline.line(goneRules, say.text("demo.noLongerOwed", faultId, String.join(", ", gone)) + (repaired
          ? say.text("demo.noLongerOwed.repair") : after.peakLevel() != before.peakLevel()
              ? say.text("demo.noLongerOwed.escalated", after.peakLevel()) : ""));
    }
    Set<ObligationKey> wasKeys = keys(was);
    for (Obligation o : is) {
      boolean repeat = o.recurring() && o.sequence() > 1;
      boolean dueNow = o.dueAt().isPresent() && !o.dueAt().get().isAfter(now);
      if (!wasKeys.contains(o.key()) && !repeat && !dueNow) {
        timeline.line(List.of(o.ruleId()), say.text("demo.owes", faultId, duty(o)));
      }
    }
    return after;
  }

  private static List<Obligation> settledSince(Set<ObligationKey> before, Set<ObligationKey> after,
      Map<ObligationKey, Obligation> known) {
    List<Obligation> out = new ArrayList<>();
    for (ObligationKey k : after) {
      if (!before.contains(k) && known.containsKey(k)) {
        out.add(known.get(k));
      }
    }
    return out;
  }

  private static Set<ObligationKey> keys(Collection<Obligation> obligations) {
    Set<ObligationKey> out = new HashSet<>();
    obligations.forEach(o -> out.add(o.key()));
    return out;
  }

  /** Returns {@code 张三 (ESC_DUTY) → 赵六 (ROOM_MANAGER) by PHONE, due 10:05: action}. */
  String duty(Obligation o) {
    return say.text("demo.duty", who(o), o.dueAt().map(d -> say.text("demo.duty.due", when(d)))
        .orElse(say.text("demo.duty.timely")), say.action(o));
  }

  /** Returns {@code 张三 (ESC_DUTY) → 赵六 (ROOM_MANAGER) by PHONE} (with the occurrence of a recurring duty). */
  private String who(Obligation o) {
    return say.text("demo.duty.by", label(o.actor().name()), label(o.target()), say.channel(o.channel()))
        + (o.recurring() ? " #" + o.sequence() : "");
  }

  /** Returns the host's label of a role or unit, recipient classes and bare role codes in the narrative's words. */
  private String label(String roleOrUnit) {
    return roleOrUnit.matches("[A-D](,[A-D])*") ? say.text("demo.classes", roleOrUnit)
        : say.unit(host.people().label(roleOrUnit));
  }

  private static List<Object> classificationRules(FaultTracker t) {
    return t.classification().matchedRules().isEmpty() ? List.of("FAULT-CLASS-DEF-01")
        : new ArrayList<>(t.classification().matchedRules());
  }

  /** Returns {@code HH:mm} for a time today, {@code MM-dd HH:mm} otherwise. */
  String when(Instant t) {
    return (t.atZone(zone()).toLocalDate().equals(now().atZone(zone()).toLocalDate()) ? HM : DAY_HM)
        .format(t.atZone(zone()));
  }

  /** Returns {@code MM-dd HH:mm}. */
  String day(Instant t) {
    return DAY_HM.format(t.atZone(zone()));
  }

  private String hm(Instant t) {
    return HM.format(t.atZone(zone()));
  }

  private static String classes(Collection<?> classes) {
    List<String> c = new ArrayList<>();
    classes.forEach(x -> c.add(x.toString()));
    return String.join(",", c);
  }

  private static List<Object> ids(String... rules) {
    List<Object> out = new ArrayList<>();
    for (String r : rules) {
      out.add(RuleId.of(r));
    }
    return out;
  }

  /** A change's headline: its rules, its text, optional detail lines, and how repeats of it fold. */
  private record Head(Collection<?> rules, String text, Runnable details, String recurringKey, String sequence,
      String summary) {
    static Head of(Collection<?> rules, String text) {
      return new Head(rules, text, () -> { }, null, null, null);
    }

    static Head of(Collection<?> rules, String text, Runnable details) {
      return new Head(rules, text, details, null, null, null);
    }

    static Head recurring(String key, String sequence, String text, String summary) {
      return new Head(List.of(), text, () -> { }, key, sequence, summary);
    }
  }
}
