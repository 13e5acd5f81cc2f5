package org.opsbook.rules.dataop;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.opsbook.rules.internal.Evidence.flag;
import static org.opsbook.rules.internal.Evidence.names;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
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
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.Inputs;

/**
 * The data-modification (SM-DATAOP-MOD) and data-extraction (SM-DATAOP-EXT) workflows of manual §2.4, enforced.
 * {@link #apply} decides one event on one ticket: it checks that the actor holds a role the transition allows and
 * every guard (each named by its rule: separation of duties DATAOP-MOD-12/-14 and DATAOP-EXT-05, approval forms
 * DATAOP-SENS-01/-04, the peak-hour ban DATAOP-EXT-04, the SOX order DATAOP-MOD-18 …) and returns either the new
 * ticket with exactly one audit entry (stream {@code dataop:<id>}), or a refusal listing every failed guard with
 * the ticket unchanged.
 *
 * <p>Batch classification (DATAOP-DEF-02) is recomputed on the actual record count at execution; when that turns a
 * single change into a batch, the batch-only guards (DATAOP-SENS-04 at execution, DATAOP-MOD-14 at review) apply.
 *
 * <pre>{@code
 * DataOpWorkflow mod = DataOpWorkflow.modification(OpsParameters.defaults());
 * Outcome<DataOpTicket> o = mod.apply(ticket, DataOpEvent.PASS_REVIEW, reviewer, review, now);
 * if (!o.isAccepted()) {
 *   o.violatedRules();   // e.g. [DATAOP-MOD-14]
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DataOpWorkflow implements Workflow<DataOpTicket, DataOpEvent, DataOpEventData> {
  private static final Map<DataOpEvent, Set<String>> MOD_RECORDS = recordedFields(OpType.MODIFICATION);
  private static final Map<DataOpEvent, Set<String>> EXT_RECORDS = recordedFields(OpType.EXTRACTION);
  private static final Map<DataOpEvent, Set<String>> REQUIRED = Map.of(
      DataOpEvent.ASSIGN_TO_DEVELOPER, ImmutableSet.of("developerId", "executorKind"),
      DataOpEvent.EXECUTE, ImmutableSet.of("actualRecordCount"),
      DataOpEvent.RUN, ImmutableSet.of("actualRowCount", "actualExecutionMinutes"));
  private static final Map<String, String> REQUIRED_BY_RULE = Map.of(
      "developerId", "SM-DATAOP-MOD-T05", "executorKind", "DATAOP-SENS-03", "actualRecordCount", "DATAOP-DEF-02",
      "actualRowCount", "DATAOP-EXT-04", "actualExecutionMinutes", "DATAOP-EXT-04");

  private final OpType opType;
  private final StateMachine<DataOpState, DataOpEvent, DataOpContext> machine;
  private final OpsParameters params;
  private final ExtractionWindow window;
  private final Set<DataOpEvent> events;

  private DataOpWorkflow(OpType opType, OpsParameters params, WorkCalendar calendar) {
    this.opType = opType;
    this.machine = opType == OpType.MODIFICATION ? DataOpMachines.MODIFICATION : DataOpMachines.EXTRACTION;
    this.params = checkNotNull(params, "params");
    this.window = new ExtractionWindow(checkNotNull(calendar, "calendar"), params);
    Set<DataOpEvent> declared = EnumSet.noneOf(DataOpEvent.class);
    machine.transitions().forEach(t -> declared.add(t.event()));
    this.events = Collections.unmodifiableSet(declared);
  }

  /** Returns the modification workflow (SM-DATAOP-MOD) under {@code params}. */
  public static DataOpWorkflow modification(OpsParameters params) {
    return new DataOpWorkflow(OpType.MODIFICATION, params, StandardWorkCalendar.weekdays());
  }

  /**
   * Returns the extraction workflow (SM-DATAOP-EXT) under {@code params}, with peak hours on {@code calendar}'s
   * working days (DATAOP-EXT-04).
   */
  public static DataOpWorkflow extraction(OpsParameters params, WorkCalendar calendar) {
    return new DataOpWorkflow(OpType.EXTRACTION, params, calendar);
  }

  /**
   * Returns the workflow for operations of {@code type}.
   *
   * @throws InvalidInputException for {@link OpType#QUERY_ONLY}, which has no workflow (DATAOP-DEF-04)
   */
  public static DataOpWorkflow of(OpType type, OpsParameters params, WorkCalendar calendar) {
    if (type == OpType.QUERY_ONLY) {
      throw new InvalidInputException("opType", "a query that exports nothing is outside the data-operation "
          + "workflows", RuleId.of("DATAOP-DEF-04"));
    }
    return new DataOpWorkflow(type, params, calendar);
  }

  /**
   * Returns true when this workflow's rules apply to {@code op} (DATAOP-DEF-05). Quote:
   * 「以上数据修改操作工作原则适用于BOSS、IBOSS、CALLCENTER以及渠道系统」: the modification rules apply to those four systems,
   * and to an {@link TargetSystem#OTHER} system only when {@link OpsParameters#dataOpApplyToOtherSystems()} is on
   * (the default). A modification that names no system yet is governed: its submission is refused until it does.
   * The manual does not limit the extraction rules to systems, so they apply to every one.
   */
  public boolean governs(DataOp op) {
    return opType != OpType.MODIFICATION || op.targetSystem().map(t -> t != TargetSystem.OTHER).orElse(true)
        || params.dataOpApplyToOtherSystems();
  }

  /** Returns the declared transition table. */
  StateMachine<DataOpState, DataOpEvent, DataOpContext> table() {
    return machine;
  }

  /** Returns the transition table as Markdown: ID, from → to, event, roles, guards' rule IDs, what it records. */
  public String describe() {
    return machine.describe();
  }

  /** Returns the events of this machine, in declaration order. */
  public Set<DataOpEvent> events() {
    return events;
  }

  /** Returns the data fields {@code event} records (the only ones it accepts), as the decision API spells them. */
  public Set<String> recordedFields(DataOpEvent event) {
    return (opType == OpType.MODIFICATION ? MOD_RECORDS : EXT_RECORDS).get(event);
  }

  @Override
  public String machine() {
    return machine.id();
  }

  @Override
  public String idOf(DataOpTicket ticket) {
    return ticket.id();
  }

  @Override
  public String stateOf(DataOpTicket ticket) {
    return ticket.state().name();
  }

  @Override
  public String eventName(DataOpEvent event) {
    return event.eventName();
  }

  /**
   * Starts a ticket from a draft; the audit entry {@code create} opens its stream.
   *
   * @throws InvalidInputException when the draft is not in DRAFT, is of the other operation type, or is outside
   *     the rules of this host (DATAOP-DEF-05, see {@link #governs})
   */
  @Override
  public Outcome<DataOpTicket> create(DataOpTicket draft, Actor actor, Instant at) {
    checkOperation(draft);
    if (draft.state() != DataOpState.DRAFT) {
      throw new InvalidInputException("state", "a new ticket starts in DRAFT, not " + draft.state());
    }
    AuditEntry audit = AuditEntry.builder().stream(stream(draft)).at(at).actorId(actor.id()).action("create")
        .toState(draft.state().name()).putAllDetails(statedFacts(draft)).build();
    return Outcome.accepted(draft, null, audit);
  }

  /**
   * Decides {@code event} fired by {@code actor}, recording {@code data}, at {@code at}.
   *
   * @return the new ticket and its audit entry, or a refusal listing every failed guard (the ticket unchanged)
   * @throws InvalidInputException naming the field when the event is not one of this machine's, the data holds a
   *     field the event does not record, or lacks one it must record, or naming {@code targetSystem} when the
   *     ticket is outside the rules of this host (DATAOP-DEF-05, see {@link #governs})
   */
  @Override
  public Outcome<DataOpTicket> apply(DataOpTicket ticket, DataOpEvent event, Actor actor, DataOpEventData data,
      Instant at) {
    checkNotNull(ticket, "ticket");
    checkNotNull(event, "event");
    checkNotNull(actor, "actor");
    checkNotNull(data, "data");
    checkNotNull(at, "at");
    checkOperation(ticket);
    checkData(event, data);
    DataOpContext ctx = new DataOpContext(ticket, data, at, params, window);
    Decision<DataOpState> d = machine.decide(ticket.state(), event, actor, ctx);
    if (!d.isAllowed()) {
      return Outcome.refused(ticket, d.transitionId(), d.violations());
    }
    DataOpTicket after = DataOpTicket.of(ticket.id(), d.to(), ticket.op(),
        DataOpRecorder.record(ticket, event, actor, data, at));
    AuditEntry.Builder audit = machine.auditOf(d, event, stream(ticket), event.eventName(), actor, at)
        .fromState(ticket.state().name()).putAllDetails(evidence(data));
    if (event == DataOpEvent.SUBMIT) {
      audit.putAllDetails(statedFacts(ticket));
    }
    if (opType == OpType.MODIFICATION && (event == DataOpEvent.SUBMIT || event == DataOpEvent.EXECUTE)) {
      Batch batch = after.batch(params);
      audit.addAllRuleIds(batch.reasons()).putDetail("batch", Boolean.toString(batch.isBatch()));
      if (batch.isBatch()) {
        audit.putDetail("batchCriteria", batch.criteriaInOrder().stream().map(Enum::name)
            .collect(Collectors.joining(",")));
      }
    }
    return Outcome.accepted(after, d.transitionId(), audit.build());
  }

  private void checkOperation(DataOpTicket ticket) {
    if (ticket.op().opType() != opType) {
      throw new InvalidInputException("opType", machine.id() + " handles " + opType + ", not "
          + ticket.op().opType());
    }
    if (!governs(ticket.op())) {
      throw new InvalidInputException("targetSystem", "the modification rules apply to BOSS, IBOSS, CALLCENTER and "
          + "channel systems; this host does not apply them to OTHER systems (dataOpApplyToOtherSystems)",
          RuleId.of("DATAOP-DEF-05"));
    }
  }

  private void checkData(DataOpEvent event, DataOpEventData data) {
    if (!events.contains(event)) {
      throw new InvalidInputException("event", event.eventName() + " is not an event of " + machine.id()
          + "; events: " + events().stream().map(DataOpEvent::eventName).toList());
    }
    Set<String> present = data.presentFields();
    Inputs.onlyRecorded(event.eventName(), present, recordedFields(event));
    for (String f : REQUIRED.getOrDefault(event, Set.of())) {
      if (!present.contains(f)) {
        throw new InvalidInputException("data." + f, event.eventName() + " must record " + f,
            RuleId.of(REQUIRED_BY_RULE.get(f)));
      }
    }
    if (event == DataOpEvent.ASSIGN_TO_DEVELOPER && data.executorKind().filter(k -> !k.isDeveloper()).isPresent()) {
      throw new InvalidInputException("data.executorKind", "execution is assigned to a developer: "
          + "DEVELOPER_ONSITE or DEVELOPER_REMOTE, not " + data.executorKind().get());
    }
  }

  private static String stream(DataOpTicket ticket) {
    return "dataop:" + ticket.id();
  }

  /** The facts stated at submission, as the audit trail keeps them. */
  private SortedMap<String, String> statedFacts(DataOpTicket ticket) {
    DataOp op = ticket.op();
    SortedMap<String, String> m = new TreeMap<>();
    m.put("opType", op.opType().name());
    op.ticketNo().ifPresent(v -> m.put("ticketNo", v));
    op.ticketKind().ifPresent(v -> m.put("ticketKind", v.name()));
    op.targetSystem().ifPresent(v -> m.put("targetSystem", v.name()));
    if (op.opType() == OpType.MODIFICATION) {
      m.put("recordCount", Integer.toString(op.recordCount()));
      m.put("important", Boolean.toString(op.important()));
    } else {
      m.put("estimatedRowCount", Integer.toString(op.estimatedRowCount()));
      m.put("estimatedExecutionMinutes", Double.toString(op.estimatedExecutionMinutes()));
    }
    m.put("involvesLevel1Sensitive", Boolean.toString(op.involvesLevel1Sensitive()));
    m.put("routineOperation", Boolean.toString(op.routineOperation()));
    return m;
  }

  /** What the event recorded, for the audit trail; free text has phone numbers masked. */
  static SortedMap<String, String> evidence(DataOpEventData d) {
    SortedMap<String, String> m = new TreeMap<>();
    d.scriptRef().ifPresent(v -> m.put("scriptRef", v));
    d.backupRef().ifPresent(v -> m.put("backupRef", v));
    d.backupTakenAt().ifPresent(v -> m.put("backupTakenAt", v.toString()));
    names(m, "attachments", d.attachments());
    flag(m, "inlineOriginalDataAndScript", d.inlineOriginalDataAndScript());
    d.sensitiveAccessFormApprovedBy().ifPresent(v -> m.put("sensitiveAccessFormApprovedBy", v.id()));
    d.sensitiveAccessFormApprovedAt().ifPresent(v -> m.put("sensitiveAccessFormApprovedAt", v.toString()));
    d.batchSensitiveFormApprovedBy().ifPresent(v -> m.put("batchSensitiveFormApprovedBy", v.id()));
    d.batchSensitiveFormApprovedAt().ifPresent(v -> m.put("batchSensitiveFormApprovedAt", v.toString()));
    d.developerId().ifPresent(v -> m.put("developerId", v));
    d.executorKind().ifPresent(v -> m.put("executorKind", v.name()));
    d.cityMonitorId().ifPresent(v -> m.put("cityMonitorId", v));
    flag(m, "cityMonitorPresentThroughout", d.cityMonitorPresentThroughout());
    d.impactReply().ifPresent(v -> m.put("impactReply", Masking.phonesIn(v)));
    d.actualRecordCount().ifPresent(v -> m.put("actualRecordCount", Integer.toString(v)));
    d.actualRowCount().ifPresent(v -> m.put("actualRowCount", Integer.toString(v)));
    d.actualExecutionMinutes().ifPresent(v -> m.put("actualExecutionMinutes", Double.toString(v)));
    d.startedAt().ifPresent(v -> m.put("startedAt", v.toString()));
    flag(m, "scriptVerified", d.scriptVerified());
    flag(m, "resultVerified", d.resultVerified());
    flag(m, "logicVerified", d.logicVerified());
    flag(m, "countVerified", d.countVerified());
    if (!d.sampledNumbers().isEmpty()) {
      m.put("sampledNumbers", d.sampledNumbers().stream()
          .map(s -> s.maskedNumber() + (s.meetsCriteria() ? "" : "(fails)")).collect(Collectors.joining(",")));
    }
    d.findings().ifPresent(v -> m.put("findings", Masking.phonesIn(v)));
    d.channel().ifPresent(v -> m.put("channel", v.name()));
    d.deliveredTo().ifPresent(v -> m.put("deliveredTo", v));
    d.estimatedEffort().ifPresent(v -> m.put("estimatedEffort", Masking.phonesIn(v)));
    d.estimatedRowCount().ifPresent(v -> m.put("estimatedRowCount", Integer.toString(v)));
    d.estimatedExecutionMinutes().ifPresent(v -> m.put("estimatedExecutionMinutes", Double.toString(v)));
    d.reason().ifPresent(v -> m.put("reason", Masking.phonesIn(v)));
    return m;
  }

  private static Map<DataOpEvent, Set<String>> recordedFields(OpType type) {
    Set<String> script = ImmutableSet.of("scriptRef", "backupRef", "backupTakenAt", "attachments",
        "inlineOriginalDataAndScript");
    Set<String> extractionScript = ImmutableSet.of("scriptRef", "estimatedRowCount", "estimatedExecutionMinutes");
    Map<DataOpEvent, Set<String>> m = new EnumMap<>(DataOpEvent.class);
    for (DataOpEvent e : DataOpEvent.values()) {
      m.put(e, Set.of());
    }
    m.put(DataOpEvent.ASSESS, Set.of("estimatedEffort"));
    m.put(DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, script);
    m.put(DataOpEvent.RESUBMIT_SCRIPT, script);
    m.put(DataOpEvent.ATTACH_SCRIPT, extractionScript);
    m.put(DataOpEvent.RESUBMIT, extractionScript);
    m.put(DataOpEvent.APPROVE_TECHNICAL, ImmutableSet.of("sensitiveAccessFormApprovedBy",
        "sensitiveAccessFormApprovedAt", "batchSensitiveFormApprovedBy", "batchSensitiveFormApprovedAt"));
    m.put(DataOpEvent.APPROVE_SCRIPT, ImmutableSet.of("sensitiveAccessFormApprovedBy",
        "sensitiveAccessFormApprovedAt"));
    m.put(DataOpEvent.ASSIGN_TO_DEVELOPER, ImmutableSet.of("developerId", "executorKind", "cityMonitorId",
        "cityMonitorPresentThroughout"));
    m.put(DataOpEvent.REPLY_IMPACT, Set.of("impactReply"));
    m.put(DataOpEvent.EXECUTE, ImmutableSet.of("actualRecordCount", "batchSensitiveFormApprovedBy",
        "batchSensitiveFormApprovedAt"));
    m.put(DataOpEvent.RUN, ImmutableSet.of("actualRowCount", "actualExecutionMinutes", "startedAt",
        "cityMonitorId", "cityMonitorPresentThroughout"));
    m.put(DataOpEvent.PASS_REVIEW, type == OpType.MODIFICATION
        ? ImmutableSet.of("scriptVerified", "resultVerified", "sampledNumbers")
        : ImmutableSet.of("logicVerified", "countVerified", "sampledNumbers"));
    m.put(DataOpEvent.FAIL_REVIEW, Set.of("findings"));
    m.put(DataOpEvent.DELIVER, Set.of("deliveredTo"));
    m.put(DataOpEvent.NOTIFY_REQUESTER, Set.of("channel"));
    m.put(DataOpEvent.CANCEL, Set.of("reason"));
    return Map.copyOf(m);
  }

  /** Returns the rules whose guards {@code event} checks in {@code state}, sorted; empty when it has no transition. */
  public SortedSet<RuleId> guardRules(DataOpState state, DataOpEvent event) {
    return machine.guardRules(state, event);
  }
}
