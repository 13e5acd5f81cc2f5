package org.opsbook.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.opsbook.core.Actor;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.Workflow;

/**
 * Drives one instance through a {@link Workflow} in a test, ten minutes per step: an accepted step moves on to the
 * outcome's instance, a refused one must leave the instance exactly as it was.
 *
 * @param <I> the instance type
 * @param <E> the event type
 * @param <D> the event data type
 * @param <F> the concrete driver, so that {@link #ok} chains into its own steps
 */
public abstract class WorkflowDriver<I, E extends Enum<E>, D, F extends WorkflowDriver<I, E, D, F>> {
  private final Workflow<I, E, D> workflow;
  private final D none;
  /** The instance as the last accepted step left it. */
  public I ticket;
  /** When the last step was fired. */
  public Instant now;

  /**
   * Starts from a draft.
   *
   * @param workflow the workflow the steps go through
   * @param draft the instance before the first step
   * @param start the time the first step is ten minutes after
   * @param none the data of a step that records nothing
   */
  protected WorkflowDriver(Workflow<I, E, D> workflow, I draft, Instant start, D none) {
    this.workflow = workflow;
    this.ticket = draft;
    this.now = start;
    this.none = none;
  }

  /** Fires {@code e} ten minutes after the last step. */
  public Outcome<I> fire(E e, Actor a, D d) {
    now = now.plus(Duration.ofMinutes(10));
    return fireAt(e, a, d, now);
  }

  /** Fires {@code e} at {@code at}. */
  public Outcome<I> fireAt(E e, Actor a, D d, Instant at) {
    Outcome<I> o = workflow.apply(ticket, e, a, d, at);
    if (o.isAccepted()) {
      ticket = o.instance();
    } else {
      assertThat(o.instance()).isSameAs(ticket);
    }
    return o;
  }

  /** Fires {@code e} and asserts it was accepted. */
  public F ok(E e, Actor a, D d) {
    assertThat(fire(e, a, d).violations()).as("%s by %s", e, a.id()).isEmpty();
    return self();
  }

  /** Fires {@code e} with no data and asserts it was accepted. */
  public F ok(E e, Actor a) {
    return ok(e, a, none);
  }

  @SuppressWarnings("unchecked")
  private F self() {
    return (F) this;
  }
}
