package org.opsbook.core.internal.machine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.RuleId;
import org.opsbook.core.Role;
import org.opsbook.core.Violation;

/**
 * A declared state machine: an immutable transition table built once and shared. {@link #decide} looks the
 * (state, event) pair up, checks who fires it and every guard, and returns a {@link Decision}; it changes nothing
 * itself, so a refusal cannot leave half a transition behind. Decisions that depend only on the table (a refusal for
 * want of a transition, an acceptance with a fixed target) are built once and shared, so deciding allocates nothing
 * unless a guard or role check fails.
 *
 * <pre>{@code
 * StateMachine<S, E, Ctx> sm = StateMachine.builder("SM-DATAOP-EXT", S.class, E.class, Ctx.class)
 *     .transition("SM-DATAOP-EXT-T06", S.EXTRACTED, E.PASS_REVIEW, S.REVIEWED)
 *         .by(Role.DATA_REVIEWER)
 *         .guard("DATAOP-EXT-05", "reviewerId", (c, a) -> c.isProcessor(a) ? "reviewer is a processor" : null)
 *         .records("reviewerId", "sampledNumbers")
 *         .add()
 *     .terminal(S.CLOSED, S.CANCELLED)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <S> the state type
 * @param <E> the event type
 * @param <C> what guards look at
 */
public final class StateMachine<S extends Enum<S>, E extends Enum<E>, C> {
  private final String id;
  private final Class<S> stateType;
  private final Class<E> eventType;
  private final Object[][] table;
  /** The refusal for each (state, event) pair without a transition: immutable, so built once and shared. */
  private final Object[][] refusals;
  private final ImmutableList<Transition<S, E, C>> transitions;
  private final ImmutableSet<S> terminal;
  private final Set<E> events;
  private final Map<E, Set<String>> recorded;
  private final Map<E, Map<String, RuleId>> required;

  private StateMachine(Builder<S, E, C> b) {
    this.id = b.id;
    this.stateType = b.stateType;
    this.eventType = b.eventType;
    this.transitions = ImmutableList.copyOf(b.transitions);
    this.terminal = ImmutableSet.copyOf(b.terminal);
    int states = stateType.getEnumConstants().length;
    int events = eventType.getEnumConstants().length;
    this.table = new Object[states][events];
    for (Transition<S, E, C> t : transitions) {
      int s = t.from().ordinal();
      int e = t.event().ordinal();
      checkArgument(table[s][e] == null, "%s: two transitions from %s on %s", id, t.from(), t.event());
      checkArgument(!terminal.contains(t.from()), "%s: terminal state %s has a transition", id, t.from());
      table[s][e] = t;
    }
    Set<E> declared = new LinkedHashSet<>();
    Map<E, Set<String>> rec = new EnumMap<>(eventType);
    Map<E, Map<String, RuleId>> req = new EnumMap<>(eventType);
    for (Transition<S, E, C> t : transitions) {
      declared.add(t.event());
      rec.computeIfAbsent(t.event(), e -> new LinkedHashSet<>()).addAll(t.records());
      req.computeIfAbsent(t.event(), e -> new LinkedHashMap<>()).putAll(t.required());
    }
    this.events = Collections.unmodifiableSet(declared);
    Map<E, Set<String>> recCopy = new EnumMap<>(eventType);
    rec.forEach((e, f) -> recCopy.put(e, ImmutableSet.copyOf(f)));
    this.recorded = Collections.unmodifiableMap(recCopy);
    Map<E, Map<String, RuleId>> reqCopy = new EnumMap<>(eventType);
    req.forEach((e, f) -> reqCopy.put(e, ImmutableMap.copyOf(f)));
    this.required = Collections.unmodifiableMap(reqCopy);
    this.refusals = new Object[states][events];
    for (S s : stateType.getEnumConstants()) {
      for (E e : eventType.getEnumConstants()) {
        if (table[s.ordinal()][e.ordinal()] == null) {
          refusals[s.ordinal()][e.ordinal()] = new Decision<>(s, s, null, ImmutableList.of(noTransition(s, e)));
        }
      }
    }
  }

  /** Returns a builder for a machine named {@code id} (e.g. {@code SM-DATAOP-MOD}). */
  public static <S extends Enum<S>, E extends Enum<E>, C> Builder<S, E, C> builder(String id, Class<S> stateType,
      Class<E> eventType, Class<C> contextType) {
    return new Builder<>(id, stateType, eventType);
  }

  /** Returns the machine's name. */
  public String id() {
    return id;
  }

  /** Returns every declared transition, in declaration order. */
  public List<Transition<S, E, C>> transitions() {
    return transitions;
  }

  /** Returns the terminal (absorbing) states. */
  public Set<S> terminalStates() {
    return terminal;
  }

  /** Returns true when {@code state} absorbs every event. */
  public boolean isTerminal(S state) {
    return terminal.contains(state);
  }

