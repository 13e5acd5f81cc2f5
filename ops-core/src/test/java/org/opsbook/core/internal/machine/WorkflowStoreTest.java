package org.opsbook.core.internal.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;

class WorkflowStoreTest {
  enum S { OPEN, APPROVED }

  enum E { APPROVE }

  /** A two-state ticket whose approval needs a second person. */
  record Ticket(String id, S state, String requester) {}

  private static final StateMachine<S, E, Ticket> SM = StateMachine.builder("SM-TOY", S.class, E.class, Ticket.class)
      .transition("SM-TOY-T01", S.OPEN, E.APPROVE, S.APPROVED).by(Role.BUSINESS_APPROVER)
      .guard("TOY-01", (t, a) -> a.id().equals(t.requester()) ? "self-approval" : null).add()
      .terminal(S.APPROVED).build();

  private static final Workflow<Ticket, E, String> TOY = new Workflow<>() {
    @Override
    public String machine() {
      return "SM-TOY";
    }

    @Override
    public String idOf(Ticket t) {
      return t.id();
    }

    @Override
    public String stateOf(Ticket t) {
      return t.state().name();
    }

    @Override
    public String eventName(E e) {
      return "approve";
    }

    @Override
    public Outcome<Ticket> create(Ticket draft, Actor actor, Instant at) {
      return Outcome.accepted(draft, null, entry(draft, actor, at, "create", null));
    }

    @Override
    public Outcome<Ticket> apply(Ticket t, E e, Actor actor, String data, Instant at) {
      if (data.isEmpty()) {
        throw new InvalidInputException("data", "empty");
      }
      Decision<S> d = SM.decide(t.state(), e, actor, t);
      if (!d.isAllowed()) {
        return Outcome.refused(t, d.transitionId(), d.violations());
      }
      Ticket after = new Ticket(t.id(), d.to(), t.requester());
      return Outcome.accepted(after, d.transitionId(), entry(after, actor, at, "approve", t.state()));
    }
  };

  private static AuditEntry entry(Ticket t, Actor a, Instant at, String action, S from) {
    AuditEntry.Builder b = AuditEntry.builder().stream("toy:" + t.id()).at(at).actorId(a.id()).action(action)
        .toState(t.state().name());
    if (from != null) {
      b.fromState(from.name());
    }
    return b.build();
  }

  private static final WorkflowCodec<Ticket, String> CODEC = new WorkflowCodec<>() {
    @Override
    public String encode(Ticket t) {
      return t.requester();
    }

    @Override
    public Ticket decode(WorkflowInstance stored) {
      return new Ticket(stored.id(), S.valueOf(stored.state()), stored.dataJson());
    }

    @Override
    public String encodeData(String data) {
      return "{\"note\":\"" + data + "\"}";
    }
  };

