package org.opsbook.rules.cutover;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.opsbook.rules.internal.Evidence.flag;
import static org.opsbook.rules.internal.Evidence.names;
import static org.opsbook.rules.internal.Inputs.blank;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.core.machine.Decision;
import org.opsbook.core.machine.Outcome;
import org.opsbook.core.machine.StateMachine;
import org.opsbook.core.machine.Workflow;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.internal.Inputs;

/**
 * The engineering-cutover workflow of manual §2.5 (SM-CUTOVER), enforced: {@link #apply} checks the actor's role and
 * every guard of the transition and returns the new cutover with exactly one audit entry (stream
 * {@code cutover:<id>}), or a refusal listing every failed guard's rule ID with the cutover unchanged. Among the
 * guards: the application lead time in working days (CUTOVER-23), report and application contents (CUTOVER-12,
 * CUTOVER-24), the announcement before starting when customers are affected (CUTOVER-07), one first responsible
 * person (CUTOVER-04) and two-person important operations (CUTOVER-18).
 *
 * <pre>{@code
 * CutoverWorkflow wf = new CutoverWorkflow(calendar, OpsParameters.defaults());
 * Outcome<CutoverTicket> o = wf.create(CutoverTicket.draft("CO-12", facts), owner, now);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CutoverWorkflow implements Workflow<CutoverTicket, CutoverEvent, CutoverEventData> {
  private static final Map<CutoverEvent, Set<String>> RECORDS = recordedFields();
  private static final StateMachine<CutoverState, CutoverEvent, CutoverContext> MACHINE = CutoverMachine.MACHINE;

  private final CutoverRules rules;
  private final OpsParameters params;

  /** Creates the workflow over {@code calendar} with the default application contents. */
  public CutoverWorkflow(WorkCalendar calendar, OpsParameters params) {
    this(new CutoverRules(calendar, params), params);
  }

  /** Creates the workflow with {@code rules} (e.g. a longer application list). */
  public CutoverWorkflow(CutoverRules rules, OpsParameters params) {
    this.rules = checkNotNull(rules, "rules");
    this.params = checkNotNull(params, "params");
  }

  /** Returns the lead-time and content rules. */
  public CutoverRules rules() {
    return rules;
  }

  /** Returns the declared transition table. */
  StateMachine<CutoverState, CutoverEvent, CutoverContext> table() {
    return MACHINE;
  }

  /** Returns the transition table as Markdown. */
  public String describe() {
    return MACHINE.describe();
  }

  /** Returns the data fields {@code event} records (the only ones it accepts). */
  public static Set<String> recordedFields(CutoverEvent event) {
    return RECORDS.get(event);
  }

  @Override
  public String machine() {
    return MACHINE.id();
  }

  @Override
  public String idOf(CutoverTicket ticket) {
    return ticket.id();
  }

  @Override
  public String stateOf(CutoverTicket ticket) {
    return ticket.state().name();
  }

  @Override
  public String eventName(CutoverEvent event) {
    return event.eventName();
  }

  /**
   * Creates the cutover (SM-CUTOVER-T01): its owner, from 运营管理室, states the trigger, system, category and start.
   *
   * @throws InvalidInputException naming the fact when one of those four is missing
   */
  @Override
  public Outcome<CutoverTicket> create(CutoverTicket draft, Actor actor, Instant at) {
    return apply(draft, CutoverEvent.CREATE, actor, CutoverEventData.none(), at);
  }

  /**
   * Decides {@code event} fired by {@code actor}, recording {@code data}, at {@code at}.
   *
   * @throws InvalidInputException naming the field when the data holds a field the event does not record or lacks
   *     one it must record; nothing is changed
   */
  @Override
  public Outcome<CutoverTicket> apply(CutoverTicket ticket, CutoverEvent event, Actor actor, CutoverEventData data,
      Instant at) {
    checkNotNull(ticket, "ticket");
    checkNotNull(event, "event");
    checkNotNull(actor, "actor");
    checkNotNull(data, "data");
    checkNotNull(at, "at");
    checkData(ticket, event, data);
    CutoverContext ctx = new CutoverContext(ticket, data, at, rules, params);
    Decision<CutoverState> d = MACHINE.decide(ticket.state(), event, actor, ctx);
    if (!d.isAllowed()) {
      return Outcome.refused(ticket, d.transitionId(), d.violations());
    }
    CutoverEventData kept = data.withReason(data.reason().map(Masking::phonesIn))
        .withRollbackSteps(data.rollbackSteps().map(Masking::phonesIn));
    CutoverTicket after = CutoverTicket.of(ticket.id(), d.to(), ticket.facts(),
        ticket.record().with(event, new RecordedStep(actor.id(), at, kept)));
    AuditEntry.Builder audit = MACHINE.auditOf(d, event, "cutover:" + ticket.id(), event.eventName(), actor, at)
        .putAllDetails(evidence(kept));
    if (ticket.state() != CutoverState.INITIAL) {
      audit.fromState(ticket.state().name());
    }
    if (event == CutoverEvent.CREATE) {
      audit.putAllDetails(statedFacts(ticket.facts()));
    }
    if (event == CutoverEvent.APPLY_VIA_AMS) {
      audit.putDetail("applicationDeadline", rules.applicationDeadline(ticket.facts().plannedStart().orElseThrow())
          .toString());
    }
    return Outcome.accepted(after, d.transitionId(), audit.build());
  }

  private static void checkData(CutoverTicket ticket, CutoverEvent event, CutoverEventData data) {
    Inputs.onlyRecorded(event.eventName(), data.presentFields(), RECORDS.get(event));
    Cutover facts = ticket.facts();
    if (event == CutoverEvent.CREATE) {
      requireFact(facts.plannedStart().isPresent(), "plannedStart", "CUTOVER-23");
      requireFact(facts.system().isPresent(), "system", "CUTOVER-01");
      requireFact(facts.category().isPresent(), "category", "CUTOVER-02");
      requireFact(facts.trigger().isPresent(), "trigger", "CUTOVER-05");
    }
    if (event == CutoverEvent.APPLY_VIA_AMS && blank(data.amsApplicationNo())) {
      throw new InvalidInputException("data.amsApplicationNo", "applyViaAms must record the AMS application number",
          RuleId.of("CUTOVER-05"));
    }
    if (event == CutoverEvent.PROVINCE_DECISION && data.approved().isEmpty()) {
      throw new InvalidInputException("data.approved", "provinceDecision must record whether the province approved",
          RuleId.of("CUTOVER-03"));
    }
    if (event == CutoverEvent.INVOKE_EMERGENCY_PLAN && blank(data.reason())) {
      throw new InvalidInputException("data.reason", "invokeEmergencyPlan must record why",
          RuleId.of("SM-CUTOVER-T13"));
    }
  }

  private static void requireFact(boolean present, String field, String rule) {
    if (!present) {
      throw new InvalidInputException(field, "a cutover is created with its " + field, RuleId.of(rule));
    }
  }

  private static SortedMap<String, String> statedFacts(Cutover c) {
    SortedMap<String, String> m = new TreeMap<>();
    c.system().ifPresent(v -> m.put("system", v.name()));
    c.category().ifPresent(v -> m.put("category", v.name()));
    c.trigger().ifPresent(v -> m.put("trigger", v.name()));
    c.projectScope().ifPresent(v -> m.put("projectScope", v.name()));
    c.plannedStart().ifPresent(v -> m.put("plannedStart", v.toString()));
    m.put("affectsCustomerBusiness", Boolean.toString(c.affectsCustomerBusiness()));
    m.put("needsSocialAnnouncement", Boolean.toString(c.needsSocialAnnouncement()));
    return m;
  }

  /** What the event recorded, for the audit trail. */
  static SortedMap<String, String> evidence(CutoverEventData d) {
    SortedMap<String, String> m = new TreeMap<>();
    names(m, "draftContents", d.draftContents());
    flag(m, "feasible", d.feasible());
    flag(m, "businessTimeAgreed", d.businessTimeAgreed());
    flag(m, "generalAffairsConsulted", d.generalAffairsConsulted());
    names(m, "reportContents", d.reportContents());
    names(m, "applicationContents", d.applicationContents());
    d.amsApplicationNo().ifPresent(v -> m.put("amsApplicationNo", v));
    d.approved().ifPresent(v -> m.put("approved", v.toString()));
    if (!d.countersigners().isEmpty()) {
      m.put("countersigners", new TreeSet<>(d.countersigners()).toString());
    }
    d.countersignMedium().ifPresent(v -> m.put("countersignMedium", v.name()));
    d.announcementRef().ifPresent(v -> m.put("announcementRef", v));
    d.media().ifPresent(v -> m.put("media", v));
    if (!d.recipients().isEmpty()) {
      m.put("recipients", new TreeSet<>(d.recipients()).toString());
    }
    flag(m, "leaderInChargeNotified", d.leaderInChargeNotified());
    names(m, "noticeContents", d.noticeContents());
    names(m, "attendeeRoles", d.attendeeRoles());
    flag(m, "leadQualified", d.leadQualified());
    d.preChecklistRef().ifPresent(v -> m.put("preChecklistRef", v));
    flag(m, "preConditionsMet", d.preConditionsMet());
    flag(m, "allPartiesPresent", d.allPartiesPresent());
    if (!d.importantOperations().isEmpty()) {
      m.put("importantOperations", d.importantOperations().stream()
          .map(o -> o.description() + ":" + o.operatorId().orElse("?") + "/" + o.watcherId().orElse("?"))
          .collect(Collectors.joining(";")));
    }
    d.testResultsRef().ifPresent(v -> m.put("testResultsRef", v));
    d.postChecklistRef().ifPresent(v -> m.put("postChecklistRef", v));
    flag(m, "equipmentNormal", d.equipmentNormal());
    flag(m, "expectedEffectAchieved", d.expectedEffectAchieved());
    d.reason().ifPresent(v -> m.put("reason", Masking.phonesIn(v)));
    d.rollbackSteps().ifPresent(v -> m.put("rollbackSteps", Masking.phonesIn(v)));
    d.csTestResultsRef().ifPresent(v -> m.put("csTestResultsRef", v));
    d.processLogRef().ifPresent(v -> m.put("processLogRef", v));
    d.archiveRef().ifPresent(v -> m.put("archiveRef", v));
    return m;
  }

  private static Map<CutoverEvent, Set<String>> recordedFields() {
    Map<CutoverEvent, Set<String>> m = new EnumMap<>(CutoverEvent.class);
    for (CutoverEvent e : CutoverEvent.values()) {
      m.put(e, Set.of());
    }
    m.put(CutoverEvent.OWNER_REVIEW, ImmutableSet.of("draftContents", "feasible", "businessTimeAgreed",
        "generalAffairsConsulted"));
    m.put(CutoverEvent.APPROVE_REPORT, Set.of("reportContents"));
    m.put(CutoverEvent.APPLY_VIA_AMS, ImmutableSet.of("applicationContents", "amsApplicationNo"));
    m.put(CutoverEvent.PROVINCE_DECISION, Set.of("approved"));
    m.put(CutoverEvent.COUNTERSIGN, ImmutableSet.of("countersigners", "countersignMedium"));
    m.put(CutoverEvent.PUBLISH_ANNOUNCEMENT, ImmutableSet.of("announcementRef", "media"));
    m.put(CutoverEvent.NOTIFY_STAKEHOLDERS, ImmutableSet.of("recipients", "leaderInChargeNotified", "noticeContents"));
    m.put(CutoverEvent.PRE_MEETING, Set.of("attendeeRoles"));
    m.put(CutoverEvent.ARRIVE, Set.of("leadQualified"));
    m.put(CutoverEvent.PRE_CHECK, ImmutableSet.of("preChecklistRef", "preConditionsMet"));
    m.put(CutoverEvent.ORDER_START, Set.of("allPartiesPresent"));
    m.put(CutoverEvent.COMPLETE_AND_POST_CHECK, ImmutableSet.of("importantOperations", "testResultsRef",
        "postChecklistRef", "equipmentNormal", "expectedEffectAchieved"));
    m.put(CutoverEvent.INVOKE_EMERGENCY_PLAN, ImmutableSet.of("reason", "rollbackSteps"));
    m.put(CutoverEvent.ARCHIVE, ImmutableSet.of("csTestResultsRef", "processLogRef", "archiveRef"));
    return Map.copyOf(m);
  }
}
