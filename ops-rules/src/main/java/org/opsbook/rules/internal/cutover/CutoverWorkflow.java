package org.opsbook.rules.internal.cutover;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.opsbook.rules.internal.Evidence.flag;
import static org.opsbook.rules.internal.Evidence.names;
import static org.opsbook.rules.internal.Inputs.blank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opsbook.core.Channel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.Masking;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Kernel;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.internal.catalog.RuleCatalog;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverRecord.RecordedStep;

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
public final class CutoverWorkflow
    extends Kernel<CutoverTicket, CutoverState, CutoverEvent, CutoverEventData, CutoverContext> {
  private static final RuleId CUTOVER_20 = RuleId.of("CUTOVER-20");

  private final CutoverRules rules;

  /** Creates the workflow over {@code calendar} with the default application contents. */
  public CutoverWorkflow(WorkCalendar calendar, OpsParameters params) {
    this(new CutoverRules(calendar, params), params);
  }

  /** Creates the workflow with {@code rules} (e.g. a longer application list). */
  public CutoverWorkflow(CutoverRules rules, OpsParameters params) {
    super(family(checkNotNull(rules, "rules"), checkNotNull(params, "params")));
    this.rules = rules;
  }

  /** The family SM-CUTOVER on the kernel: created by {@code create} (SM-CUTOVER-T01) from INITIAL. */
  private static Spec<CutoverTicket, CutoverState, CutoverEvent, CutoverEventData, CutoverContext> family(
      CutoverRules rules, OpsParameters params) {
    return Kernel.<CutoverTicket, CutoverState, CutoverEvent, CutoverEventData, CutoverContext>spec(
            CutoverMachine.MACHINE)
        .id(CutoverTicket::id, "instanceId")
        .state(CutoverTicket::state)
        .eventName(CutoverEvent::eventName)
        .stream(t -> "cutover:" + t.id())
        .fields(CutoverEventData::presentFields)
        .context((t, d, at) -> new CutoverContext(t, d, at, rules, params))
        .check((t, event, d) -> checkData(t, event, d))
        .createdBy(CutoverEvent.CREATE, t -> CutoverEventData.none())
        .effect((t, to, event, actor, d, at) -> CutoverTicket.of(t.id(), to, t.facts(),
            t.record().with(event, new RecordedStep(actor.id(), at, kept(d)))))
        .evidence((before, after, event, d, audit) -> {
          audit.putAllDetails(evidence(kept(d)));
          if (event == CutoverEvent.CREATE) {
            audit.putAllDetails(statedFacts(before.facts()));
          }
          if (!d.planDeviations().isEmpty()) {
            // CUTOVER-17: the work departed from the approved plan; the departures are kept as exceptions
            audit.addRuleIds(RuleId.of("CUTOVER-17"));
          }
          if (event == CutoverEvent.RELAY_COMPLAINT || event == CutoverEvent.RESOLVE_COMPLAINT) {
            audit.addRuleIds(CUTOVER_20).putDetail("openComplaints", String.join(",",
                after.record().openComplaints().keySet()));
          }
          if (event == CutoverEvent.APPLY_VIA_AMS) {
            audit.putDetail("applicationDeadline", rules.applicationDeadline(before.facts().plannedStart()
                .orElseThrow()).toString());
          }
        })
        .times(t -> t.record().steps().values().stream().map(RecordedStep::at).max(Comparator.naturalOrder()),
            t -> Optional.ofNullable(t.record().steps().get(CutoverEvent.CREATE)).map(RecordedStep::at));
  }

  /** What a step keeps of its data: free text with phone numbers masked. */
  private static CutoverEventData kept(CutoverEventData data) {
    return data.withReason(data.reason().map(Masking::phonesIn))
        .withRollbackSteps(data.rollbackSteps().map(Masking::phonesIn))
        .withPlanDeviations(data.planDeviations().stream().map(Masking::phonesIn).toList());
  }

  /**
   * Returns the duties the cutover owes now. CUTOVER-20 (「工程割接负责人员应密切注意客户服务中心反馈过来的客户投诉,
   * 及时解决处理」): each complaint 客户服务中心 relayed during the cutover ({@code relayComplaint}) is a duty of the
   * cutover's 负责人 ({@link Role#CUTOVER_OWNER}) to resolve it, owed to 客户服务中心, until {@code resolveComplaint}
   * names it. 「及时」 sets no deadline, so each is a timely duty ({@link Obligation#isTimely()}), numbered in the order
   * the complaints were relayed. The cutover is not archived while one is open.
   */
  public List<Obligation> duties(CutoverTicket ticket) {
    List<Obligation> out = new ArrayList<>();
    int n = 0;
    List<Map.Entry<String, Instant>> open = new ArrayList<>(ticket.record().openComplaints().entrySet());
    open.sort(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Instant> c : open) {
      out.add(Obligation.builder().ruleId(CUTOVER_20).subjectId(ticket.id()).actor(Role.CUTOVER_OWNER)
          .action("及时解决处理客户投诉 " + c.getKey()).target("客户服务中心").channel(Channel.PHONE)
          .triggeredAt(c.getValue()).recurring(true).sequence(++n).build());
    }
    return List.copyOf(out);
  }

  /**
   * Returns the advisory rules that apply to the cutover now, each with the manual's words: while it is under way,
   * CUTOVER-17 (「所有现场人员必须严格按照既定的工程割接方案实施,并按系统安全要求操作」); a departure from the plan
   * is recorded with {@code completeAndPostCheck}'s {@code planDeviations}.
   */
  public SortedMap<RuleId, String> advice(CutoverTicket ticket) {
    SortedMap<RuleId, String> out = new TreeMap<>();
    if (ticket.state() == CutoverState.IN_PROGRESS) {
      RuleId id = RuleId.of("CUTOVER-17");
      out.put(id, String.join(" ", RuleCatalog.standard().get(id).manualWords()));
    }
    return out;
  }

  /** Returns the lead-time and content rules. */
  public CutoverRules rules() {
    return rules;
  }

  private static void checkData(CutoverTicket ticket, CutoverEvent event, CutoverEventData data) {
    Cutover facts = ticket.facts();
    if (event == CutoverEvent.CREATE) {
      requireFact(facts.plannedStart().isPresent(), "plannedStart", "CUTOVER-23");
      requireFact(facts.system().isPresent(), "system", "CUTOVER-01");
      requireFact(facts.category().isPresent(), "category", "CUTOVER-02");
      requireFact(facts.trigger().isPresent(), "trigger", "CUTOVER-05");
    }
    if (event == CutoverEvent.APPLY_VIA_AMS && data.amsApplicationNo().isPresent()
        && blank(data.amsApplicationNo())) {
      throw new InvalidInputException("data.amsApplicationNo", "applyViaAms must record the AMS application number",
          RuleId.of("CUTOVER-05"));
    }
    if (event == CutoverEvent.INVOKE_EMERGENCY_PLAN && data.reason().isPresent() && blank(data.reason())) {
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
    if (!d.complaintRefs().isEmpty()) {
      m.put("complaintRefs", new TreeSet<>(d.complaintRefs()).toString());
    }
    if (!d.planDeviations().isEmpty()) {
      m.put("planDeviations", String.join("; ", d.planDeviations()));
    }
    return m;
  }
}
