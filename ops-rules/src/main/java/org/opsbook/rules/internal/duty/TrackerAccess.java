package org.opsbook.rules.internal.duty;

import java.time.Instant;
import org.opsbook.core.Actor;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;

/**
 * What {@link ObligationEngine} and {@link FaultDutyService} need of a {@link FaultTracker} beyond its API: an empty
 * tracker bound to an engine, and a decided step with the event that records it. {@link FaultTracker} installs the
 * one implementation when its class is initialised; nothing else may.
 */
public abstract class TrackerAccess {
  private static volatile TrackerAccess installed;

  /** For {@link FaultTracker}'s implementation only. */
  protected TrackerAccess() {}

  /**
   * Installs the implementation; called once, by {@link FaultTracker}.
   *
   * @throws IllegalStateException when one is installed already
   */
  public static synchronized void install(TrackerAccess access) {
    if (installed != null) {
      throw new IllegalStateException("the tracker access is installed already");
    }
    installed = access;
  }

  static TrackerAccess get() {
    if (installed == null) {
      FaultTracker.ORDER.getClass(); // initialises FaultTracker, which installs its access
    }
    return installed;
  }

  /** Returns the tracker of a fault with no history yet, folding with {@code engine}'s rules. */
  public abstract FaultTracker empty(ObligationEngine engine, String faultId);

  /** Decides one SM-ESC step on {@code tracker}, as {@link FaultTracker#step} does, keeping the recording event. */
  public abstract Stepped decideStep(FaultTracker tracker, EscEvent event, EscEventData data, Actor actor,
      Instant at);

  /**
   * A decided step: its outcome, and the event that records it when accepted (else null).
   *
   * @param outcome the step's outcome
   * @param event the event to store, or null on a refusal
   */
  public record Stepped(Outcome<FaultTracker> outcome, FaultEvent event) {}
}
