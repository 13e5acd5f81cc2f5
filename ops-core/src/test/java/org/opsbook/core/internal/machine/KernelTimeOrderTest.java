package org.opsbook.core.internal.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;

/**
 * The kernel's own rules on a toy family: data declared once on the transition (recorded and required fields), and
 * the time order of steps (OPS-TIME-01/02/03) over random dated sequences, pure and through the store.
 */
class KernelTimeOrderTest {
  enum S { DRAFT, OPEN, DONE }

  enum E { SUBMIT, NOTE, CLOSE }

  /** A toy instance: its state, when it was submitted and when its last step was. */
  record Toy(String id, S state, Optional<Instant> submittedAt, Optional<Instant> lastAt) {}

  /** The event's data: a note and a time it states. */
  record Data(Optional<String> note, Optional<Instant> checkedAt) {
    java.util.Set<String> fields() {
      java.util.Set<String> f = new java.util.TreeSet<>();
      note.ifPresent(n -> f.add("note"));
      checkedAt.ifPresent(n -> f.add("checkedAt"));
      return f;
    }
  }

  private static final StateMachine<S, E, Toy> TABLE = StateMachine.builder("SM-TOY", S.class, E.class, Toy.class)
      .transition("SM-TOY-T01", S.DRAFT, E.SUBMIT, S.OPEN).stamps("submittedAt").add()
      .transition("SM-TOY-T02", S.OPEN, E.NOTE, S.OPEN).requires("TOY-02", "note").records("checkedAt").add()
      .transition("SM-TOY-T03", S.OPEN, E.CLOSE, S.DONE).records("checkedAt").add()
      .terminal(S.DONE).build();

  private static final Kernel<Toy, S, E, Data, Toy> KERNEL = Kernel.of(Kernel.<Toy, S, E, Data, Toy>spec(TABLE)
      .id(Toy::id, "toyId").state(Toy::state).eventName(e -> e.name().toLowerCase())
      .stream(t -> "toy:" + t.id()).fields(Data::fields).context((t, d, at) -> t)
      .createdIn(S.DRAFT, "create")
      .effect((t, to, e, a, d, at) -> new Toy(t.id(), to, e == E.SUBMIT ? Optional.of(at) : t.submittedAt(),
          Optional.of(at)))
      .times(Toy::lastAt, Toy::submittedAt)
      .statedTimes(d -> d.checkedAt().map(c -> Map.of("checkedAt", c)).orElse(Map.of())));

  private static final WorkflowCodec<Toy, Data> CODEC = new WorkflowCodec<>() {
    @Override
    public String encode(Toy t) {
      return t.submittedAt().map(Instant::toString).orElse("") + "|" + t.lastAt().map(Instant::toString).orElse("");
    }

    @Override
    public Toy decode(WorkflowInstance stored) {
      String[] p = stored.dataJson().split("\\|", -1);
      return new Toy(stored.id(), S.valueOf(stored.state()), p[0].isEmpty() ? Optional.empty()
          : Optional.of(Instant.parse(p[0])), p[1].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(p[1])));
    }

