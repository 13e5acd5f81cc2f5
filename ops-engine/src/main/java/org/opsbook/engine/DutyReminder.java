package org.opsbook.engine;

import java.util.List;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;

/**
 * SPI: how a duty that falls due reaches a person. The host decides the channel (a pager, e-mail, a group-chat robot,
 * the dashboard). The engine calls it once per due duty from its timer loop (or from {@link OpsEngine#runDueWork()});
 * when it throws, the duty is retried with a back-off. A duty whose firing was not recorded before a crash is handed
 * over again, so an implementation may see the same {@link Obligation#key()} twice and should drop repeats. The
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
