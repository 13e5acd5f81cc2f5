package org.opsbook.rules.bug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.bug.BugFixtures.WEDNESDAY;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.rules.internal.bug.BugWorkflow;
import org.opsbook.rules.testing.MemoCodec;
import org.opsbook.rules.internal.bug.BugService;

/**
 * Random event sequences against SM-BUG through the service, with the invariants checked after every step: a
 * refused event changes nothing, an accepted one follows a declared transition, CLOSED absorbs, only the BUG
 * processor returns a fix (BUG-09), the emergency path follows BUG-06, and the audit chain always verifies with one
 * record per accepted event.
 */
class BugPropertiesTest {
  private static final List<Actor> ACTORS = List.of(BugFixtures.REVIEWER, BugFixtures.PRE_PROCESSOR,
      BugFixtures.PROCESSOR, BugFixtures.FOLLOWER, BugFixtures.SUPERVISOR, BugFixtures.IT_SUPPORT,
      Actor.of("x", Role.ROOM_MANAGER));
  private static final List<BugEventData> DATA = List.of(BugEventData.empty(), BugFixtures.ams("AMS-1"),
      BugFixtures.recheck(true), BugFixtures.recheck(false), BugFixtures.notice(),
      BugEventData.builder().cmcpCollabTicketNo("C-1").build(), BugFixtures.impact(150, null),
      BugFixtures.impact(201, 1), BugFixtures.impact(0, 2),
      BugEventData.builder().bugAffectedCustomers(999).needsEmergencyRelease(false).build(),
      BugEventData.builder().reply("已修复").build(), BugEventData.builder().reason("验收失败").build(),
      BugEventData.builder().acceptancePassed(true).uploaded(true).build(),
      BugEventData.builder().acceptancePassed(true).build(),
      BugEventData.builder().weeklySummaryRef("W48").build(), BugEventData.builder().updateText("跟进").build(),
      BugEventData.builder().dataOpId("DM-1").build());

  record Step(int event, int actor, int data) {}

  @Test
  @DisplayName("SM-BUG-T01..T10 the fitting actor and data of each event drive a BUG along the main line to CLOSED")
  void fittingStepsReachEveryState() {
    BugWorkflow wf = BugWorkflow.standard();
    BugTicket b = wf.raise("B", BugFixtures.raiseData(), BugFixtures.REVIEWER, WEDNESDAY).orThrow();
    for (BugEvent e : List.of(BugEvent.SUBMIT_AMS, BugEvent.PROVINCE_ASSIGNED, BugEvent.DEVELOPER_REPLIED,
        BugEvent.REJECT_ACCEPTANCE, BugEvent.DEVELOPER_REPLIED, BugEvent.ACCEPT_AND_UPLOAD, BugEvent.CLOSE_WEEKLY)) {
      Step s = decode(e.ordinal());
      Outcome<BugTicket> step = wf.apply(b, e, ACTORS.get(s.actor()), DATA.get(s.data()), WEDNESDAY);
      assertThat(step.isAccepted()).as(e.name()).isTrue();
      b = step.orThrow();
    }
    assertThat(b.state()).isEqualTo(BugState.CLOSED);
  }

  @Test
  @DisplayName("SM-BUG-T01..T12 BUG-06 BUG-09 invariants hold after every step of random event sequences")
  void randomSequences() {
    qt().withExamples(250).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)
            .map(BugPropertiesTest::decode)).ofSizeBetween(1, 40))
        .checkAssert(steps -> {
          InMemoryAuditLog audit = new InMemoryAuditLog();
          BugService service = new BugService(new InMemoryWorkflowRepository(audit), MemoCodec.bugs(),
              BugWorkflow.standard(), BugFixtures.CLOCK);
          BugWorkflow wf = BugWorkflow.standard();
          int accepted = service.raise("B", BugFixtures.raiseData(), BugFixtures.REVIEWER, WEDNESDAY).isAccepted()
              ? 1 : 0;
          for (Step s : steps) {
            BugTicket before = service.find("B").orElseThrow();
            BugEvent event = BugEvent.values()[s.event()];
            Actor actor = ACTORS.get(s.actor());
            BugEventData data = DATA.get(s.data());
            Outcome<BugTicket> step = service.fire("B", event, actor, data, WEDNESDAY);
            BugTicket after = service.find("B").orElseThrow();
            if (!step.isAccepted()) {
              assertThat(after).isEqualTo(before);
              assertThat(step.violations()).isNotEmpty();
              continue;
            }
            accepted++;
            assertThat(wf.table().find(before.state(), event)).isNotNull();
            assertThat(after.state()).isEqualTo(wf.table().find(before.state(), event).to());
            assertThat(before.state()).isNotEqualTo(BugState.CLOSED);
            if (event == BugEvent.REJECT_ACCEPTANCE) {
              assertThat(actor.hasRole(Role.BUG_PROCESSOR)).isTrue();
              assertThat(after.acceptanceRejections()).isEqualTo(before.acceptanceRejections() + 1);
            }
            if (event == BugEvent.ASSESS_IMPACT) {
              boolean large = BugImpact.isLarge(after, OpsParameters.defaults());
              assertThat(after.needsEmergencyRelease()).isEqualTo(data.needsEmergencyRelease().orElse(large));
            }
            if (EnumSet.of(BugEvent.PUBLISH_NOTICE, BugEvent.RAISE_COLLAB, BugEvent.ASSESS_IMPACT,
                BugEvent.WEEKLY_UPDATE, BugEvent.NEED_DATA_FIX, BugEvent.REPORT_TO_ROOM_MANAGER).contains(event)) {
              assertThat(after.state()).isEqualTo(before.state());
            }
            if (event == BugEvent.REPORT_TO_ROOM_MANAGER) {
              assertThat(before.largeImpact(OpsParameters.defaults())).as("BUG-06: only a large impact").isTrue();
              assertThat(after.roomManagerReportedAt()).contains(WEDNESDAY);
            }
          }
          assertThat(audit.verify(BugWorkflow.stream("B")).intact()).isTrue();
          assertThat(audit.read(BugWorkflow.stream("B"))).hasSize(accepted);
        });
  }

  /** The actor and data that make each event acceptable, by event ordinal: half of the steps use them. */
  private static final int[][] FITTING = {{0, 0}, {2, 1}, {2, 2}, {3, 4}, {3, 5}, {2, 7}, {2, 10}, {2, 11}, {2, 12},
      {3, 14}, {3, 15}, {2, 16}, {3, 0}};

  private static Step decode(int code) {
    int event = code % BugEvent.values().length;
    int rest = code / BugEvent.values().length;
    if (rest % 2 == 0) {
      return new Step(event, FITTING[event][0], FITTING[event][1]);
    }
    rest /= 2;
    return new Step(event, rest % ACTORS.size(), (rest / ACTORS.size()) % DATA.size());
  }
}