    @Override
    public String encodeData(Data d) {
      return d.toString();
    }
  };

  private static final Instant T = Instant.parse("2026-11-25T02:00:00Z");
  private static final Actor ACTOR = Actor.of("a", Role.DATA_SUBMITTER);
  private static final Data NOTE = new Data(Optional.of("n"), Optional.empty());
  private static final Data NONE = new Data(Optional.empty(), Optional.empty());

  private static Toy draft() {
    return new Toy("X", S.DRAFT, Optional.empty(), Optional.empty());
  }

  @Test
  @DisplayName("the data an event may and must carry is what its transitions declare, once")
  void dataDeclaredOnTheTransition() {
    Toy open = KERNEL.apply(draft(), E.SUBMIT, ACTOR, NONE, T).orThrow();
    assertThat(KERNEL.recordedFields(E.NOTE)).containsExactly("note", "checkedAt");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KERNEL.apply(open, E.NOTE, ACTOR, NONE, T))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("data.note");
          assertThat(e.getMessage()).contains("TOY-02");
        });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KERNEL.apply(draft(), E.SUBMIT, ACTOR, NOTE, T))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("data.note"));
    assertThat(TABLE.describe()).contains("submittedAt");
  }

  @Test
  @DisplayName("OPS-TIME-01 OPS-TIME-02 over random dated sequences: a step is accepted exactly when it is not "
      + "before the previous step, nor it or a time it states before submission")
  void randomDatedSequences() {
    qt().withExamples(300).forAll(lists().of(integers().between(-3, 3)).ofSizeBetween(1, 12),
            lists().of(integers().between(-3, 3)).ofSizeBetween(12, 12))
        .checkAssert((offsets, stated) -> {
          Toy t = KERNEL.apply(draft(), E.SUBMIT, ACTOR, NONE, T).orThrow();
          Instant submitted = T;
          Instant previous = T;
          Instant now = T;
          for (int i = 0; i < offsets.size(); i++) {
            Instant at = now.plus(Duration.ofHours(offsets.get(i)));
            Instant checked = at.plus(Duration.ofHours(stated.get(i)));
            Outcome<Toy> o = KERNEL.apply(t, E.NOTE, ACTOR, new Data(Optional.of("n"), Optional.of(checked)), at);
            boolean inOrder = !at.isBefore(previous) && !checked.isBefore(submitted);
            assertThat(o.isAccepted()).as("step at %s after %s, states %s", at, previous, checked)
                .isEqualTo(inOrder);
            if (o.isAccepted()) {
              assertThat(o.audit().orElseThrow().at()).isEqualTo(at);
              t = o.instance();
              previous = at;
            } else {
              assertThat(o.instance()).isEqualTo(t);
              assertThat(o.violatedRules()).isNotEmpty()
                  .allMatch(r -> r.value().startsWith("OPS-TIME-0"));
              assertThat(o.audit()).isEmpty();
            }
            now = at;
          }
        });
  }

  @Test
  @DisplayName("OPS-TIME-01 OPS-TIME-03 through the store: what is stored is in time order and never past the skew; a "
      + "step up to the skew before the last is a clock behind another's, recorded at the last step's time")
  void storeKeepsStepsInOrder() {
    qt().withExamples(100).forAll(lists().of(integers().between(-20, 20)).ofSizeBetween(1, 10))
        .checkAssert(minutes -> {
          InMemoryWorkflowRepository repo = new InMemoryWorkflowRepository(new InMemoryAuditLog());
          WorkflowStore<Toy, E, Data> store = new WorkflowStore<>(repo, KERNEL, CODEC, Clock.fixed(T,
              ZoneOffset.UTC));
          store.create(draft(), ACTOR, T).orThrow();
          store.fire("X", E.SUBMIT, ACTOR, NONE, T).orThrow();
          Instant last = T;
          for (int m : minutes) {
            Instant at = T.plus(Duration.ofMinutes(m));
            Outcome<Toy> o = store.fire("X", E.NOTE, ACTOR, NOTE, at);
            Instant recorded = at.isBefore(last) && !at.isBefore(last.minus(TimeOrder.DEFAULT_SKEW)) ? last : at;
            boolean ok = !at.isBefore(last.minus(TimeOrder.DEFAULT_SKEW))
                && !recorded.isAfter(T.plus(TimeOrder.DEFAULT_SKEW));
            assertThat(o.isAccepted()).as("%s after %s", at, last).isEqualTo(ok);
            if (!ok) {
              assertThat(o.violatedRules()).as("%s after %s", at, last).contains(RuleId.of(
                  recorded.isAfter(T.plus(TimeOrder.DEFAULT_SKEW)) ? "OPS-TIME-03" : "OPS-TIME-01"));
            }
            if (ok) {
              assertThat(o.audit().orElseThrow().at()).isEqualTo(recorded);
              last = recorded;
            }
          }
          List<Instant> times = store.history("X").stream().map(r -> r.at()).toList();
          assertThat(times).isSorted();
        });
  }
}
