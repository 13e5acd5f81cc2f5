package org.opsbook.engine;

/**
 * SPI: told of every error the engine's background loops meet (a database outage, a failing query). The loops keep
 * running and retry; the listener lets the host see the outage. The default,
 * {@link OpsEngine.Builder#storageErrors(StorageErrorListener)} unset, logs each error through SLF4J at WARN with phone
 * numbers and the directory's names masked.
 */
@FunctionalInterface
public interface StorageErrorListener {
  /**
   * Called from a loop's thread after a failed round.
   *
   * @param loop which loop failed: {@code "duties"}, {@code "outbox"} or {@code "checkpoints"}
   * @param error what failed
   */
  void onError(String loop, Throwable error);
}