  private static final Instant T = Instant.parse("2026-11-25T02:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
  private static final Actor REQUESTER = Actor.of("a", Role.BUSINESS_APPROVER);
  private static final Actor APPROVER = Actor.of("b", Role.BUSINESS_APPROVER);

  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final InMemoryWorkflowRepository repo = new InMemoryWorkflowRepository(log);
  private final WorkflowStore<Ticket, E, String> store = new WorkflowStore<>(repo, TOY, CODEC, CLOCK);

  @Test
  void anAcceptedEventIsStoredWithItsTransitionAndSealedAuditEntry() {
    store.create(new Ticket("T-1", S.OPEN, "a"), REQUESTER, T);
    Outcome<Ticket> o = store.fire("T-1", E.APPROVE, APPROVER, "ok", T.plusSeconds(60));
    assertThat(o.isAccepted()).isTrue();
    WorkflowInstance i = repo.find("T-1").orElseThrow();
    assertThat(i.state()).isEqualTo("APPROVED");
    assertThat(i.version()).isEqualTo(1);
    assertThat(i.machine()).isEqualTo("SM-TOY");
    TransitionRecord t = repo.history("T-1").get(0);
    assertThat(t.transitionId()).contains(RuleId.of("SM-TOY-T01"));
    assertThat(t.dataJson()).isEqualTo("{\"note\":\"ok\"}");
    assertThat(t.fromState()).isEqualTo("OPEN");
    assertThat(log.read("toy:T-1")).extracting(r -> r.entry().action()).containsExactly("create", "approve");
    assertThat(store.find("T-1")).contains(new Ticket("T-1", S.APPROVED, "a"));
  }

  @Test
  void anInstanceLastChangedAtItsCreationThenAtItsLastAcceptedEvent() {
    assertThat(store.findStored("T-1")).isEmpty();
    store.create(new Ticket("T-1", S.OPEN, "a"), REQUESTER, T);
    assertThat(store.findStored("T-1")).contains(new WorkflowStore.Stored<>(new Ticket("T-1", S.OPEN, "a"), T, 0));
    assertThat(store.liveStored()).containsExactly(new WorkflowStore.Stored<>(new Ticket("T-1", S.OPEN, "a"), T, 0));
    store.fire("T-1", E.APPROVE, REQUESTER, "refused: the requester approves", T.plusSeconds(30));
    assertThat(store.findStored("T-1").map(WorkflowStore.Stored::changedAt)).as("a refusal changes nothing")
        .contains(T);
    store.fire("T-1", E.APPROVE, APPROVER, "ok", T.plusSeconds(60));
    assertThat(store.findStored("T-1")).contains(new WorkflowStore.Stored<>(new Ticket("T-1", S.APPROVED, "a"),
        T.plusSeconds(60), 1));
    assertThat(store.liveStored()).extracting(WorkflowStore.Stored::instance).isEqualTo(store.live());
  }

  @Test
  void aStepOnAVersionIsWrittenOnlyAtThatVersion() {
    store.create(new Ticket("T-1", S.OPEN, "a"), REQUESTER, T);
    assertThatThrownBy(() -> store.fire("T-1", 1, E.APPROVE, APPROVER, "ok", T.plusSeconds(60)))
        .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isZero();
        });
    assertThat(repo.history("T-1")).isEmpty();
    assertThat(store.fire("T-1", 0, E.APPROVE, APPROVER, "ok", T.plusSeconds(60)).isAccepted()).isTrue();
    assertThatThrownBy(() -> store.fire("T-1", 0, E.APPROVE, APPROVER, "ok", T.plusSeconds(90)))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(repo.history("T-1")).hasSize(1);
    assertThat(store.findStored("T-1").map(WorkflowStore.Stored::version)).contains(1L);
    assertThatThrownBy(() -> store.fire("T-1", -1, E.APPROVE, APPROVER, "ok", T.plusSeconds(90)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRefusalAndBadInputWriteNothing() {
    store.create(new Ticket("T-1", S.OPEN, "a"), REQUESTER, T);
    Outcome<Ticket> o = store.fire("T-1", E.APPROVE, REQUESTER, "ok", T);
    assertThat(o.violatedRules()).extracting(RuleId::value).containsExactly("TOY-01");
    assertThatThrownBy(() -> store.fire("T-1", E.APPROVE, APPROVER, "", T)).isInstanceOf(InvalidInputException.class);
    assertThat(repo.find("T-1").orElseThrow().version()).isZero();
    assertThat(repo.history("T-1")).isEmpty();
    assertThat(log.read("toy:T-1")).hasSize(1);
  }

  @Test
  void anUnknownInstanceIsInvalidInputAndADuplicateCreationAConcurrentUpdateThatSaysTheIdIsTaken() {
    assertThatThrownBy(() -> store.fire("nope", E.APPROVE, APPROVER, "x", T))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("instanceId"));
    store.create(new Ticket("T-1", S.OPEN, "a"), REQUESTER, T);
    assertThatThrownBy(() -> store.create(new Ticket("T-1", S.OPEN, "a"), REQUESTER, T))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessage("T-1 exists already (at version 0): nothing was created");
  }

  @Test
  void anOutcomeIsEitherAcceptedWithAuditOrRefusedWithViolations() {
    Ticket t = new Ticket("T", S.OPEN, "a");
    assertThatThrownBy(() -> Outcome.refused(t, null, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Outcome<>(t, null, List.of(Violation.of(RuleId.of("TOY-01"), "x")),
        java.util.Optional.of(entry(t, REQUESTER, T, "x", null)))).isInstanceOf(IllegalArgumentException.class);
    Outcome<Ticket> refused = Outcome.refused(t, null, List.of(Violation.of(RuleId.of("TOY-02"), "x"),
        Violation.of(RuleId.of("TOY-01"), "y"), Violation.of(RuleId.of("TOY-02"), "z")));
    assertThat(refused.violatedRules()).extracting(RuleId::value).containsExactly("TOY-01", "TOY-02");
  }

  @Test
  void listAndHistoryReadThisMachinesInstancesBack() {
    store.create(new Ticket("T-1", S.OPEN, "a"), REQUESTER, T);
    store.create(new Ticket("T-2", S.OPEN, "a"), REQUESTER, T.plusSeconds(1));
    store.fire("T-1", E.APPROVE, APPROVER, "ok", T.plusSeconds(60));
    repo.create(WorkflowInstance.builder().id("X-1").machine("SM-OTHER").state("OPEN").version(0).dataJson("a")
        .createdAt(T).updatedAt(T).build(), List.of());
    assertThat(store.list()).containsExactly(new Ticket("T-1", S.APPROVED, "a"), new Ticket("T-2", S.OPEN, "a"));
    assertThat(store.list(id -> id.endsWith("2"))).containsExactly(new Ticket("T-2", S.OPEN, "a"));
    assertThat(store.list(id -> id.startsWith("X"))).isEmpty();
    assertThat(store.history("T-1")).extracting(TransitionRecord::event).containsExactly("approve");
    assertThat(store.history("T-2")).isEmpty();
    assertThat(store.find("X-1")).isEmpty();
    assertThatThrownBy(() -> store.fire("X-1", E.APPROVE, APPROVER, "x", T))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("instanceId"));
  }

  @Test
  void aWorkflowNamesItsIdFieldAndACodecMayReadTheStoredVersion() {
    Workflow<Ticket, E, String> named = new Workflow<>() {
      @Override
      public String machine() {
        return TOY.machine();
      }

      @Override
      public String idOf(Ticket t) {
        return TOY.idOf(t);
      }

      @Override
      public String stateOf(Ticket t) {
        return TOY.stateOf(t);
      }

      @Override
      public String eventName(E e) {
        return TOY.eventName(e);
      }

      @Override
      public String idField() {
        return "ticketId";
      }

      @Override
      public Outcome<Ticket> create(Ticket draft, Actor actor, Instant at) {
        return TOY.create(draft, actor, at);
      }

      @Override
      public Outcome<Ticket> apply(Ticket t, E e, Actor actor, String data, Instant at) {
        return TOY.apply(t, e, actor, data, at);
      }
    };
    WorkflowCodec<Ticket, String> versioned = new WorkflowCodec<>() {
      @Override
      public String encode(Ticket t) {
        return CODEC.encode(t);
      }

      @Override
      public Ticket decode(WorkflowInstance stored) {
        return new Ticket(stored.id(), S.valueOf(stored.state()), stored.dataJson() + "@v" + stored.version());
      }

      @Override
      public String encodeData(String data) {
        return CODEC.encodeData(data);
      }
    };
    WorkflowStore<Ticket, E, String> s = new WorkflowStore<>(repo, named, versioned, CLOCK);
    s.create(new Ticket("T-1", S.OPEN, "a"), REQUESTER, T);
    assertThat(s.find("T-1")).contains(new Ticket("T-1", S.OPEN, "a@v0"));
    assertThat(CODEC.decode(repo.find("T-1").orElseThrow())).isEqualTo(new Ticket("T-1", S.OPEN, "a"));
    assertThatThrownBy(() -> s.fire("nope", E.APPROVE, APPROVER, "x", T))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ticketId"));
  }
}
