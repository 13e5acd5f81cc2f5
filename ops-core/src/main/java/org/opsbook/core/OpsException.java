package org.opsbook.core;

import org.opsbook.core.internal.machine.GuardResult;

/**
 * The root of opsbook's domain failures. Subclasses carry typed fields (the offending field, the rule ID, the
 * subject's key) so hosts can react without parsing messages. Expected outcomes, such as a guard that says no, are
 * values ({@code GuardResult}), not exceptions.
 */
public abstract class OpsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected OpsException(String message) {
    super(message);
  }

  protected OpsException(String message, Throwable cause) {
    super(message, cause);
  }
}
