package org.opsbook.engine;

import java.util.List;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;

/**
 * SPI: how a duty that falls due reaches a person. The host decides the channel (a pager, e-mail, a group-chat robot,
 * the dashboard). The engine calls it once per due duty from its timer loop (or from {@link OpsEngine#runDueWork()}),
 * and, for a recurring duty left undone, again at each interval of its series until it is done (ESC-PROG-01 every 30
 * minutes, BUG-02/08 each week, TICKET-02 each day's 12:00): the same {@link Obligation#key()}, with the due time of
 * that interval as {@link Obligation#dueAt()} and the interval before as {@link Obligation#triggeredAt()}. When it
 * throws, the duty is retried with a back-off. A duty whose firing was not recorded before a crash is handed over
 * again, so an implementation may see the same key and due time twice and should drop repeats of the pair. The
 * engine hands over only a duty that its subject's stored history still owes at the firing: a timer that outlived its
 * duty (a process died between storing the step that ended it and cancelling the timer) fires into nothing.
 */
@FunctionalInterface
public interface DutyReminder {
  /**
   * Reminds the people who owe {@code duty} that it is due.
   *
   * @param duty the duty, with its rule, subject, actor role, target, channel and due time
   * @param people who hold the duty's actor role in the directory (empty when nobody does)
   * @throws Exception when the reminder could not be delivered; the engine retries later
   */
  void remind(Obligation duty, List<Person> people) throws Exception;
}
