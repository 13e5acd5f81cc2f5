package org.opsbook.core;

/**
 * Another writer changed the subject since it was read: the stored version is not the expected one. Nothing was
 * written; re-read and retry. With an expected version of 0 the writer was creating the subject, and its ID is taken:
 * the message says so.
 */
public final class ConcurrentUpdateException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final String subjectId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the error.
   *
   * @param subjectId the fault, workflow instance or message key
   * @param expectedVersion the version the writer read
   * @param actualVersion the version found in storage ({@code -1} if unknown)
   */
  public ConcurrentUpdateException(String subjectId, long expectedVersion, long actualVersion) {
    super(expectedVersion == 0
        ? String.format("%s exists already%s: nothing was created", subjectId,
            actualVersion >= 0 ? " (at version " + actualVersion + ")" : "")
        : String.format("%s was changed concurrently: expected version %d, found %d", subjectId, expectedVersion,
            actualVersion));
    this.subjectId = subjectId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** Returns the key of the subject that changed. */
  public String subjectId() {
    return subjectId;
  }

  /** Returns the version the writer expected. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** Returns the version found in storage, or {@code -1} if unknown. */
  public long actualVersion() {
    return actualVersion;
  }
}
