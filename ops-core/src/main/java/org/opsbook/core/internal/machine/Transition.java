package org.opsbook.core.internal.machine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.util.function.Function;
import org.opsbook.core.RuleId;
import org.opsbook.core.Role;

/**
 * One declared transition: its ID ({@code SM-DATAOP-MOD-T08}), from-state, event, to-state (fixed, or chosen from
 * the data), the roles that may fire it (empty: anyone), its guards, the data it records (declared once, here: the
 * fields an event may carry, those it must carry with the rule that demands them) and what it stamps of itself.
 *
 * @param <S> the state type
 * @param <E> the event type
 * @param <C> what guards look at
 */
public final class Transition<S extends Enum<S>, E extends Enum<E>, C> {
  private final RuleId id;
  private final S from;
  private final E event;
  private final S to;
  private final Function<C, S> target;
  private final ImmutableSet<Role> roles;
  private final ImmutableList<Guard<C>> guards;
  private final ImmutableList<String> records;
  private final ImmutableMap<String, RuleId> required;
  private final ImmutableList<String> stamps;
  private final Decision<S> accepted;
  private final ImmutableSortedSet<RuleId> guardRules;
  private final ImmutableSortedSet<RuleId> ruleIds;
  /** Whether any role is required: what the hot path of deciding reads. */
  private final boolean anyoneMayFire;

  Transition(RuleId id, S from, E event, S to, Function<C, S> target, ImmutableSet<Role> roles,
      ImmutableList<Guard<C>> guards, ImmutableList<String> records, ImmutableMap<String, RuleId> required,
      ImmutableList<String> stamps) {
    this.id = id;
    this.from = from;
    this.event = event;
    this.to = to;
    this.target = target;
    this.roles = roles;
    this.guards = guards;
    this.records = records;
    this.required = required;
    this.stamps = stamps;
    this.accepted = to == null ? null : new Decision<>(from, to, id, ImmutableList.of());
    this.anyoneMayFire = roles.isEmpty();
    ImmutableSortedSet.Builder<RuleId> g = ImmutableSortedSet.naturalOrder();
    guards.forEach(x -> g.add(x.ruleId()));
    this.guardRules = g.build();
    this.ruleIds = ImmutableSortedSet.<RuleId>naturalOrder().add(id).addAll(guardRules).build();
  }

  boolean anyoneMayFire() {
    return anyoneMayFire;
  }

  /** The acceptance of a fixed-target transition, shared; null when the target is chosen from the data. */
  Decision<S> accepted() {
    return accepted;
  }

  /** Returns the transition's ID. */
  public RuleId id() {
    return id;
  }

  /** Returns the state it leaves. */
  public S from() {
    return from;
  }

  /** Returns the event that fires it. */
  public E event() {
    return event;
  }

  /** Returns the fixed target state, or null when the target is chosen from the data. */
  public S to() {
    return to;
  }

  /** Returns the target state for {@code context}. */
  public S targetFor(C context) {
    return target == null ? to : target.apply(context);
  }

  /** Returns the roles that may fire it; empty means anyone. */
  public ImmutableSet<Role> roles() {
    return roles;
  }

  /** Returns its guards, in the order they are checked. */
  public ImmutableList<Guard<C>> guards() {
    return guards;
  }

  /** Returns the rules its guards name, sorted, without duplicates. */
  public ImmutableSortedSet<RuleId> guardRules() {
    return guardRules;
  }

  /**
   * Returns the rules that allow the transition when it is accepted: its own ID and every guard's rule, sorted. An
   * accepted transition's audit entry names them.
   */
  public ImmutableSortedSet<RuleId> ruleIds() {
    return ruleIds;
  }

  /** Returns the names of the data fields the event may carry on this transition: the only ones accepted. */
  public ImmutableList<String> records() {
    return records;
  }

  /** Returns the data fields the event must carry on this transition, each with the rule that demands it. */
  public ImmutableMap<String, RuleId> required() {
    return required;
  }

  /**
   * Returns what the transition records of itself rather than from the event's data: who fired it and when, under
   * the names the manual gives them (e.g. {@code businessApprovedAt}). A datum of that name is refused.
   */
  public ImmutableList<String> stamps() {
    return stamps;
  }

  @Override
  public String toString() {
    return id + " " + from + " --" + event + "--> " + (to == null ? "(by data)" : to);
  }
}
