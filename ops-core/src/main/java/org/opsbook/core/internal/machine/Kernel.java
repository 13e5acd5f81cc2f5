package org.opsbook.core.internal.machine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Violation;

/**
 * The one workflow kernel every declared workflow family runs on. A family supplies its declared table (a
 * {@link StateMachine}: transitions, roles, guards, and on each transition the data it records and requires), its
 * effects (how an accepted event changes the instance), its own input checks, its evidence and where its instances
 * keep their times. The kernel does the rest, the same way for every family:
 *
 * <ol>
 *   <li>the family's input checks (bad input throws {@link InvalidInputException} naming the field);
 *   <li>the data checks taken from the table: the event's data may hold only fields its transitions record, and
 *       must hold those they require (naming the field and the demanding rule);
 *   <li>the time-order rules {@link TimeOrder OPS-TIME-01 and OPS-TIME-02}: a step is not dated before the
 *       instance's previous step, and neither it nor a time its data states lies before the instance's opening;
 *   <li>the decision: roles and every guard; a refusal lists every violation (decision and time order) and
 *       changes nothing;
 *   <li>on acceptance the family's effect, and one audit entry: stream, time, actor, action (the event's public
 *       name), the states before and after, the transition's and its guards' rule IDs, and the family's evidence.
 * </ol>
 *
 * <p>Creation is one way for every family: {@link #create} either applies the declared creating event (e.g.
 * {@code raiseBug}, {@code create}) to a draft in the event's from-state, or, for a family without one, accepts a
 * draft in its declared initial state with the audit action the family names ({@code create}, {@code plan}).
 * Either way the audit entry has no from-state and the family's evidence adds the stated facts.
 *
 * <p>The {@link org.opsbook.core.internal.machine.WorkflowStore} adds what only it knows: the stored time of the previous
 * step and of creation, and its clock (OPS-TIME-03). Immutable and thread-safe when the family's functions are.
 *
 * @param <I> the instance type
 * @param <S> the state type
 * @param <E> the event type
 * @param <D> the event data type
 * @param <C> what the table's guards look at
 */
public class Kernel<I, S extends Enum<S>, E extends Enum<E>, D, C> implements Workflow<I, E, D> {
  /** Builds what the guards look at from the instance before the event, the event's data and its time. */
  @FunctionalInterface
  public interface Context<I, D, C> {
    /** Returns the guards' context. */
    C of(I instance, D data, Instant at);
  }

  /** How an accepted event changes the instance. */
  @FunctionalInterface
  public interface Effect<I, S, E, D> {
    /** Returns the instance after {@code event}, in state {@code to}. */
    I apply(I before, S to, E event, Actor actor, D data, Instant at);
  }

  /** A family's own input checks, run before anything is decided; they throw {@link InvalidInputException}. */
  @FunctionalInterface
  public interface Check<I, E, D> {
    /** Checks {@code event} with {@code data} on {@code instance}; {@code event} is null for a creation. */
    void check(I instance, E event, D data);
  }

  /** Adds a family's evidence to an accepted event's audit entry. */
  @FunctionalInterface
  public interface Evidence<I, E, D> {
    /**
     * Adds details (and rule IDs) to {@code audit}; {@code event} and {@code data} are null for a creation without
     * a creating event.
     */
    void add(I before, I after, E event, D data, AuditEntry.Builder audit);
  }

  /** Chooses which of an accepted transition's declared rules its audit entry names (all, by default). */
  @FunctionalInterface
  public interface AuditRules<I, E, D> {
    /** Returns the rules to name, from {@code declared}: the transition's and its guards'. */
    java.util.Collection<org.opsbook.core.RuleId> of(I before, E event, D data,
        java.util.SortedSet<org.opsbook.core.RuleId> declared);
  }

  private final StateMachine<S, E, C> table;
  private final Set<String> liveStates;
  private final Function<I, String> id;
  private final String idField;
  private final Function<I, S> state;
  private final Function<E, String> eventName;
  private final Function<I, String> stream;
  private final Function<D, Set<String>> fields;
  private final Context<I, D, C> context;
  private final Effect<I, S, E, D> effect;
  private final Check<I, E, D> check;
  private final Evidence<I, E, D> evidence;
  private final E creating;
  private final Function<I, D> creationData;
  private final S initial;
  private final String createAction;
  private final Function<I, Optional<Instant>> previousStepAt;
  private final Function<I, Optional<Instant>> openedAt;
  private final Function<D, Map<String, Instant>> statedTimes;
  private final Duration skew;
  private final AuditRules<I, E, D> auditRules;

