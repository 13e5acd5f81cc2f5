package org.opsbook.rules.esc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.esc.EscFixtures.T0;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.Transition;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryFaultRepository;
import org.opsbook.core.internal.memory.InMemoryObligationRepository;
import org.opsbook.rules.internal.fault.FaultDutyService;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.esc.EscFault.EscHandler;
import org.opsbook.rules.esc.EscFault.EscOwner;
import org.opsbook.rules.esc.EscFault.EscState;
import org.opsbook.rules.esc.EscFault.SystemProblem;
import org.opsbook.rules.internal.esc.EscWorkflow;

/**
 * Random SM-ESC event sequences by random actors, through the fault service and its one history per fault, with the
 * invariants checked after every step: a refused event (or invalid input) changes nothing stored, an accepted one
 * follows a declared transition and adds exactly one audit record and one event to the fault's history, CLOSED absorbs, B never owns the fault while
 * A is available (ESC-HANDLE-03), the fault has an owner exactly in the owned states, who holds the role of the
 * handler they own it as (ESC-HANDLE-01), the peak level never falls;
 * at the end the audit records are the accepted events in order and the hash chain verifies.
 */
class EscPropertiesTest {
  /** Stands for the fault's current owner when decoding a step. */
  private static final int OWNER = -1;
  private static final List<Actor> ACTORS = List.of(EscFixtures.A, Actor.of("an2", Role.ESC_HANDLER_A),
      EscFixtures.B, EscFixtures.B2, EscFixtures.MONITOR, EscFixtures.DUTY, EscFixtures.SYSADMIN, EscFixtures.PRE,
      EscFixtures.MANAGER);
  private static final List<Function<Instant, EscEventData>> DATA = List.of(
      at -> EscEventData.empty(),
      at -> data().amsFaultNo("AMS-1").provinceDutyNotifiedAt(at).build(),
      at -> data().assigneeId("an").build(),
      at -> data().assigneeId("bei").assigneeHandler(EscHandler.B).build(),
      at -> data().handlerAAvailable(false).build(),
      at -> data().handlerAAvailable(true).build(),
      at -> data().assigneeId("bei").handoverNote("交接").handlerAAvailable(false).build(),
      at -> data().assigneeId("an").handoverNote("接回").build(),
      at -> data().assigneeId("bo").handoverNote("交接").build(),
      at -> data().reportedToProvinceAt(at).amsDevTicketNo("AMS-DEV").build(),
      at -> data().conclusion("结论").systemProblem(SystemProblem.NO).handlingType("其它").build(),
      at -> data().systemProblem(SystemProblem.YES).build(),
      at -> data().recoveryCheck("拨测正常").build(),
      at -> data().reason("复发").build(),
      at -> data().dutyLogDeliveredAt(at).faultReportRef("RPT").build(),
      at -> data().interventionNote("催办").build(),
      at -> data().assigneeId("an2").build(),
      at -> data().assigneeId("bo").assigneeHandler(EscHandler.B).handoverNote("A 请假").handlerAAvailable(false)
          .build(),
      at -> data().weeklySummaryRef("W48").build(),
      at -> data().facts(FaultFacts.builder().faultId("F").detectedAt(T0).complaintCount(60).build()).build(),
      at -> data().interventionNote("升级").facts(EscFixtures.facts(24)).build());
  /** The actor and data that make each event acceptable in the right state, by event ordinal: 3 steps in 4. */
  private static final int[][] FITTING = {{5, 0}, {5, 1}, {0, 0}, {OWNER, 6}, {OWNER, 9}, {OWNER, 10},
      {OWNER, 12}, {OWNER, 13}, {OWNER, 14}, {4, 15}, {4, 16}, {5, 18}, {4, 4}};

  record Step(EscEvent event, int actor, int data) {}

  private static EscEventData.Builder data() {
    return EscEventData.builder();
  }

  private static Step decode(int code) {
    EscEvent event = EscEvent.values()[code % EscEvent.values().length];
    int rest = code / EscEvent.values().length;
    if (rest % 4 != 0) {
      int[] fit = FITTING[event.ordinal()];
      return new Step(event, fit[0], fit[1]);
    }
    rest /= 4;
    return new Step(event, rest % ACTORS.size(), (rest / ACTORS.size()) % DATA.size());
  }

  /** A fault service over memory, with its audit log. */
  private record Store(InMemoryAuditLog audit, InMemoryFaultRepository faults, FaultDutyService service) {
    static Store create() {
      InMemoryAuditLog audit = new InMemoryAuditLog();
      InMemoryFaultRepository faults = new InMemoryFaultRepository(audit);
      return new Store(audit, faults, new FaultDutyService(faults, new InMemoryObligationRepository(),
          ObligationEngine.standard()));
    }

