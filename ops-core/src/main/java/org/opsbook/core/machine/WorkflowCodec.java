package org.opsbook.core.machine;

import org.opsbook.core.spi.WorkflowInstance;

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
   * Reads an instance back.
   *
   * @param id the stored ID
   * @param state the stored state's name
   * @param dataJson the text {@link #encode} wrote
   */
  I decode(String id, String state, String dataJson);

  /**
   * Reads a stored instance back. Reads its ID, state and data; a codec whose instances also carry the version or
   * the time of the last transition overrides this.
   */
  default I decode(WorkflowInstance stored) {
    return decode(stored.id(), stored.state(), stored.dataJson());
  }

  /** Returns what an event recorded, as text for the transition history. */
  String encodeData(D data);
}
