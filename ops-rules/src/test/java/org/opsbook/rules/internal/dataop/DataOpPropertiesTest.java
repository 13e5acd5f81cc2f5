package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.dataop.Attachment;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.ExtractionWindow;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.Sample;
import org.opsbook.rules.dataop.DataOpRecord;
import org.opsbook.rules.dataop.DataOpRecord.Approval;
import org.opsbook.rules.testing.ActorPicks;

/**
 * Random event sequences by random actors against SM-DATAOP-MOD and SM-DATAOP-EXT, with invariants checked after
 * every step. Each step is one integer that picks an event (mostly one the current state has a transition for), an
 * actor (mostly one holding an allowed role), the event's data among valid and invalid variants, and a time step
 * that may go backwards. QuickTheories shrinks a failing sequence.
 */
class DataOpPropertiesTest {
  private static final List<Actor> POOL = List.of(
      Fixtures.actor("zhang", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER, Role.DATA_PROCESSOR_CITY,
          Role.DATA_REVIEWER, Role.REQUESTER),
      Fixtures.actor("li", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_PROCESSOR_CITY, Role.DATA_REVIEWER),
      Fixtures.actor("wang", "运营管理室", ActorKind.CITY_STAFF, Role.BUSINESS_APPROVER, Role.DATA_PROCESSOR_CITY),
      Fixtures.actor("zhao", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_REVIEWER),
      Fixtures.actor("dev1", "开发商", ActorKind.DEVELOPER_ONSITE, Role.DATA_PROCESSOR_DEV, Role.DATA_REVIEWER),
      Fixtures.actor("dev2", "开发商", ActorKind.DEVELOPER_REMOTE, Role.DATA_PROCESSOR_DEV),
      Fixtures.actor("ana", "数据分析室", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER, Role.REQUESTER,
          Role.DATA_PROCESSOR_CITY, Role.DATA_REVIEWER),
      Fixtures.actor("req", "市场部", ActorKind.CITY_STAFF, Role.REQUESTER, Role.BUSINESS_APPROVER));

  private static final Actor BOSS = Fixtures.SUPERIOR;
  private static final Actor MANAGER = Fixtures.MANAGER;
  private static final int[] COUNTS = {5, 999, 1000, 4000};

  @Test
  void modificationSequencesKeepEveryInvariant() {
    AtomicInteger closed = new AtomicInteger();
    AtomicInteger crossed = new AtomicInteger();
    qt().withExamples(1500).forAll(integers().between(0, 63), lists().of(integers().between(0, Integer.MAX_VALUE))
        .ofSizeBetween(1, 40)).checkAssert((opBits, steps) -> {
          DataOp op = Fixtures.modification().recordCount(COUNTS[opBits & 3])
              .involvesLevel1Sensitive((opBits & 4) != 0).routineOperation((opBits & 8) != 0)
              .isImportant((opBits & 16) != 0).singleNumber((opBits & 32) != 0).build();
          DataOpTicket end = run(Fixtures.MOD, op, steps);
          if (end.state() == DataOpState.CLOSED) {
            closed.incrementAndGet();
          }
          if (end.record().actualRecordCount().orElse(0) >= 1000 && op.recordCount() < 1000) {
            crossed.incrementAndGet();
          }
        });
    assertThat(closed.get()).as("sequences that reached CLOSED").isPositive();
    assertThat(crossed.get()).as("sequences whose actual count crossed into batch").isPositive();
  }

  @Test
  void extractionSequencesKeepEveryInvariant() {
    AtomicInteger closed = new AtomicInteger();
    qt().withExamples(1500).forAll(integers().between(0, 7), lists().of(integers().between(0, Integer.MAX_VALUE))
        .ofSizeBetween(1, 40)).checkAssert((opBits, steps) -> {
          DataOp op = Fixtures.extraction().estimatedRowCount((opBits & 1) != 0 ? 80_000 : 2_000)
              .involvesLevel1Sensitive((opBits & 2) != 0).routineOperation((opBits & 4) != 0).build();
          DataOpTicket e = run(Fixtures.EXT, op, steps);
          if (e.state() == DataOpState.CLOSED) {
            closed.incrementAndGet();
          }
        });
    assertThat(closed.get()).as("sequences that reached CLOSED").isPositive();
  }

