package org.opsbook.rules.internal.bug;

import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;

import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.bug.BugEventData;

/**
 * Turns BUGs and event data into the text a {@link org.opsbook.core.spi.WorkflowRepository} stores, and back: the
 * {@code WorkflowCodec} of SM-BUG, under the names the BUG service has always used. The text of a BUG holds its ID
 * and state. The JSON form lives in {@code ops-json}, outside the domain. Implementations are
 * thread-safe.
 */
public interface BugCodec extends WorkflowCodec<BugTicket, BugEventData> {
  /** Writes a BUG. */
  String write(BugTicket bug);

  /**
   * Reads a BUG written by {@link #write}.
   *
   * @throws org.opsbook.core.InvalidInputException naming the field when the text is not a BUG
   */
  BugTicket read(String text);

  /** Writes what an event recorded. */
  String write(BugEventData data);

  /** Writes a BUG: {@link #write(BugTicket)}. */
  @Override
  default String encode(BugTicket bug) {
    return write(bug);
  }

  /** Reads a stored BUG: {@link #read}; its text holds the ID and state too. */
  @Override
  default BugTicket decode(WorkflowInstance stored) {
    return read(stored.dataJson());
  }

  /** Writes what an event recorded: {@link #write(BugEventData)}. */
  @Override
  default String encodeData(BugEventData data) {
    return write(data);
  }
}
