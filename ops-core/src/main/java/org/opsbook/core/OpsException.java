package org.opsbook.core;

import org.opsbook.core.internal.machine.GuardResult;
import org.opsbook.core.internal.text.CodePoints;

/**
 * The root of opsbook's domain failures. Subclasses carry typed fields (the offending field, the rule ID, the
 * subject's key) so hosts can react without parsing messages. Expected outcomes, such as a guard that says no, are
 * values ({@code GuardResult}), not exceptions.
 *
 * <p>A message is one line: what a caller typed and a message quotes (a field name, a value, a database's own
 * message) has its control, invisible and line-breaking characters escaped ({@code \n}, {@code \}{@code u202E}), so
 * that a host may log it as it is without a forged line or text reordered after it.
 */
public abstract class OpsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected OpsException(String message) {
    super(oneLine(message));
  }

  protected OpsException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  private static String oneLine(String message) {
    return message == null ? null : CodePoints.escaped(message);
  }
}
