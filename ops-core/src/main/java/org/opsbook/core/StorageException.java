package org.opsbook.core;

/**
 * A storage operation failed (a lost connection, a constraint violation, a serialization failure). It names the
 * operation and the key it was working on; the underlying cause (for JDBC, the {@code SQLException}) is kept. The
 * operation's transaction was rolled back: nothing is half-written.
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
    super(operation + " [" + key + "] failed: " + (cause == null ? "unknown cause" : cause.getMessage()), cause);
    this.operation = operation;
    this.key = key;
    this.transientFailure = transientFailure;
  }

  /** Returns the operation that failed. */
  public String operation() {
    return operation;
  }

  /** Returns the key the operation worked on. */
  public String key() {
    return key;
  }

  /** Returns true when retrying the whole operation may succeed. */
  public boolean isTransient() {
    return transientFailure;
  }
}