  /** Creates the kernel of the family {@code spec} describes. */
  protected Kernel(Spec<I, S, E, D, C> spec) {
    this.table = checkNotNull(spec.table, "table");
    this.liveStates = liveStatesOf(table);
    this.id = checkNotNull(spec.id, "id");
    this.idField = spec.idField;
    this.state = checkNotNull(spec.state, "state");
    this.eventName = checkNotNull(spec.eventName, "eventName");
    this.stream = checkNotNull(spec.stream, "stream");
    this.fields = spec.fields;
    this.context = checkNotNull(spec.context, "context");
    this.effect = checkNotNull(spec.effect, "effect");
    this.check = spec.check;
    this.evidence = spec.evidence;
    this.creating = spec.creating;
    this.creationData = spec.creationData;
    this.initial = spec.initial;
    this.createAction = spec.createAction;
    this.previousStepAt = spec.previousStepAt;
    this.openedAt = spec.openedAt;
    this.statedTimes = spec.statedTimes;
    this.skew = spec.skew;
    this.auditRules = spec.auditRules;
    checkArgument(creating != null ? creationData != null : initial != null,
        "%s: declare a creating event with its data, or an initial state", table.id());
  }

  /** Returns the kernel of the family {@code spec} describes. */
  public static <I, S extends Enum<S>, E extends Enum<E>, D, C> Kernel<I, S, E, D, C> of(Spec<I, S, E, D, C> spec) {
    return new Kernel<>(spec);
  }

  /** Starts the description of a family on {@code table}. */
  public static <I, S extends Enum<S>, E extends Enum<E>, D, C> Spec<I, S, E, D, C> spec(StateMachine<S, E, C> table) {
    return new Spec<>(table);
  }

  /** Returns the declared table. */
  public final StateMachine<S, E, C> table() {
    return table;
  }

  /** Returns the data fields {@code event} records (the only ones it accepts), as declared on its transitions. */
  public final Set<String> recordedFields(E event) {
    return table.recordedFields(event);
  }

  /** Returns the transition table as Markdown. */
  public final String describe() {
    return table.describe();
  }

  /** Returns the rules whose guards {@code event} checks in {@code state}, sorted; empty without a transition. */
  public final java.util.SortedSet<org.opsbook.core.RuleId> guardRules(S state, E event) {
    return table.guardRules(state, event);
  }

  @Override
  public final String machine() {
    return table.id();
  }

  @Override
  public final List<Transition<S, E, C>> transitionsFrom(String stateName) {
    return table.transitions().stream().filter(t -> t.from().name().equals(stateName)).toList();
  }

  @Override
  public final Optional<Set<String>> liveStates() {
    return Optional.of(liveStates);
  }

  /** Every state of {@code table} but the terminal ones, by name. */
  private static <S extends Enum<S>> Set<String> liveStatesOf(StateMachine<S, ?, ?> table) {
    Set<String> live = new TreeSet<>();
    table.transitions().stream().findFirst().ifPresent(t -> {
      for (S s : t.from().getDeclaringClass().getEnumConstants()) {
        if (!table.isTerminal(s)) {
          live.add(s.name());
        }
      }
    });
    return java.util.Collections.unmodifiableSet(live);
  }

  @Override
  public final String idOf(I instance) {
    return id.apply(instance);
  }

  @Override
  public final String stateOf(I instance) {
    return state.apply(instance).name();
  }

  @Override
  public final String eventName(E event) {
    return eventName.apply(event);
  }

  @Override
  public final String idField() {
    return idField;
  }

