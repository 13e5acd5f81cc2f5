package org.opsbook.core;

/**
 * A storage operation failed (a lost connection, a constraint violation, a serialization failure). It names the
 * operation and the key it was working on; the underlying cause (for JDBC, the {@code SQLException}) is kept. The
 * operation's transaction was rolled back: nothing is half-written.
 *
 * <p>Databases quote the offending values in their messages (H2: {@code VALUES ( '13800138000', '张三' )};
 * PostgreSQL: {@code Key (id)=(…)}, {@code Failing row contains (…)}). The message (with the key) and the cause
 * chain the JDBC adapter keeps are masked by {@link Masking#databaseMessage}. The adapter's cause is a
 * {@code SQLException} of the same standard subclass with its SQL state and vendor code, so a host can still classify
 * it.
 */
public class StorageException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String key;
  private final boolean transientFailure;

  /**
   * Creates the error.
   *
   * @param operation what was being done, e.g. {@code "append fault events"}
   * @param key the key it was done for, e.g. the fault ID
   * @param transientFailure true when a retry may succeed (lost connection, serialization failure)
   * @param cause the underlying failure
   */
  public StorageException(String operation, String key, boolean transientFailure, Throwable cause) {
    super(operation + " [" + Masking.phonesIn(key) + "] failed: "
        + (cause == null ? "unknown cause" : Masking.databaseMessage(cause.getMessage())), cause);
    this.operation = operation;
    this.key = key;
    this.transientFailure = transientFailure;
  }

  /** Returns the operation that failed. */
  public String operation() {
    return operation;
  }

  /** Returns the key the operation worked on, in clear (the message masks it). */
  public String key() {
    return key;
  }

  /** Returns true when retrying the whole operation may succeed. */
  public boolean isTransient() {
    return transientFailure;
  }
}
