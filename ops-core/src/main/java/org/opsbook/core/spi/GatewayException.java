package org.opsbook.core.spi;

import org.opsbook.core.OpsException;

/** The gateway could not accept a message; the outbox keeps it pending and retries. */
public class GatewayException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final String idempotencyKey;

  /**
   * Creates the error.
   *
   * @param idempotencyKey the message that failed
   * @param message why
   * @param cause the underlying failure, or null
   */
  public GatewayException(String idempotencyKey, String message, Throwable cause) {
    super(idempotencyKey + ": " + message, cause);
    this.idempotencyKey = idempotencyKey;
  }

  /** Returns the key of the message that failed. */
  public String idempotencyKey() {
    return idempotencyKey;
  }
}