  /** Returns the transition for (state, event), or null. */
  @SuppressWarnings("unchecked")
  public Transition<S, E, C> find(S state, E event) {
    return (Transition<S, E, C>) table[state.ordinal()][event.ordinal()];
  }

  /** Returns the events that have a transition, in declaration order of their first one. */
  public Set<E> events() {
    return events;
  }

  /**
   * Returns the data fields {@code event} may carry: what its transitions record, declared once on them. Empty for
   * an event without transitions.
   */
  public Set<String> recordedFields(E event) {
    return recorded.getOrDefault(event, ImmutableSet.of());
  }

  /** Returns the data fields {@code event} must carry, each with the rule that demands it. */
  public Map<String, RuleId> requiredFields(E event) {
    return required.getOrDefault(event, ImmutableMap.of());
  }

  /** Returns the events that have a transition from {@code state}. */
  public Set<E> eventsFrom(S state) {
    Set<E> out = EnumSet.noneOf(eventType);
    for (Transition<S, E, C> t : transitions) {
      if (t.from() == state) {
        out.add(t.event());
      }
    }
    return out;
  }

  /** Returns the rules whose guards {@code event} checks in {@code state}, sorted; empty when it has no transition. */
  public SortedSet<RuleId> guardRules(S state, E event) {
    Transition<S, E, C> t = find(state, event);
    return t == null ? ImmutableSortedSet.of() : t.guardRules();
  }

  /**
   * Starts the audit entry of an accepted decision: the stream, time, actor, action and the state after, and as its
   * rules the transition and every guard it checked. The caller adds the state before (a creation has none) and
   * the evidence.
   *
   * @param accepted an accepted decision of this machine
   * @param event the event it decided
   * @throws IllegalArgumentException when the decision was refused
   */
  public AuditEntry.Builder auditOf(Decision<S> accepted, E event, String stream, String action, Actor actor,
      Instant at) {
    checkArgument(accepted.isAllowed(), "%s: a refused decision has no audit entry", id);
    Transition<S, E, C> t = find(accepted.from(), event);
    checkArgument(t != null && t.id().equals(accepted.transitionId()), "%s: the decision is not %s's from %s", id,
        event, accepted.from());
    return AuditEntry.builder().stream(stream).at(at).actorId(actor.id()).action(action)
        .toState(accepted.to().name()).addAllRuleIds(t.ruleIds());
  }

  /**
   * Decides {@code event} fired by {@code actor} in {@code state}. Checks, in order: that a transition exists for
   * the pair, that the actor holds one of its roles, and every guard; every failure is listed.
   *
   * @return the decision; never throws for a refused event
   */
  @SuppressWarnings("unchecked")
  public Decision<S> decide(S state, E event, Actor actor, C context) {
    checkNotNull(state, "state");
    checkNotNull(event, "event");
    checkNotNull(actor, "actor");
    Transition<S, E, C> t = find(state, event);
    if (t == null) {
      return (Decision<S>) refusals[state.ordinal()][event.ordinal()];
    }
    List<Violation> violations = null;
    if (!t.anyoneMayFire() && !actor.hasAnyRole(t.roles())) {
      violations = new ArrayList<>(2);
      violations.add(Violation.of(t.id(), "actor",
          "actor " + actor.id() + " holds none of " + t.roles() + " to fire " + event));
    }
    ImmutableList<Guard<C>> guards = t.guards();
    for (int i = 0; i < guards.size(); i++) {
      Guard<C> g = guards.get(i);
      String failure = g.check().failure(context, actor);
      if (failure != null) {
        if (violations == null) {
          violations = new ArrayList<>(2);
        }
        violations.add(g.field() == null ? Violation.of(g.ruleId(), failure)
            : Violation.of(g.ruleId(), g.field(), failure));
      }
    }
    if (violations != null) {
      return new Decision<>(state, state, t.id(), violations);
    }
    Decision<S> accepted = t.accepted();
    return accepted != null ? accepted : new Decision<>(state, t.targetFor(context), t.id(), ImmutableList.of());
  }

  private Violation noTransition(S state, E event) {
    Set<RuleId> ids = new HashSet<>();
    List<String> froms = new ArrayList<>();
    for (Transition<S, E, C> t : transitions) {
      if (t.event() == event) {
        ids.add(t.id());
        froms.add(t.from().name());
      }
    }
    String why = terminal.contains(state)
        ? event + " is not allowed: " + state + " is terminal"
        : event + " is not allowed in state " + state + (froms.isEmpty() ? "" : " (only from " + froms + ")");
    RuleId rule = ids.size() == 1 ? ids.iterator().next() : RuleId.of(id + "-00");
    return Violation.of(rule, "event", why);
  }

