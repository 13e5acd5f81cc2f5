package org.opsbook.rules.internal.duty;

import org.opsbook.core.FaultEvent;
import org.opsbook.core.internal.machine.Outcome;

/**
 * A decided step of a fault's lifecycle: its outcome, and the event that records it when accepted (else null).
 *
 * @param outcome the step's outcome
 * @param event the event to store, or null on a refusal
 * @param <T> the fault's type
 */
public record Stepped<T>(Outcome<T> outcome, FaultEvent event) {}
