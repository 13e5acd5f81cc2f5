package org.opsbook.rules.internal.dataop;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.opsbook.rules.internal.Evidence.flag;
import static org.opsbook.rules.internal.Evidence.names;

import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.EnumSet;
import org.opsbook.core.ActorKind;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Kernel;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.catalog.RuleCatalog;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.ExtractionWindow;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.DataOpRecord;

/**
 * The data-modification (SM-DATAOP-MOD) and data-extraction (SM-DATAOP-EXT) workflows of manual §2.4, enforced.
 * The family runs on the workflow kernel: {@link #apply} decides one event on one ticket: it checks that the actor holds a role the transition allows and
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
public final class DataOpWorkflow
    extends Kernel<DataOpTicket, DataOpState, DataOpEvent, DataOpEventData, DataOpContext> {
  private final OpType opType;
  private final OpsParameters params;

  private DataOpWorkflow(OpType opType, OpsParameters params, WorkCalendar calendar) {
    super(family(opType, checkNotNull(params, "params"), new ExtractionWindow(checkNotNull(calendar, "calendar"),
        params)));
    this.opType = opType;
    this.params = params;
  }

  /** The family SM-DATAOP-MOD or SM-DATAOP-EXT on the kernel. */
  private static Spec<DataOpTicket, DataOpState, DataOpEvent, DataOpEventData, DataOpContext> family(OpType opType,
      OpsParameters params, ExtractionWindow window) {
    return Kernel.<DataOpTicket, DataOpState, DataOpEvent, DataOpEventData, DataOpContext>spec(
            opType == OpType.MODIFICATION ? DataOpMachines.MODIFICATION : DataOpMachines.EXTRACTION)
        .id(DataOpTicket::id, "instanceId")
        .state(DataOpTicket::state)
        .eventName(DataOpEvent::eventName)
        .stream(t -> "dataop:" + t.id())
        .fields(DataOpEventData::presentFields)
        .context((t, d, at) -> new DataOpContext(t, d, at, params, window))
        .check((t, event, d) -> checkInput(opType, params, t, event, d))
        .createdIn(DataOpState.DRAFT, "create")
        .effect((t, to, event, actor, d, at) -> DataOpTicket.of(t.id(), to, t.op(),
            DataOpRecorder.record(t, event, actor, d, at, window)))
        .evidence((before, after, event, d, audit) -> evidence(opType, params, window, before, after, event, d,
            audit))
        .times(t -> latest(t.record()), t -> t.record().submittedAt())
        .statedTimes(DataOpWorkflow::statedTimes);
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
    return governs(opType, params, op);
  }

  private static boolean governs(OpType opType, OpsParameters params, DataOp op) {
    return opType != OpType.MODIFICATION || op.targetSystem().map(t -> t != TargetSystem.OTHER).orElse(true)
        || params.dataOpApplyToOtherSystems();
  }

  /**
   * Returns the rules {@code after} recorded as broken that {@code before} had not: what an accepted event reported
   * breaking (a run into the peak hours, DATAOP-EXT-04). Empty for an event that broke nothing.
   */
  public static List<RuleId> newlyRecordedViolations(DataOpTicket before, DataOpTicket after) {
    List<RuleId> all = after.record().recordedViolations();
    return List.copyOf(all.subList(Math.min(before.record().recordedViolations().size(), all.size()), all.size()));
  }

  /** Returns the events of this machine, in declaration order. */
  public Set<DataOpEvent> events() {
    return table().events();
  }

  /**
   * Checks that the ticket is of this machine's operation type and governed here (DATAOP-DEF-05), and that an
   * assignment names a developer as executor.
   */
  private static void checkInput(OpType opType, OpsParameters params, DataOpTicket ticket, DataOpEvent event,
      DataOpEventData data) {
    String machine = opType == OpType.MODIFICATION ? "SM-DATAOP-MOD" : "SM-DATAOP-EXT";
    if (ticket.op().opType() != opType) {
      throw new InvalidInputException("opType", machine + " handles " + opType + ", not " + ticket.op().opType());
    }
    if (!governs(opType, params, ticket.op())) {
      throw new InvalidInputException("targetSystem", "the modification rules apply to BOSS, IBOSS, CALLCENTER and "
          + "channel systems; this host does not apply them to OTHER systems (dataOpApplyToOtherSystems)",
          RuleId.of("DATAOP-DEF-05"));
    }
    if (event == DataOpEvent.ASSIGN_TO_DEVELOPER && data.executorKind().filter(k -> !k.isDeveloper()).isPresent()) {
      throw new InvalidInputException("data.executorKind", "execution is assigned to a developer: "
          + "DEVELOPER_ONSITE or DEVELOPER_REMOTE, not " + data.executorKind().get());
    }
  }

  /** The evidence: the facts stated at creation and submission, what the event recorded, and the batch verdict. */
  private static void evidence(OpType opType, OpsParameters params, ExtractionWindow window, DataOpTicket before,
      DataOpTicket after, DataOpEvent event, DataOpEventData data, AuditEntry.Builder audit) {
    if (event == null || event == DataOpEvent.SUBMIT) {
      audit.putAllDetails(statedFacts(before));
    }
    if (event == DataOpEvent.SUBMIT) {
      audit.addAllRuleIds(definitions(params, after));
    }
    if (event == null) {
      return;
    }
    audit.putAllDetails(evidence(data));
    if (event == DataOpEvent.RUN) {
      DataOpMachines.peakHourBreach(before, data, after.record().executedAt().orElseThrow(), window).ifPresent(why -> audit.addRuleIds(ExtractionWindow.EXT_04)
              .putDetail("recordedViolation", ExtractionWindow.EXT_04 + ": " + why));
    }
    if (event == DataOpEvent.PASS_REVIEW && !before.record().recordedViolations().isEmpty()) {
      // the review sees what the operation broke on its way (DATAOP-EXT-04 for a run into peak hours)
      audit.addAllRuleIds(before.record().recordedViolations()).putDetail("recordedViolations",
          before.record().recordedViolations().stream().map(RuleId::toString).collect(Collectors.joining(",")));
    }
    if (opType == OpType.MODIFICATION && (event == DataOpEvent.SUBMIT || event == DataOpEvent.EXECUTE)) {
      Batch batch = Batch.of(after, params);
      audit.addAllRuleIds(batch.reasons()).putDetail("batch", Boolean.toString(batch.isBatch()));
      if (batch.isBatch()) {
        audit.putDetail("batchCriteria", batch.criteriaInOrder().stream().map(Enum::name)
            .collect(Collectors.joining(",")));
      }
    }
  }

  /**
   * The definitions the submission was judged by, named in its audit entry: a modification is a back-end change
   * (DATAOP-DEF-01) raised by its submitter on the ticket, who is from then on its 数据工单发起人 (DATAOP-MOD-02;
   * DATAOP-MOD-10 consent and DATAOP-MOD-12 验收 are judged against them); a non-batch change of one number is a
   * single-number change (DATAOP-DEF-03, whose evidence DATAOP-MOD-09 places); level-1 sensitive data as
   * DATAOP-SENS-02 lists it.
   */
  private static List<RuleId> definitions(OpsParameters params, DataOpTicket t) {
    List<RuleId> ids = new java.util.ArrayList<>();
    if (t.op().opType() == OpType.MODIFICATION) {
      ids.add(RuleId.of("DATAOP-DEF-01"));
      ids.add(RuleId.of("DATAOP-MOD-02"));
      if (t.op().singleNumber() && !Batch.of(t, params).isBatch()) {
        ids.add(RuleId.of("DATAOP-DEF-03"));
      }
    }
    if (t.op().involvesLevel1Sensitive()) {
      ids.add(RuleId.of("DATAOP-SENS-02"));
    }
    return ids;
  }

  /**
   * Returns the duties the ticket owes in its current state, each a timely duty (the manual sets no deadline):
   * <ul>
   *   <li>a reviewed modification: the reviewer tells the requester (需求方) to confirm the result for the business
   *       (DATAOP-MOD-05 「确认结果无误后通知需求方对结果进行业务审核和确认」); then the requester confirms it;</li>
   *   <li>a submitted extraction: the processor verifies the requirement and tells the requester the time it needs
   *       (DATAOP-EXT-08);</li>
   *   <li>a delivered extraction: the processor or reviewer tells the requester, by SMS, email or phone, to review
   *       the result for the business (DATAOP-EXT-11, DATAOP-EXT-07); then 数据分析室 confirms it.</li>
   * </ul>
   */
  public List<Obligation> duties(DataOpTicket ticket) {
    DataOpRecord r = ticket.record();
    String id = ticket.id();
    return switch (ticket.state()) {
      case REVIEWED -> opType == OpType.MODIFICATION
          ? List.of(duty(id, "DATAOP-MOD-05", Role.DATA_REVIEWER, "通知需求方对结果进行业务审核和确认",
              Role.REQUESTER.name(), r.reviewedAt()))
          : List.of();
      case AWAITING_BUSINESS_CONFIRMATION -> List.of(duty(id, "DATAOP-MOD-05", Role.REQUESTER,
          "对结果进行业务审核和确认", Role.DATA_REVIEWER.name(), r.requesterNotifiedAt()));
      case SUBMITTED -> opType == OpType.EXTRACTION
          ? List.of(duty(id, "DATAOP-EXT-08", Role.DATA_PROCESSOR_CITY, "核实需求并评估需求所需时间通知需求方",
              DataOpMachines.ANALYSIS_ROOM, r.submittedAt()))
          : List.of();
      case DELIVERED -> List.of(duty(id, "DATAOP-EXT-11", Role.DATA_PROCESSOR_CITY,
          "以短信、邮件或电话等方式告知需求人,请需求方对处理结果进行业务审核", DataOpMachines.ANALYSIS_ROOM,
          r.deliveredAt()));
      case AWAITING_BUSINESS_REVIEW -> List.of(duty(id, "DATAOP-EXT-11", Role.REQUESTER, "对处理结果进行业务审核和确认",
          Role.DATA_PROCESSOR_CITY.name(), r.requesterNotifiedAt()));
      default -> List.of();
    };
  }

  private static Obligation duty(String subject, String rule, Role actor, String action, String target,
      Optional<Instant> triggeredAt) {
    return Obligation.builder().ruleId(RuleId.of(rule)).subjectId(subject).actor(actor).action(action)
        .target(target).channel(Channel.PHONE).triggeredAt(triggeredAt).build();
  }

  /**
   * Returns why the ticket is a batch as it stands, or none: for a modification DATAOP-DEF-02 on its effective record
   * count ({@link Batch}); for an extraction DATAOP-EXT-04 when it is large, on its actual row count once run, else
   * the estimate in force.
   */
  public SortedSet<RuleId> batchReasons(DataOpTicket ticket) {
    if (opType == OpType.MODIFICATION) {
      return Batch.of(ticket, params).reasons();
    }
    boolean large = ticket.record().actualRowCount().orElse(ticket.estimatedRowCount()) > params.extractionLargeRows();
    return large ? ImmutableSortedSet.of(ExtractionWindow.EXT_04) : ImmutableSortedSet.of();
  }

  /**
   * Returns the advisory rules that apply to the ticket now, each with the manual's words (the registry's quote):
   * <ul>
   *   <li>DATAOP-MOD-07 「尽量采用少量、多次的方法进行数据删除或更改操作」 while a modification that deletes or
   *       changes at least {@link OpsParameters#batchRecordCount()} records is not yet executed (an insert-only
   *       script neither deletes nor changes);</li>
   *   <li>DATAOP-MOD-17 「如开发商数据修改出错的影响面超过一定范围,深圳分公司可考虑在当月对开发商的考核中酌情扣分」
   *       once a modification a developer executed has failed its review.</li>
   * </ul>
   */
  public SortedMap<RuleId, String> advice(DataOpTicket ticket) {
    SortedMap<RuleId, String> out = new TreeMap<>();
    if (opType != OpType.MODIFICATION) {
      return out;
    }
    DataOpRecord r = ticket.record();
    if (r.executedAt().isEmpty() && !ticket.op().insertOnly()
        && ticket.effectiveRecordCount() >= params.batchRecordCount()
        && !EnumSet.of(DataOpState.CANCELLED, DataOpState.CLOSED).contains(ticket.state())) {
      put(out, "DATAOP-MOD-07");
    }
    if (r.reworkCount() > 0 && r.executorKind().filter(ActorKind::isDeveloper).isPresent()) {
      put(out, "DATAOP-MOD-17");
    }
    return out;
  }

  private static void put(SortedMap<RuleId, String> out, String rule) {
    RuleId id = RuleId.of(rule);
    out.put(id, String.join(" ", RuleCatalog.standard().get(id).manualWords()));
  }

  /** The latest time the ticket's record keeps of a step. */
  private static Optional<Instant> latest(DataOpRecord r) {
    return Stream.of(r.submittedAt(), r.businessApprovedAt(), r.assessedAt(), r.scriptAttachedAt(), r.techApprovedAt(),
            r.developerImpactReplyAt(), r.submitterConsentAt(), r.executedAt(), r.reviewedAt(), r.deliveredAt(),
            r.requesterNotifiedAt(), r.businessConfirmedAt())
        .flatMap(Optional::stream).max(Comparator.naturalOrder());
  }

  /** The times an event's data states (OPS-TIME-02). */
  private static Map<String, Instant> statedTimes(DataOpEventData d) {
    Map<String, Instant> m = new TreeMap<>();
    d.backupTakenAt().ifPresent(v -> m.put("backupTakenAt", v));
    d.sensitiveAccessFormApprovedAt().ifPresent(v -> m.put("sensitiveAccessFormApprovedAt", v));
    d.batchSensitiveFormApprovedAt().ifPresent(v -> m.put("batchSensitiveFormApprovedAt", v));
    d.startedAt().ifPresent(v -> m.put("startedAt", v));
    return m;
  }

  /** The facts stated at submission, as the audit trail keeps them. */
  private static SortedMap<String, String> statedFacts(DataOpTicket ticket) {
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
}
