package org.opsbook.rules.internal.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.CutoverEventData.CountersignMedium;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverEventData.ImportantOperation;
import org.opsbook.rules.cutover.ReportContent;
import org.opsbook.rules.cutover.CutoverRecord;
import org.opsbook.rules.cutover.CutoverRecord.RecordedStep;
import org.opsbook.rules.testing.ActorPicks;

/**
 * Random SM-CUTOVER event sequences by random actors, with the invariants checked after every step: refusals change
 * nothing, terminal states absorb, one audit entry per accepted transition in order, and no state is reached with
 * the owner, lead-time, announcement, arrival or two-person rule broken.
 */
class CutoverPropertiesTest {
  private static final List<Actor> POOL = List.of(
      Fixtures.actor("qian", "运营管理室", Role.CUTOVER_OWNER),
      Fixtures.actor("he", "运营管理室", Role.CUTOVER_OWNER, Role.APPROVING_SUPERVISOR),
      Fixtures.actor("ma", "支持维护室", Role.CUTOVER_OWNER),
      Fixtures.actor("sun", "运营管理室", Role.APPROVING_SUPERVISOR),
      Fixtures.actor("zhou", "运营管理室", Role.CUTOVER_ONSITE_LEAD, Role.CUTOVER_OPERATOR),
      Fixtures.actor("wu", "运营管理室", Role.CUTOVER_OPERATOR, Role.CUTOVER_WATCHER),
      Fixtures.actor("zheng", "运营管理室", Role.CUTOVER_WATCHER));

  private static final Set<CutoverState> STARTED = EnumSet.of(CutoverState.IN_PROGRESS, CutoverState.POST_CHECKED,
      CutoverState.CS_TESTING, CutoverState.ARCHIVED, CutoverState.ABORTED);
  private static final Set<CutoverState> APPLIED = EnumSet.complementOf(EnumSet.of(CutoverState.INITIAL,
      CutoverState.DRAFTING, CutoverState.OWNER_REVIEWED, CutoverState.SUPERVISOR_APPROVED));
  private static final Set<CutoverEvent> OWNER_EVENTS = EnumSet.of(CutoverEvent.OWNER_REVIEW,
      CutoverEvent.APPLY_VIA_AMS, CutoverEvent.PROVINCE_DECISION, CutoverEvent.COUNTERSIGN,
      CutoverEvent.PUBLISH_ANNOUNCEMENT, CutoverEvent.NOTIFY_STAKEHOLDERS, CutoverEvent.ARRIVE,
      CutoverEvent.NOTIFY_CS_FOR_BUSINESS_TEST, CutoverEvent.ARCHIVE);

  @Test
  void cutoverSequencesKeepEveryInvariant() {
    AtomicInteger archived = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    qt().withExamples(1500).forAll(integers().between(0, 3), lists().of(integers().between(0, Integer.MAX_VALUE))
        .ofSizeBetween(1, 50)).checkAssert((bits, steps) -> {
          Cutover facts = Fixtures.facts().affectsCustomerBusiness((bits & 1) != 0)
              .needsSocialAnnouncement((bits & 2) != 0).addRelatedDepartments("客服中心").build();
          CutoverTicket end = run(facts, steps);
          if (end.state() == CutoverState.ARCHIVED) {
            archived.incrementAndGet();
          }
          if (STARTED.contains(end.state())) {
            started.incrementAndGet();
          }
        });
    assertThat(started.get()).as("sequences that started the cutover").isPositive();
    assertThat(archived.get()).as("sequences that archived it").isPositive();
  }

  private static CutoverTicket run(Cutover facts, List<Integer> steps) {
    CutoverTicket t = CutoverTicket.draft("CO-P", facts);
    Instant now = Fixtures.T0;
    List<AuditEntry> audit = new ArrayList<>();
    int accepted = 0;
    for (int raw : steps) {
      int x = raw;
      CutoverEvent event = pickEvent(t.state(), x % 100);
      x /= 100;
      Actor actor = pickActor(t.state(), event, x % 100);
      x /= 100;
      CutoverEventData data = variant(event, x % 8);
      x /= 8;
      now = now.plus(Duration.ofMinutes((x % 64 == 0) ? 3 * 24 * 60 : (x % 90) - 15));
      if (event == CutoverEvent.ORDER_START && (x / 64) % 4 != 0 && now.isBefore(Fixtures.START)) {
        now = Fixtures.START; // most orders come at the approved time (CUTOVER-09); the others are refused
      }
      Outcome<CutoverTicket> o = Fixtures.WF.apply(t, event, actor, data, now);
      if (Fixtures.WF.table().isTerminal(t.state())) {
        assertThat(o.isAccepted()).as("terminal %s absorbs %s", t.state(), event).isFalse();
      }
      if (o.isAccepted()) {
        accepted++;
        AuditEntry a = o.audit().orElseThrow();
        assertThat(a.toState()).contains(o.instance().state().name());
        assertThat(a.stream()).isEqualTo("cutover:CO-P");
        if (!audit.isEmpty()) {
          assertThat(a.fromState()).as("audit entries are in order").isEqualTo(audit.get(audit.size() - 1).toState());
        }
        audit.add(a);
        t = o.instance();
      } else {
        assertThat(o.instance()).as("a refusal changes nothing").isSameAs(t);
      }
      assertInvariants(t);
    }
    assertThat(audit).as("one audit entry per accepted transition").hasSize(accepted);
    return t;
  }

