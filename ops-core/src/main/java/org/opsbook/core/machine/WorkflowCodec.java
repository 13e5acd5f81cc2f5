package org.opsbook.core.machine;

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

  /** Returns what an event recorded, as text for the transition history. */
  String encodeData(D data);
}
