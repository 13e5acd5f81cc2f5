package org.opsbook.rules.internal.bug;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.opsbook.rules.internal.Inputs.blank;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Decision;
import org.opsbook.core.internal.machine.Kernel;
import org.opsbook.core.internal.machine.StateMachine;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugState;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.bug.BugTicket.NoticeChannel;

/**
 * SM-BUG (rules-catalog §11.1) as a declared state machine, and the pure step that applies one event: it decides
 * the event against the table (roles, and guards that each name their rule) and, when accepted, returns the BUG
 * after it and the audit entry to seal (stream {@code bug:<id>}). Raising (SM-BUG-T01, decided from NEW) creates
 * the BUG. It runs on the workflow kernel like every declared family and stores nothing: {@code BugService} stores it
 * through the core {@code org.opsbook.core.internal.machine.WorkflowStore}.
 *
 * <p>The main line runs IDENTIFIED → SUBMITTED_TO_PROVINCE → WITH_DEVELOPER ⇄ FIX_DELIVERED → RESOLVED → CLOSED.
 * The parallel parts of the catalog (the notice, the CMCP ticket, the impact path, weekly updates, the data fix)
 * are self-transitions allowed in every state from IDENTIFIED to RESOLVED.
 *
 * <pre>{@code
 * BugWorkflow wf = BugWorkflow.standard();
 * Outcome<BugTicket> raised = wf.raise("BUG-1", BugEventData.builder().description("缴费后无法开机")
 *     .addComplaintNumbers("13800138000").complaintIssue("缴费不开机").build(), reviewer, now);
 * Outcome<BugTicket> next = wf.apply(raised.orThrow(), BugEvent.SUBMIT_AMS, processor,
 *     BugEventData.builder().amsBugTicketNo("AMS-9").build(), now);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BugWorkflow extends Kernel<BugTicket, BugState, BugEvent, BugEventData, BugWorkflow.Context> {
  /** The machine's name, also the {@code machine} of stored instances. */
  public static final String MACHINE_ID = "SM-BUG";

  private static final Set<BugState> STANDING = EnumSet.of(BugState.IDENTIFIED, BugState.SUBMITTED_TO_PROVINCE,
      BugState.WITH_DEVELOPER, BugState.FIX_DELIVERED, BugState.RESOLVED);
  private static final StateMachine<BugState, BugEvent, Context> TABLE = build();
  private static final BugWorkflow STANDARD = new BugWorkflow(OpsParameters.defaults());

  /**
   * What the guards look at: the BUG before the event (a draft in NEW when raising), the event's data and the
   * parameters (BUG-06's thresholds).
   */
  record Context(BugTicket bug, BugEventData data, OpsParameters parameters) {}

  /** Creates the workflow with BUG-06's thresholds from {@code parameters}. */
  public BugWorkflow(OpsParameters parameters) {
    super(family(checkNotNull(parameters, "parameters")));
  }

  /** The family SM-BUG on the kernel: created by {@code raiseBug} (SM-BUG-T01) from NEW. */
  private static Spec<BugTicket, BugState, BugEvent, BugEventData, Context> family(OpsParameters parameters) {
    return Kernel.<BugTicket, BugState, BugEvent, BugEventData, Context>spec(TABLE)
        .id(BugTicket::bugId, "bugId")
        .state(BugTicket::state)
        .eventName(BugEvent::eventName)
        .stream(b -> stream(b.bugId()))
        .context((b, d, at) -> new Context(b, d, parameters))
        .createdBy(BugEvent.RAISE_BUG, BugWorkflow::raiseData)
        .effect((b, to, event, actor, d, at) -> b.after(event, to, actor, d, at, parameters))
        .evidence((before, after, event, d, audit) -> audit.putAllDetails(d.details()))
        .times(BugWorkflow::latest, b -> Optional.of(b.raisedAt()));
  }

  /** Returns the workflow with the catalog defaults. */
  public static BugWorkflow standard() {
    return STANDARD;
  }

  private static StateMachine<BugState, BugEvent, Context> build() {
    StateMachine.Builder<BugState, BugEvent, Context> b =
        StateMachine.builder(MACHINE_ID, BugState.class, BugEvent.class, Context.class);
    b.transition("SM-BUG-T01", BugState.NEW, BugEvent.RAISE_BUG, BugState.IDENTIFIED)
        .by(Role.TICKET_REVIEWER, Role.IT_SUPPORT, Role.ESC_DUTY)
        .guard("TICKET-06", "actor", (c, a) -> a.hasRole(Role.PRE_PROCESSOR)
            && !a.hasAnyRole(Set.of(Role.TICKET_REVIEWER, Role.IT_SUPPORT, Role.ESC_DUTY))
            ? "a pre-processor may not start the BUG flow; the reviewer does (负责发起BUG处理流程)" : null)
        .guard("NOTIFY-TPL-06", "description", (c, a) -> blank(c.data().description())
            ? "a BUG needs a detailed description of the fault" : null)
        .guard("NOTIFY-TPL-06", "complaintNumbers", (c, a) -> c.data().complaintNumbers().isEmpty()
            ? "a BUG names at least one complaint number (必须要有投诉号码及投诉问题)" : null)
        .guard("NOTIFY-TPL-06", "complaintIssue", (c, a) -> blank(c.data().complaintIssue())
            ? "a BUG names the complaint issue (必须要有投诉号码及投诉问题)" : null)
        .stamps("submittedBy", "raisedAt").records("description", "complaintNumbers", "complaintIssue", "linkedTicketId",
            "linkedFaultId")
        .add();
    b.transition("SM-BUG-T02", BugState.IDENTIFIED, BugEvent.SUBMIT_AMS, BugState.SUBMITTED_TO_PROVINCE)
        .by(Role.BUG_PROCESSOR)
        .guard("BUG-03", "amsBugTicketNo", (c, a) -> blank(c.data().amsBugTicketNo())
            ? "the BUG is submitted in AMS: record its AMS ticket number" : null)
        .records("amsBugTicketNo")
        .add();
    b.transition("SM-BUG-T03", BugState.SUBMITTED_TO_PROVINCE, BugEvent.PROVINCE_ASSIGNED, BugState.WITH_DEVELOPER)
        .by(Role.BUG_PROCESSOR)
        .guard("BUG-03", "recheckAccepted", (c, a) -> !c.data().recheckAccepted().orElse(false)
            ? "省业支 must accept the BUG on re-check before it goes to the developer (省业支复核)" : null)
        .records("recheckAccepted", "developer")
        .add();
    for (BugState s : STANDING) {
      b.transition("SM-BUG-T04", s, BugEvent.PUBLISH_NOTICE, s)
          .by(Role.BUG_FOLLOWER)
          .guard("BUG-10", "opsRoomAgreedBy", (c, a) -> agreementFailure(c.data()))
          .guard("BUG-04", "channels", (c, a) -> c.data().channels().containsAll(EnumSet.allOf(NoticeChannel.class))
              ? null : "the notice goes on 服务营销系统, 合作伙伴门户 and BBS at once; missing "
                  + missingChannels(c.data().channels()))
          .guard("NOTIFY-TPL-05", "uploadEta", (c, a) -> c.data().uploadEta().isEmpty()
              ? "the notice states the expected upload time (预计程序上载时间)" : null)
          .guard("NOTIFY-TPL-05", "workaround", (c, a) -> blank(c.data().workaround())
              ? "the notice states the workaround (应急处理方法)" : null)
          .records("channels", "uploadEta", "workaround", "opsRoomAgreedBy", "supportRoomAgreedBy")
          .add();
      b.transition("SM-BUG-T05", s, BugEvent.RAISE_COLLAB, s)
          .by(Role.BUG_FOLLOWER, Role.ROOM_SUPERVISOR)
          .guard("BUG-05", "amsBugTicketNo", (c, a) -> c.bug().amsBugTicketNo().isEmpty()
              ? "the CMCP ticket quotes the submitted BUG's AMS number (附上已提交的BUG单号); submit it first" : null)
          .guard("BUG-05", "cmcpCollabTicketNo", (c, a) -> blank(c.data().cmcpCollabTicketNo())
              ? "record the CMCP collaboration ticket number" : null)
          .records("cmcpCollabTicketNo", "supportRoomTicketNo")
          .add();
      b.transition("SM-BUG-T06", s, BugEvent.ASSESS_IMPACT, s)
          .by(Role.BUG_PROCESSOR, Role.BUG_FOLLOWER)
          .guard("BUG-06", "bugAffectedCustomers", (c, a) -> c.data().bugAffectedCustomers().isEmpty()
              ? "the impact assessment states how many customers the BUG affects" : null)
          .guard("BUG-06", "bugAffectedCustomers", (c, a) -> c.data().bugAffectedCustomers().orElse(0) < 0
              ? "bugAffectedCustomers must be >= 0: " + c.data().bugAffectedCustomers().getAsInt() : null)
          .guard("BUG-06", "csComplaintLevel", (c, a) -> c.data().csComplaintLevel().orElse(1) < 1
              ? "csComplaintLevel must be >= 1: " + c.data().csComplaintLevel().getAsInt() : null)
          .records("bugAffectedCustomers", "csComplaintLevel", "needsEmergencyRelease", "needsDataFix")
          .add();
      b.transition("BUG-06", s, BugEvent.REPORT_TO_ROOM_MANAGER, s)
          .by(Role.BUG_FOLLOWER, Role.BUG_PROCESSOR)
          .guard("BUG-06", "bugAffectedCustomers", (c, a) -> c.bug().impactAssessedAt().isEmpty()
              || !c.bug().largeImpact(c.parameters())
              ? "the room manager is asked to help push a BUG of large impact (影响超过200客户或已引发客服二级以上客户投诉); "
                  + "assess the impact first, and this one is not" : null)
          .add();
      b.transition("SM-BUG-T11", s, BugEvent.WEEKLY_UPDATE, s)
          .by(Role.BUG_FOLLOWER)
          .guard("BUG-08", "updateText", (c, a) -> blank(c.data().updateText())
              ? "a weekly update says what changed (更新BUG处理情况)" : null)
          .records("updateText")
          .add();
      b.transition("SM-BUG-T12", s, BugEvent.NEED_DATA_FIX, s)
          .by(Role.BUG_PROCESSOR, Role.BUG_FOLLOWER)
          .guard("BUG-13", "dataOpId", (c, a) -> blank(c.data().dataOpId())
              ? "a data repair goes to the data-processing flow: link its workflow (转数据处理流程)" : null)
          .records("dataOpId")
          .add();
    }
    b.transition("SM-BUG-T07", BugState.WITH_DEVELOPER, BugEvent.DEVELOPER_REPLIED, BugState.FIX_DELIVERED)
        .by(Role.BUG_PROCESSOR)
        .guard("SM-BUG-T07", "reply", (c, a) -> blank(c.data().reply()) ? "record the developer's reply" : null)
        .records("reply", "version")
        .add();
    b.transition("SM-BUG-T08", BugState.FIX_DELIVERED, BugEvent.REJECT_ACCEPTANCE, BugState.WITH_DEVELOPER)
        .guard("BUG-09", "actor", (c, a) -> a.hasRole(Role.BUG_PROCESSOR) ? null
            : "only the BUG processor returns a BUG to the developer (由BUG单处理员退回开发商重新处理)")
        .guard("BUG-09", "reason", (c, a) -> blank(c.data().reason())
            ? "record why the reply failed acceptance" : null)
        .records("reason")
        .add();
    b.transition("SM-BUG-T09", BugState.FIX_DELIVERED, BugEvent.ACCEPT_AND_UPLOAD, BugState.RESOLVED)
        .by(Role.BUG_PROCESSOR)
        .guard("SM-BUG-T09", "acceptancePassed", (c, a) -> !c.data().acceptancePassed().orElse(false)
            ? "the fix must pass acceptance (验收) before the BUG is resolved" : null)
        .guard("SM-BUG-T09", "uploaded", (c, a) -> !c.data().uploaded().orElse(false)
            ? "the fix must be uploaded (上载) before the BUG is resolved" : null)
        .records("acceptancePassed", "uploaded")
        .add();
    b.transition("SM-BUG-T10", BugState.RESOLVED, BugEvent.CLOSE_WEEKLY, BugState.CLOSED)
        .by(Role.BUG_FOLLOWER)
        .guard("REPORT-FMT-02", "weeklySummaryRef", (c, a) -> blank(c.data().weeklySummaryRef())
            ? "a BUG is closed in the week's BUG summary: name it (BUG单每周情况汇总)" : null)
        .records("weeklySummaryRef")
        .add();
    b.terminal(BugState.CLOSED);
    return b.build();
  }

  private static String agreementFailure(BugEventData d) {
    if (blank(d.opsRoomAgreedBy()) || blank(d.supportRoomAgreedBy())) {
      return "the upload time and workaround are published only once 运营管理室 and 支持维护室 agreed them: "
          + "record who agreed for each room (需要运营管理室与支持维护室同事协商后发布)";
    }
    if (d.opsRoomAgreedBy().get().equals(d.supportRoomAgreedBy().get())) {
      return "one person cannot agree for both rooms";
    }
    return null;
  }

  private static Set<String> missingChannels(Set<NoticeChannel> given) {
    Set<String> missing = new TreeSet<>();
    for (NoticeChannel c : NoticeChannel.values()) {
      if (!given.contains(c)) {
        missing.add(c.chineseName());
      }
    }
    return missing;
  }

  /**
   * Returns the BUG that raising {@code bugId} with {@code data} would create: in IDENTIFIED, raised by
   * {@code actor} at {@code at}, with what SM-BUG-T01 records. Absent texts are blank, so raising it is refused
   * naming NOTIFY-TPL-06.
   *
   * @throws InvalidInputException naming {@code bugId} when it is blank
   */
  public static BugTicket draft(String bugId, BugEventData data, Actor actor, Instant at) {
    checkNotNull(bugId, "bugId");
    checkNotNull(data, "data");
    return BugTicket.builder().bugId(bugId).state(BugState.IDENTIFIED).raisedAt(at).submittedBy(actor.id())
        .description(data.description().orElse("")).addAllComplaintNumbers(data.complaintNumbers())
        .complaintIssue(data.complaintIssue().orElse("")).linkedTicketId(data.linkedTicketId())
        .linkedFaultId(data.linkedFaultId()).build();
  }

  /**
   * Raises a BUG (SM-BUG-T01): creates its {@link #draft}.
   *
   * @param bugId the new BUG's ID
   * @param data what the raise records: description, complaint numbers and issue, links
   * @param actor who raises it: the ticket reviewer, IT support or the escalated-fault duty
   * @param at when
   * @return the new BUG in IDENTIFIED and its audit entry, or a refusal with the draft unchanged
   */
  public Outcome<BugTicket> raise(String bugId, BugEventData data, Actor actor, Instant at) {
    return create(draft(bugId, data, actor, at), actor, at);
  }

  /**
   * Applies {@code event} to a BUG that may not exist yet: with none, {@code raiseBug} (SM-BUG-T01) creates the BUG
   * {@code bugId} and any other event is refused as the table refuses it in {@code NEW}, none still existing; with
   * one, as {@link #apply}.
   */
  public Outcome<Optional<BugTicket>> step(String bugId, Optional<BugTicket> bug, BugEvent event, Actor actor,
      BugEventData data, Instant at) {
    if (bug.isPresent()) {
      Outcome<BugTicket> o = apply(bug.get(), event, actor, data, at);
      return new Outcome<>(Optional.of(o.instance()), o.transitionId(), o.violations(), o.audit());
    }
    if (event == BugEvent.RAISE_BUG) {
      Outcome<BugTicket> o = raise(bugId, data, actor, at);
      return new Outcome<>(o.isAccepted() ? Optional.of(o.instance()) : bug, o.transitionId(), o.violations(),
          o.audit());
    }
    // only raiseBug leaves NEW: the table names the transition the event needs
    Decision<BugState> d = table().decide(BugState.NEW, event, actor, null);
    return Outcome.refused(bug, d.transitionId(), d.violations());
  }

  /** What raising a draft records: its description, complaint numbers and issue, and links. */
  private static BugEventData raiseData(BugTicket draft) {
    return BugEventData.builder().description(draft.description())
        .addAllComplaintNumbers(draft.complaintNumbers()).complaintIssue(draft.complaintIssue())
        .linkedTicketId(draft.linkedTicketId()).linkedFaultId(draft.linkedFaultId()).build();
  }

  /** The latest time the BUG keeps of a step. */
  private static Optional<Instant> latest(BugTicket b) {
    return Stream.of(Optional.of(b.raisedAt()), b.noticePublishedAt(), b.impactAssessedAt(),
        b.roomManagerReportedAt(), b.uploadedAt(), b.lastWeeklyUpdateAt(), b.closedAt()).flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
  }

  /** Returns the audit stream of a BUG: {@code bug:<bugId>}. */
  public static String stream(String bugId) {
    return "bug:" + bugId;
  }
}
