package org.opsbook.rules.cutover;

import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;

/** One cutover: its ID, its SM-CUTOVER state, the stated facts and what has happened since. Immutable. */
@Value.Immutable
public abstract class CutoverTicket {
  /** The cutover's ID. */
  @Value.Parameter
  public abstract String id();

  /** The state. */
  @Value.Parameter
  public abstract CutoverState state();

  /** The stated facts. */
  @Value.Parameter
  public abstract Cutover facts();

  /** What has happened. */
  @Value.Parameter
  public abstract CutoverRecord record();

  /** Returns a cutover. */
  public static CutoverTicket of(String id, CutoverState state, Cutover facts, CutoverRecord record) {
    return ImmutableCutoverTicket.of(id, state, facts, record);
  }

  /** Returns a cutover not yet created (∅, {@link CutoverState#INITIAL}). */
  public static CutoverTicket draft(String id, Cutover facts) {
    return of(id, CutoverState.INITIAL, facts, CutoverRecord.empty());
  }

  @Value.Check
  protected void check() {
    if (id().isBlank()) {
      throw new InvalidInputException("id", "a cutover id must not be blank");
    }
  }
}
