package org.opsbook.rules.bug;

/**
 * Turns BUGs and event data into the text a {@link org.opsbook.core.spi.WorkflowRepository} stores, and back. The
 * JSON form lives in {@code org.opsbook.rules.json}, outside the domain. Implementations are thread-safe.
 */
public interface BugCodec {
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
}