  /**
   * Creates an instance from {@code draft}: applies the creating event (decided from its declared from-state; the
   * draft may be in that state or already in its target), or accepts a draft in the initial state.
   *
   * @throws InvalidInputException naming {@code state} when the draft is not where a creation starts, or what the
   *     family's checks name
   */
  @Override
  public final Outcome<I> create(I draft, Actor actor, Instant at) {
    checkNotNull(draft, "draft");
    checkNotNull(actor, "actor");
    checkNotNull(at, "at");
    S s = state.apply(draft);
    if (creating != null) {
      Transition<S, E, C> t = table.transitions().stream().filter(x -> x.event() == creating).findFirst()
          .orElseThrow();
      if (s != t.from() && s != t.to()) {
        throw new InvalidInputException("state", "a new " + table.id() + " instance is drafted in " + t.from()
            + (t.to() == null ? "" : " or " + t.to()) + ", not " + s);
      }
      return step(draft, t.from(), creating, actor, creationData.apply(draft), at);
    }
    if (s != initial) {
      throw new InvalidInputException("state", "a new " + table.id() + " instance starts in " + initial + ", not " + s);
    }
    if (check != null) {
      check.check(draft, null, null);
    }
    AuditEntry.Builder audit = AuditEntry.builder().stream(stream.apply(draft)).at(at).actorId(actor.id())
        .action(createAction).toState(s.name());
    if (evidence != null) {
      evidence.add(draft, draft, null, null, audit);
    }
    return Outcome.accepted(draft, null, audit.build());
  }

  /**
   * Applies {@code event} fired by {@code actor} with {@code data} at {@code at}.
   *
   * @return the new instance and its audit entry, or a refusal listing every violation with the instance unchanged
   * @throws InvalidInputException naming the field when the data holds a field the event does not record, lacks one
   *     it requires, or fails the family's checks; nothing is changed
   */
  @Override
  public final Outcome<I> apply(I instance, E event, Actor actor, D data, Instant at) {
    checkNotNull(instance, "instance");
    checkNotNull(event, "event");
    checkNotNull(actor, "actor");
    checkNotNull(data, "data");
    checkNotNull(at, "at");
    return step(instance, state.apply(instance), event, actor, data, at);
  }

  private Outcome<I> step(I instance, S from, E event, Actor actor, D data, Instant at) {
    if (check != null) {
      check.check(instance, event, data);
    }
    checkData(event, data);
    List<Violation> late = TimeOrder.ofStep(at, previousStepAt.apply(instance), openedAt.apply(instance),
        statedTimes.apply(data), skew);
    Decision<S> d = table.decide(from, event, actor, context.of(instance, data, at));
    if (!d.isAllowed() || !late.isEmpty()) {
      List<Violation> all = new ArrayList<>(d.violations());
      all.addAll(late);
      return Outcome.refused(instance, d.transitionId(), all);
    }
    I after = effect.apply(instance, d.to(), event, actor, data, at);
    AuditEntry.Builder audit;
    if (auditRules == null) {
      audit = table.auditOf(d, event, stream.apply(instance), eventName.apply(event), actor, at);
    } else {
      audit = AuditEntry.builder().stream(stream.apply(instance)).at(at).actorId(actor.id())
          .action(eventName.apply(event)).toState(d.to().name())
          .addAllRuleIds(auditRules.of(instance, event, data, table.find(from, event).ruleIds()));
    }
    if (event != creating) {
      audit.fromState(from.name());
    }
    if (evidence != null) {
      evidence.add(instance, after, event, data, audit);
    }
    return Outcome.accepted(after, d.transitionId(), audit.build());
  }

  private void checkData(E event, D data) {
    if (fields == null) {
      return;
    }
    if (!table.events().contains(event)) {
      throw new InvalidInputException("event", eventName.apply(event) + " is not an event of " + table.id()
          + "; events: " + table.events().stream().map(eventName).toList());
    }
    Set<String> present = fields.apply(data);
    Set<String> recorded = table.recordedFields(event);
    for (String f : present) {
      if (!recorded.contains(f)) {
        throw new InvalidInputException("data." + f, eventName.apply(event) + " does not record " + f
            + "; it records " + new TreeSet<>(recorded));
      }
    }
    table.requiredFields(event).forEach((f, rule) -> {
      if (!present.contains(f)) {
        throw new InvalidInputException("data." + f, eventName.apply(event) + " must record " + f, rule);
      }
    });
  }