  private static void assertInvariants(CutoverTicket t) {
    CutoverRecord r = t.record();
    String owner = r.ownerId().orElse(null);
    for (CutoverEvent e : OWNER_EVENTS) {
      r.step(e).ifPresent(s -> assertThat(s.actorId()).as("CUTOVER-04 %s", e).isEqualTo(owner));
    }
    if (APPLIED.contains(t.state())) {
      Instant applied = r.step(CutoverEvent.APPLY_VIA_AMS).orElseThrow().at();
      assertThat(applied).as("CUTOVER-23").isBeforeOrEqualTo(Fixtures.WF.rules().applicationDeadline(Fixtures.START));
    }
    if (STARTED.contains(t.state())) {
      if (t.facts().affectsCustomerBusiness()) {
        assertThat(r.step(CutoverEvent.PUBLISH_ANNOUNCEMENT)).as("CUTOVER-07").isPresent();
      }
      RecordedStep arrival = r.step(CutoverEvent.ARRIVE).orElseThrow();
      assertThat(arrival.data().leadQualified()).as("CUTOVER-14").isTrue();
      assertThat(arrival.at()).isBeforeOrEqualTo(Fixtures.START.minus(Duration.ofMinutes(15)));
      assertThat(r.step(CutoverEvent.ORDER_START).orElseThrow().at()).as("CUTOVER-09")
          .isAfterOrEqualTo(Fixtures.START);
    }
    r.step(CutoverEvent.APPROVE_REPORT).ifPresent(s -> assertThat(s.actorId()).as("CUTOVER-12 approver")
        .isNotEqualTo(owner));
    if (r.step(CutoverEvent.NOTIFY_STAKEHOLDERS).isPresent()) {
      assertThat(r.step(CutoverEvent.NOTIFY_STAKEHOLDERS).get().data().recipients()).as("CUTOVER-08")
          .containsAll(t.facts().relatedDepartments());
    }
    r.step(CutoverEvent.COMPLETE_AND_POST_CHECK).ifPresent(s -> assertThat(s.data().importantOperations())
        .as("CUTOVER-18").allMatch(ImportantOperation::twoPeople));
  }

  private static CutoverEvent pickEvent(CutoverState s, int choice) {
    List<CutoverEvent> available = new ArrayList<>(Fixtures.WF.table().eventsFrom(s));
    boolean canAbort = available.remove(CutoverEvent.INVOKE_EMERGENCY_PLAN);
    if (choice < 90 && !available.isEmpty()) {
      return available.get(choice % available.size());
    }
    if (choice < 92 && canAbort) {
      return CutoverEvent.INVOKE_EMERGENCY_PLAN;
    }
    CutoverEvent[] all = CutoverEvent.values();
    return all[choice % all.length];
  }

  private static Actor pickActor(CutoverState s, CutoverEvent e, int choice) {
    return ActorPicks.pick(POOL, Fixtures.WF.table().find(s, e), choice);
  }

  private static CutoverEventData variant(CutoverEvent e, int v) {
    CutoverEventData.Builder b = CutoverEventData.builder();
    boolean good = v < 5;
    switch (e) {
      case OWNER_REVIEW -> {
        b.addDraftContents(ReportContent.PLAN, ReportContent.EMERGENCY_PLAN);
        if (v != 7) {
          b.addDraftContents(ReportContent.DIAL_TEST_LIST);
        }
        b.feasible(v != 6).businessTimeAgreed(true).generalAffairsConsulted(v != 5);
      }
      case APPROVE_REPORT -> {
        if (!good) {
          b.addReportContents(ReportContent.PLAN);
        }
      }
      case APPLY_VIA_AMS -> {
        b.amsApplicationNo("AMS-" + v);
        if (v == 7) {
          b.addApplicationContents(ApplicationContent.TIME);
        }
      }
      case PROVINCE_DECISION -> b.approved(v != 7);
      case COUNTERSIGN -> {
        if (v != 5) {
          b.addCountersigners("客服中心");
        }
        if (v != 7) {
          b.addCountersigners("信息技术中心");
        }
        if (v != 6) {
          b.countersignMedium(CountersignMedium.OFFICIAL_DOCUMENT);
        }
      }
      case PUBLISH_ANNOUNCEMENT -> {
        if (v != 7) {
          b.announcementRef("DOC-" + v);
        }
      }
      case NOTIFY_STAKEHOLDERS -> b.leaderInChargeNotified(v != 7).addNoticeContents(ApplicationContent.TIME)
          .addNoticeContents(v == 6 ? ApplicationContent.PLAN : ApplicationContent.IMPACT_SCOPE)
          .addRecipients(v == 5 ? "分管领导" : "客服中心");
      case PRE_MEETING -> {
        b.addAttendeeRoles(Role.CUTOVER_ONSITE_LEAD, Role.CUTOVER_OPERATOR);
        if (v != 7) {
          b.addAttendeeRoles(Role.CONTRACTOR_LEAD);
        }
      }
      case ARRIVE -> b.leadQualified(v != 7);
      case PRE_CHECK -> {
        b.preConditionsMet(v != 7);
        if (v != 6) {
          b.preChecklistRef("pre");
        }
      }
      case ORDER_START -> b.allPartiesPresent(v != 7);
      case COMPLETE_AND_POST_CHECK -> {
        b.addImportantOperations(ImportantOperation.of("op", "wu", v == 7 ? "wu" : "zheng"))
            .testResultsRef("t").postChecklistRef("p").equipmentNormal(v != 6).expectedEffectAchieved(true);
        if (v == 5) {
          b.addImportantOperations(ImportantOperation.of("op2", "zhou", null));
        }
      }
      case INVOKE_EMERGENCY_PLAN -> b.reason("db down");
      case ARCHIVE -> {
        b.processLogRef("log").archiveRef("arc");
        if (v != 7) {
          b.csTestResultsRef("cs");
        }
      }
      default -> { }
    }
    return b.build();
  }
}