    EscFault find(String faultId) {
      return service.load(faultId).lifecycle().orElseThrow();
    }

    /** Fires a step with its assignee resolved against {@link #ACTORS}, as a host engine resolves it. */
    Outcome<FaultTracker> fire(String faultId, EscEvent event, EscEventData data, Actor actor, Instant at) {
      return service.fire(faultId, event, data.withPeopleFrom(EscPropertiesTest::person), actor, at);
    }
  }

  private static Actor person(String id) {
    return ACTORS.stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow(() -> new InvalidInputException("personId", "no such person: " + id));
  }

  private static Actor actor(int index, EscFault fault) {
    if (index != OWNER) {
      return ACTORS.get(index);
    }
    String owner = fault.ownerId().orElse("an");
    return ACTORS.stream().filter(a -> a.id().equals(owner)).findFirst().orElse(EscFixtures.A);
  }

  @Test
  @DisplayName("SM-ESC-T01..T11 the fitting actor and data of each event drive a fault from detection to CLOSED")
  void fittingStepsReachTheEnd() {
    Store service = Store.create();
    InMemoryAuditLog audit = service.audit();
    service.service().open("F", data().facts(FaultFacts.builder().faultId("F").detectedAt(T0).complaintCount(24)
        .selfDiscovered(true).build()).build(), EscFixtures.DUTY, T0);
    Instant at = T0;
    for (EscEvent e : List.of(EscEvent.DECLARE, EscEvent.TAKE_OWNERSHIP, EscEvent.PROGRESS_ENTRY,
        EscEvent.ESCALATE_EXTERNALLY, EscEvent.HANDOVER, EscEvent.MARK_REPAIRED, EscEvent.RELAPSE,
        EscEvent.MARK_REPAIRED, EscEvent.FILE_POST_INCIDENT, EscEvent.INTERVENE, EscEvent.CLOSE)) {
      at = at.plus(Duration.ofMinutes(10));
      int[] fit = FITTING[e.ordinal()];
      EscFault before = service.find("F");
      Outcome<FaultTracker> o = service.fire("F", e, DATA.get(fit[1]).apply(at), actor(fit[0], before), at);
      assertThat(o.violations()).as(e.name()).isEmpty();
    }
    EscFault closed = service.find("F");
    assertThat(closed.state()).isEqualTo(EscState.CLOSED);
    assertThat(closed.owner()).contains(EscHandler.B);
    assertThat(closed.relapses()).isEqualTo(1);
    assertThat(audit.read(EscWorkflow.stream("F"))).hasSize(12);
  }

  @Test
  @DisplayName("ESC-HANDLE-01 ESC-HANDLE-03 every assignment, handover and reassignment by anyone with any data leaves "
      + "the fault owned by the handler the owner is, B only while A is away")
  void everyAssignmentLeavesAHandlerAsOwner() {
    int acceptedSteps = 0;
    for (int owners = 0; owners < 3; owners++) {
      for (EscEvent event : List.of(EscEvent.TAKE_OWNERSHIP, EscEvent.HANDOVER, EscEvent.REASSIGN)) {
        for (Actor actor : ACTORS) {
          for (Function<Instant, EscEventData> data : DATA) {
            Store service = Store.create();
            service.service().open("F", data().facts(FaultFacts.builder().faultId("F").detectedAt(T0)
                .complaintCount(24).build()).build(),
                EscFixtures.DUTY, T0);
            service.fire("F", EscEvent.DECLARE, EscEventData.empty(), EscFixtures.DUTY, T0.plusSeconds(60));
            if (owners > 0) {
              service.fire("F", EscEvent.TAKE_OWNERSHIP, EscEventData.empty(), EscFixtures.A, T0.plusSeconds(120))
                  .orThrow();
            }
            if (owners > 1) {
              service.fire("F", EscEvent.HANDOVER, DATA.get(6).apply(T0), EscFixtures.A, T0.plusSeconds(180))
                  .orThrow();
            }
            Outcome<FaultTracker> o;
            try {
              o = service.fire("F", event, data.apply(T0), actor, T0.plusSeconds(240));
            } catch (InvalidInputException e) {
              continue;
            }
            if (o.isAccepted()) {
              acceptedSteps++;
              EscFault after = service.find("F");
              EscOwner owner = after.ownership().orElseThrow();
              assertThat(person(owner.id()).roles()).as("%s by %s with %s", event, actor.id(), data.apply(T0))
                  .contains(owner.handler().role());
              assertThat(owner.handler() == EscHandler.B && after.handlerAAvailable()).isFalse();
            }
          }
        }
      }
    }
    // the assertions above ran: some of these steps are allowed
    assertThat(acceptedSteps).isGreaterThan(10);
  }