  /** Runs the steps and checks the invariants after each; returns the last ticket. */
  private static DataOpTicket run(DataOpWorkflow wf, DataOp op, List<Integer> steps) {
    DataOpTicket t = DataOpTicket.draft("P", op);
    Instant now = Fixtures.T0;
    List<AuditEntry> audit = new ArrayList<>();
    int accepted = 0;
    for (int raw : steps) {
      int x = raw;
      DataOpEvent event = pickEvent(wf, t.state(), x % 100);
      x /= 100;
      Actor actor = pickActor(wf, t.state(), event, x % 100);
      x /= 100;
      DataOpEventData data = Variants.of(event, op, x % 8);
      x /= 8;
      now = now.plus(Duration.ofMinutes((x % 150) - 20));
      Outcome<DataOpTicket> o = wf.apply(t, event, actor, data, now);
      if (wf.table().isTerminal(t.state())) {
        assertThat(o.isAccepted()).as("terminal %s absorbs %s", t.state(), event).isFalse();
      }
      if (o.isAccepted()) {
        List<org.opsbook.core.RuleId> kept = o.instance().record().recordedViolations();
        assertThat(kept.subList(0, Math.min(kept.size(), t.record().recordedViolations().size())))
            .as("a recorded violation is kept").isEqualTo(t.record().recordedViolations());
        if (!o.instance().record().recordedViolations().equals(t.record().recordedViolations())) {
          assertThat(event).as("only a run records a violation").isEqualTo(DataOpEvent.RUN);
          assertThat(o.audit().orElseThrow().ruleIds()).as("DATAOP-EXT-04 in the audit trail")
              .contains(ExtractionWindow.EXT_04);
        }
        accepted++;
        AuditEntry a = o.audit().orElseThrow();
        assertThat(a.fromState()).contains(t.state().name());
        assertThat(a.toState()).contains(o.instance().state().name());
        assertThat(a.action()).isEqualTo(event.eventName());
        assertThat(a.actorId()).isEqualTo(actor.id());
        assertThat(a.stream()).isEqualTo("dataop:P");
        audit.add(a);
        t = o.instance();
      } else {
        assertThat(o.instance()).as("a refusal changes nothing").isSameAs(t);
        assertThat(o.violatedRules()).isNotEmpty();
      }
      assertInvariants(wf, t);
    }
    assertThat(audit).hasSize(accepted);
    for (int i = 1; i < audit.size(); i++) {
      assertThat(audit.get(i).fromState()).as("audit entries are in order").isEqualTo(audit.get(i - 1).toState());
    }
    return t;
  }

  /** Mostly an event the state has a transition for; cancelling rarely, so sequences get deep. */
  private static DataOpEvent pickEvent(DataOpWorkflow wf, DataOpState s, int choice) {
    List<DataOpEvent> available = new ArrayList<>(wf.table().eventsFrom(s));
    boolean canCancel = available.remove(DataOpEvent.CANCEL);
    List<DataOpEvent> all = new ArrayList<>(wf.events());
    if (choice < 88 && !available.isEmpty()) {
      return available.get(choice % available.size());
    }
    if (choice < 91 && canCancel) {
      return DataOpEvent.CANCEL;
    }
    return all.get(choice % all.size());
  }

  private static Actor pickActor(DataOpWorkflow wf, DataOpState s, DataOpEvent e, int choice) {
    return ActorPicks.pick(POOL, wf.table().find(s, e), choice);
  }

  private static void assertInvariants(DataOpWorkflow wf, DataOpTicket t) {
    DataOpRecord r = t.record();
    Set<DataOpState> reviewed = Set.of(DataOpState.REVIEWED, DataOpState.AWAITING_BUSINESS_CONFIRMATION,
        DataOpState.DELIVERED, DataOpState.AWAITING_BUSINESS_REVIEW, DataOpState.CLOSED);
    if (!reviewed.contains(t.state())) {
      return;
    }
    String reviewer = r.reviewerId().orElseThrow();
    Actor reviewerActor = POOL.stream().filter(a -> a.id().equals(reviewer)).findFirst().orElseThrow();
    assertThat(reviewerActor.isDeveloper()).as("DATAOP-ROLE-03").isFalse();
    if (t.op().opType() == OpType.EXTRACTION) {
      assertThat(r.processorIds()).as("DATAOP-EXT-05 separation of duties").doesNotContain(reviewer);
      return;
    }
    Batch batch = Batch.of(t, Fixtures.P);
    if (batch.isBatch() || t.op().important()) {
      assertThat(r.processorIds()).as("DATAOP-MOD-14 separation of duties").doesNotContain(reviewer);
    }
    if (r.submitterId().filter(r.executorIds()::contains).isPresent()) {
      assertThat(reviewer).as("DATAOP-MOD-12 separation of duties").isNotEqualTo(r.submitterId().get());
      r.businessConfirmedBy().ifPresent(c -> assertThat(c).as("DATAOP-MOD-12: no 自行验收 by business confirmation")
          .isNotEqualTo(r.submitterId().get()));
    }
    if (batch.isBatch() && t.op().involvesLevel1Sensitive()) {
      Approval form = r.batchSensitiveForm().orElseThrow();
      assertThat(form.approver().hasRole(Role.ROOM_MANAGER)).as("DATAOP-SENS-04").isTrue();
      assertThat(form.approvedAt()).isBeforeOrEqualTo(r.executedAt().orElseThrow());
    }
    if (batch.isBatch()) {
      assertThat(r.reviewSampledNumbers().stream().map(Sample::digest).distinct().count())
          .as("DATAOP-MOD-15 samples").isGreaterThanOrEqualTo(3);
    }
    if (t.op().involvesLevel1Sensitive() && !t.op().routineOperation()) {
      Approval form = r.sensitiveAccessForm().orElseThrow();
      assertThat(form.approver().hasRole(Role.SUPERIOR_SUPERVISOR)).as("DATAOP-SENS-01").isTrue();
      assertThat(form.approver().id()).isNotEqualTo(r.submitterId().orElseThrow());
    }
    if (t.op().involvesLevel1Sensitive()) {
      assertThat(r.executorKind()).as("DATAOP-SENS-03").isNotEqualTo(Optional.of(ActorKind.DEVELOPER_REMOTE));
    }
  }