  /**
   * What a family supplies to the kernel. Required: the table, the instance's ID and state, the event's name, the
   * audit stream, the guards' context, the effect, and either a creating event with the data a draft brings to it,
   * or an initial state. Not thread-safe; the kernel copies what it needs.
   */
  public static final class Spec<I, S extends Enum<S>, E extends Enum<E>, D, C> {
    private final StateMachine<S, E, C> table;
    private Function<I, String> id;
    private String idField = "instanceId";
    private Function<I, S> state;
    private Function<E, String> eventName;
    private Function<I, String> stream;
    private Function<D, Set<String>> fields;
    private Context<I, D, C> context;
    private Effect<I, S, E, D> effect;
    private Check<I, E, D> check;
    private Evidence<I, E, D> evidence;
    private E creating;
    private Function<I, D> creationData;
    private S initial;
    private String createAction = "create";
    private Function<I, Optional<Instant>> previousStepAt = i -> Optional.empty();
    private Function<I, Optional<Instant>> openedAt = i -> Optional.empty();
    private Function<D, Map<String, Instant>> statedTimes = d -> Map.of();
    private Duration skew = TimeOrder.DEFAULT_SKEW;
    private AuditRules<I, E, D> auditRules;

    private Spec(StateMachine<S, E, C> table) {
      this.table = checkNotNull(table, "table");
    }

    /** The instance's ID, and the name hosts know it by (e.g. {@code bugId}). */
    public Spec<I, S, E, D, C> id(Function<I, String> f, String field) {
      this.id = f;
      this.idField = checkNotNull(field, "field");
      return this;
    }

    /** The instance's state. */
    public Spec<I, S, E, D, C> state(Function<I, S> f) {
      this.state = f;
      return this;
    }

    /** The public name of an event, e.g. {@code passReview}. */
    public Spec<I, S, E, D, C> eventName(Function<E, String> f) {
      this.eventName = f;
      return this;
    }

    /** The audit stream of an instance, e.g. {@code bug:<id>}. */
    public Spec<I, S, E, D, C> stream(Function<I, String> f) {
      this.stream = f;
      return this;
    }

    /**
     * The fields an event's data holds; with it the kernel checks them against what the transitions record and
     * require. Without it (data that is not a set of fields) there is no such check.
     */
    public Spec<I, S, E, D, C> fields(Function<D, Set<String>> f) {
      this.fields = f;
      return this;
    }

    /** What the guards look at. */
    public Spec<I, S, E, D, C> context(Context<I, D, C> f) {
      this.context = f;
      return this;
    }

    /** How an accepted event changes the instance. */
    public Spec<I, S, E, D, C> effect(Effect<I, S, E, D> f) {
      this.effect = f;
      return this;
    }

    /** The family's own input checks. */
    public Spec<I, S, E, D, C> check(Check<I, E, D> f) {
      this.check = f;
      return this;
    }

    /** The family's evidence for audit entries. */
    public Spec<I, S, E, D, C> evidence(Evidence<I, E, D> f) {
      this.evidence = f;
      return this;
    }

    /** Creation applies {@code event} (declared from a pseudo-state) with the data {@code data} takes from a draft. */
    public Spec<I, S, E, D, C> createdBy(E event, Function<I, D> data) {
      this.creating = checkNotNull(event, "event");
      this.creationData = checkNotNull(data, "data");
      return this;
    }

    /** Creation accepts a draft in {@code state}, audited as {@code action}. */
    public Spec<I, S, E, D, C> createdIn(S state, String action) {
      this.initial = checkNotNull(state, "state");
      this.createAction = checkNotNull(action, "action");
      return this;
    }

    /**
     * Where an instance keeps its times: its previous step's (OPS-TIME-01), and its creation's or submission's
     * (OPS-TIME-02).
     */
    public Spec<I, S, E, D, C> times(Function<I, Optional<Instant>> previousStep,
        Function<I, Optional<Instant>> opened) {
      this.previousStepAt = checkNotNull(previousStep, "previousStep");
      this.openedAt = checkNotNull(opened, "opened");
      return this;
    }

    /** The times an event's data states, by field name (OPS-TIME-02). */
    public Spec<I, S, E, D, C> statedTimes(Function<D, Map<String, Instant>> f) {
      this.statedTimes = checkNotNull(f, "statedTimes");
      return this;
    }

    /** Which of an accepted transition's rules its audit entry names; all by default. */
    public Spec<I, S, E, D, C> auditRules(AuditRules<I, E, D> f) {
      this.auditRules = checkNotNull(f, "auditRules");
      return this;
    }

    /** How far a stated time may lie after the step that states it; default 5 minutes. */
    public Spec<I, S, E, D, C> skew(Duration d) {
      checkArgument(!d.isNegative(), "skew must not be negative");
      this.skew = d;
      return this;
    }
  }
}
