package org.opsbook.core.internal.machine;

import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;

/**
 * Turns a workflow's instances and event data into the text a {@link org.opsbook.core.spi.WorkflowRepository}
 * stores. Implementations live beside the workflow in its {@code .json} package. Thread-safe.
 *
 * @param <I> the instance type
 * @param <D> the event data type
 */
public interface WorkflowCodec<I, D> {
  /** Returns the instance's data as text (its ID and state are stored beside it). */
  String encode(I instance);

  /**
   * Reads a stored instance back: its ID, state and the text {@link #encode} wrote, and, for instances that carry
   * them, its version and the time of its last transition.
   */
  I decode(WorkflowInstance stored);

  /** Returns what an event recorded, as text for the transition history. */
  String encodeData(D data);
}
