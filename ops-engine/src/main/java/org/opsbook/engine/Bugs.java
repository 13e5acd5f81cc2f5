package org.opsbook.engine;

import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugTicket;

/**
 * API: BUGs (SM-BUG) stored with their audit trail (stream {@code bug:<id>}), and the duties each owes (BUG-06's
 * room-manager threshold, the weekly follow-up BUG-02/08 …). A timed duty waits on the engine's duty timers under the
 * subject {@code bug:<id>} and reaches the host's reminder when due. The acting person is named by ID and resolved in
 * the directory. Thread-safe.
 */
public interface Bugs extends DutyWorkflows<BugTicket, BugEvent, BugEventData> {
  /**
   * Raises a BUG (SM-BUG-T01).
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when a BUG with that ID exists ("BUG-1 exists already")
   */
  Result<BugTicket> raise(String bugId, BugEventData data, String personId);
}
