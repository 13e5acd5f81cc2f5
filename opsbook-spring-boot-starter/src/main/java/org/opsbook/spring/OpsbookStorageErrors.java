package org.opsbook.spring;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opsbook.engine.StorageErrorListener;

/**
 * API: the storage errors the engine's loops met, counted per loop for the meters and the health indicator, each
 * passed on to the application's {@link StorageErrorListener}. The engine is built with {@link #onError} as its
 * listener; this is no {@code StorageErrorListener} bean itself, so it never stands in for the application's.
 * Thread-safe.
 *
 * <p>An application that defines its own {@code OpsEngine} bean builds it with this bean's listener, or the meters
 * and the health never see its loops' errors (nor does its {@code StorageErrorListener} bean hear them):
 *
 * <pre>{@code
 * @Bean
 * OpsEngine opsEngine(DataSource dataSource, Directory directory, MessageGateway gateway,
 *     OpsbookStorageErrors errors) {
 *   return OpsEngine.builder().dataSource(dataSource).directory(directory).gateway(gateway)
 *       .storageErrors(errors::onError).build();
 * }
 * }</pre>
 */
public final class OpsbookStorageErrors {
  private final StorageErrorListener delegate;
  private final Clock clock;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicReference<LastError> last = new AtomicReference<>();

  /**
   * Counts the errors and passes each to {@code delegate}.
   *
   * @param delegate the application's listener
   * @param clock when an error is recorded to have happened
   */
  public OpsbookStorageErrors(StorageErrorListener delegate, Clock clock) {
    this.delegate = checkNotNull(delegate, "delegate");
    this.clock = checkNotNull(clock, "clock");
    counts.put("duties", new AtomicLong());
    counts.put("outbox", new AtomicLong());
  }

  /** Counts the error of {@code loop} and passes it on. */
  public void onError(String loop, Throwable error) {
    counts.computeIfAbsent(loop, l -> new AtomicLong()).incrementAndGet();
    last.set(new LastError(loop, error.getClass().getName(), clock.instant()));
    delegate.onError(loop, error);
  }

  /** Returns how many errors {@code loop} ({@code "duties"} or {@code "outbox"}) met. */
  public long count(String loop) {
    AtomicLong n = counts.get(loop);
    return n == null ? 0 : n.get();
  }

  /** Returns the loops errors were counted for: at least {@code duties} and {@code outbox}. */
  public java.util.Set<String> loops() {
    return java.util.Set.copyOf(counts.keySet());
  }

  /** Returns the last error, if any: its loop, its type (never its message, which may hold personal data) and time. */
  public Optional<LastError> last() {
    return Optional.ofNullable(last.get());
  }

  /**
   * The last storage error.
   *
   * @param loop the loop that met it
   * @param type the exception's class name
   * @param at when it was recorded, on the engine's clock
   */
  public record LastError(String loop, String type, Instant at) {}
}