  /** Valid and invalid data for each event. */
  static final class Variants {
    private Variants() {}

    static DataOpEventData of(DataOpEvent e, DataOp op, int v) {
      DataOpEventData.Builder b = DataOpEventData.builder();
      switch (e) {
        case ATTACH_SCRIPT_AND_BACKUP, RESUBMIT_SCRIPT -> {
          if (v % 4 != 3) {
            b.scriptRef("s" + v);
          }
          if (v % 4 != 2) {
            b.backupRef("b" + v);
          }
          if (v % 2 == 0) {
            b.addAttachments(Attachment.SCRIPT, Attachment.BACKUP);
          }
        }
        case ATTACH_SCRIPT, RESUBMIT -> {
          if (v != 7) {
            b.scriptRef("x" + v);
          }
        }
        case ASSESS -> {
          if (v != 7) {
            b.estimatedEffort("1h");
          }
        }
        case APPROVE_TECHNICAL -> {
          if (v % 2 == 0) {
            b.sensitiveAccessFormApprovedBy(v % 4 == 0 ? BOSS : POOL.get(0));
          }
          if (v >= 4) {
            b.batchSensitiveFormApprovedBy(v == 4 ? BOSS : MANAGER);
          }
        }
        case APPROVE_SCRIPT -> {
          if (v % 2 == 0) {
            b.sensitiveAccessFormApprovedBy(v % 4 == 0 ? BOSS : POOL.get(6));
          }
        }
        case ASSIGN_TO_DEVELOPER -> {
          b.developerId(v % 2 == 0 ? "dev1" : "dev2")
              .executorKind(v % 3 == 0 ? ActorKind.DEVELOPER_REMOTE : ActorKind.DEVELOPER_ONSITE);
          if (v >= 3) {
            b.cityMonitorId("li").cityMonitorPresentThroughout(v != 7);
          }
        }
        case REPLY_IMPACT -> {
          if (v != 7) {
            b.impactReply("业务、帐务、报表均无影响");
          }
        }
        case EXECUTE -> {
          b.actualRecordCount(v < 4 ? op.recordCount() : COUNTS[v % 4]);
          if (v == 6) {
            b.batchSensitiveFormApprovedBy(MANAGER);
          }
        }
        case RUN -> {
          b.actualRowCount(v < 5 ? 2000 : 60_000).actualExecutionMinutes(v == 7 ? 20 : 3);
          if (v % 2 == 0) {
            b.cityMonitorId("li").cityMonitorPresentThroughout(true);
          }
        }
        case PASS_REVIEW -> {
          if (op.opType() == OpType.MODIFICATION) {
            b.scriptVerified(v != 7).resultVerified(v != 6);
          } else {
            b.logicVerified(v != 7).countVerified(v != 6);
          }
          int samples = v % 5;
          for (int i = 0; i < samples; i++) {
            b.addSampledNumbers(Sample.of("1380013800" + i, v != 5));
          }
        }
        case DELIVER -> b.deliveredTo(v < 6 ? "数据分析室" : "市场部");
        case NOTIFY_REQUESTER -> {
          if (v != 7) {
            b.channel(NotifyChannel.values()[v % 4]);
          }
        }
        default -> { }
      }
      return b.build();
    }
  }
}