  /** Returns the transition table as Markdown, for documentation. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("| ID | From → To | Event | Who may fire | Guards | Must record |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Transition<S, E, C> t : transitions) {
      List<String> guardIds = new ArrayList<>();
      for (Guard<C> g : t.guards()) {
        guardIds.add(g.ruleId().value());
      }
      sb.append("| ").append(t.id()).append(" | ").append(t.from()).append(" → ")
          .append(t.to() == null ? "(by data)" : t.to()).append(" | ").append(t.event()).append(" | ")
          .append(t.roles().isEmpty() ? "anyone" : t.roles()).append(" | ")
          .append(guardIds.isEmpty() ? "—" : String.join(", ", guardIds)).append(" | ")
          .append(t.stamps().isEmpty() && t.records().isEmpty() ? "—"
              : String.join(", ", ImmutableList.<String>builder().addAll(t.stamps()).addAll(t.records()).build()))
          .append(" |\n");
    }
    return sb.toString();
  }

  /** Builds a {@link StateMachine}. Not thread-safe. */
  public static final class Builder<S extends Enum<S>, E extends Enum<E>, C> {
    private final String id;
    private final Class<S> stateType;
    private final Class<E> eventType;
    private final List<Transition<S, E, C>> transitions = new ArrayList<>();
    private final Set<S> terminal = new HashSet<>();

    private Builder(String id, Class<S> stateType, Class<E> eventType) {
      this.id = checkNotNull(id, "id");
      this.stateType = checkNotNull(stateType, "stateType");
      this.eventType = checkNotNull(eventType, "eventType");
    }

    /** Starts declaring transition {@code transitionId} from {@code from} on {@code event} to {@code to}. */
    public TransitionBuilder transition(String transitionId, S from, E event, S to) {
      return new TransitionBuilder(RuleId.of(transitionId), from, event, checkNotNull(to, "to"), null);
    }

    /** Starts declaring a transition whose target state is chosen from the data. */
    public TransitionBuilder transition(String transitionId, S from, E event, Function<C, S> target) {
      return new TransitionBuilder(RuleId.of(transitionId), from, event, null, checkNotNull(target, "target"));
    }

    /** Declares absorbing states: no transition leaves them. */
    @SafeVarargs
    public final Builder<S, E, C> terminal(S... states) {
      terminal.addAll(Arrays.asList(states));
      return this;
    }

    /** Returns the machine; rejects two transitions for one (state, event) pair. */
    public StateMachine<S, E, C> build() {
      return new StateMachine<>(this);
    }

    /** Declares one transition. */
    public final class TransitionBuilder {
      private final RuleId transitionId;
      private final S from;
      private final E event;
      private final S to;
      private final Function<C, S> target;
      private final Set<Role> roles = new HashSet<>();
      private final List<Guard<C>> guards = new ArrayList<>();
      private final List<String> records = new ArrayList<>();
      private final Map<String, RuleId> required = new LinkedHashMap<>();
      private final List<String> stamps = new ArrayList<>();

      private TransitionBuilder(RuleId transitionId, S from, E event, S to, Function<C, S> target) {
        this.transitionId = transitionId;
        this.from = checkNotNull(from, "from");
        this.event = checkNotNull(event, "event");
        this.to = to;
        this.target = target;
      }

      /** Sets the roles that may fire the transition; any one suffices. */
      public TransitionBuilder by(Role... allowed) {
        roles.addAll(Arrays.asList(allowed));
        return this;
      }

      /** Adds a guard named by {@code ruleId}. */
      public TransitionBuilder guard(String ruleId, GuardCheck<C> check) {
        guards.add(Guard.of(ruleId, check));
        return this;
      }

      /** Adds a guard named by {@code ruleId} about {@code field}. */
      public TransitionBuilder guard(String ruleId, String field, GuardCheck<C> check) {
        guards.add(Guard.of(ruleId, field, check));
        return this;
      }

      /** Declares the data fields the event may carry on this transition (the only ones accepted). */
      public TransitionBuilder records(String... fields) {
        for (String f : fields) {
          if (!records.contains(f)) {
            records.add(f);
          }
        }
        return this;
      }

      /**
       * Declares data fields the event must carry on this transition, demanded by {@code ruleId}; they are recorded
       * too. A workflow kernel refuses an event without them, naming the field and the rule.
       */
      public TransitionBuilder requires(String ruleId, String... fields) {
        records(fields);
        for (String f : fields) {
          required.put(f, RuleId.of(ruleId));
        }
        return this;
      }

      /**
       * Declares what the transition records of itself (its actor and time, under the manual's names, e.g.
       * {@code businessApprovedAt}); the event's data may not state them.
       */
      public TransitionBuilder stamps(String... fields) {
        stamps.addAll(Arrays.asList(fields));
        return this;
      }

      /** Adds the transition to the machine. */
      public Builder<S, E, C> add() {
        transitions.add(new Transition<>(transitionId, from, event, to, target, ImmutableSet.copyOf(roles),
            ImmutableList.copyOf(guards), ImmutableList.copyOf(records), ImmutableMap.copyOf(required),
            ImmutableList.copyOf(stamps)));
        return Builder.this;
      }
    }
  }
}