  @Test
  @DisplayName("SM-ESC-T01..T11 ESC-HANDLE-03 invariants hold after every step of random event sequences by random actors")
  void randomSequences() {
    Set<EscEvent> everAccepted = EnumSet.noneOf(EscEvent.class);
    boolean[] bEverOwned = {false};
    qt().withExamples(300).forAll(lists().of(integers().between(0, Integer.MAX_VALUE).map(EscPropertiesTest::decode))
            .ofSizeBetween(1, 60), booleans().all(), booleans().all())
        .checkAssert((steps, escalated, selfDiscovered) -> {
          Store service = Store.create();
          InMemoryAuditLog audit = service.audit();
          FaultFacts facts = FaultFacts.builder().faultId("F").detectedAt(T0).complaintCount(escalated ? 24 : 0)
              .selfDiscovered(selfDiscovered).build();
          service.service().open("F", data().facts(facts).build(), EscFixtures.DUTY, T0);
          List<String> accepted = new ArrayList<>(List.of("openFault"));
          Instant at = T0;
          for (Step s : steps) {
            at = at.plus(Duration.ofMinutes(7));
            EscFault before = service.find("F");
            int records = audit.read(EscWorkflow.stream("F")).size();
            int history = service.faults().events("F").size();
            Actor actor = actor(s.actor(), before);
            Outcome<FaultTracker> o;
            try {
              o = service.fire("F", s.event(), DATA.get(s.data()).apply(at), actor, at);
            } catch (InvalidInputException e) {
              o = null;
            }
            EscFault after = service.find("F");
            if (o == null || !o.isAccepted()) {
              assertThat(after).isEqualTo(before);
              assertThat(audit.read(EscWorkflow.stream("F"))).hasSize(records);
              assertThat(service.faults().events("F")).hasSize(history);
              if (o != null) {
                assertThat(o.violations()).isNotEmpty();
                assertThat(o.instance().lifecycle()).contains(before);
              }
            } else {
              accepted.add(s.event().eventName());
              everAccepted.add(s.event());
              bEverOwned[0] |= after.owner().filter(h -> h == EscHandler.B).isPresent();
              assertThat(before.state()).isNotEqualTo(EscState.CLOSED);
              Transition<EscState, EscEvent, ?> t = EscWorkflow.table().find(before.state(), s.event());
              assertThat(t).isNotNull();
              if (t.to() != null) {
                assertThat(after.state()).isEqualTo(t.to());
              }
              assertThat(audit.read(EscWorkflow.stream("F"))).hasSize(records + 1);
              assertThat(service.faults().events("F")).hasSize(history + 1);
              assertThat(service.faults().events("F").get(history).type()).isEqualTo(s.event().type());
              AuditRecord last = audit.read(EscWorkflow.stream("F")).get(records);
              assertThat(last.entry().action()).isEqualTo(s.event().eventName());
              assertThat(last.entry().ruleIds()).contains(t.id());
              if (!EnumSet.of(EscEvent.TAKE_OWNERSHIP, EscEvent.HANDOVER, EscEvent.REASSIGN).contains(s.event())) {
                assertThat(after.ownership()).isEqualTo(before.ownership());
              }
              assertThat(after.peakLevel().isAtLeast(before.peakLevel())).isTrue();
            }
            assertThat(after.owner().filter(h -> h == EscHandler.B).isPresent() && after.handlerAAvailable())
                .as("B owns while A is available").isFalse();
            assertThat(after.ownership().isPresent()).isEqualTo(after.state().hasOwner());
            after.ownership().ifPresent(own -> assertThat(person(own.id()).roles())
                .as("ESC-HANDLE-01 the owner is the handler they own the fault as").contains(own.handler().role()));
          }
          List<AuditRecord> trail = audit.read(EscWorkflow.stream("F"));
          assertThat(trail).extracting(r -> r.entry().action()).containsExactlyElementsOf(accepted);
          assertThat(audit.verify(EscWorkflow.stream("F")).intact()).isTrue();
        });
    // the sequences reach every transition, B's ownership included: the invariants above were put to the test
    assertThat(everAccepted).containsAll(EnumSet.complementOf(EnumSet.of(EscEvent.OPEN_FAULT)));
    assertThat(bEverOwned[0]).isTrue();
  }
}
