package org.opsbook.examples.http;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/**
 * What one request may cost the server: the body's size, the number of {@code events} and {@code steps} a decision
 * request may carry, how long it may take, and how slowly a client may send. Immutable.
 *
 * @param maxBodyBytes a longer body is refused with 413 before it is read
 * @param maxEvents an {@code events} array longer than this is refused with 400 naming it
 * @param maxSteps a {@code steps} array longer than this is refused with 400 naming it
 * @param requestTimeout a request still running after this answers 503
 * @param idleTimeout a connection silent this long is closed
 * @param minDataRate a body sent slower than this many bytes per second is cut off
 * @param maxConnections connections beyond this wait to be accepted
 */
public record Limits(long maxBodyBytes, int maxEvents, int maxSteps, Duration requestTimeout, Duration idleTimeout,
    long minDataRate, int maxConnections) {
  /** Checks the limits. */
  public Limits {
    checkArgument(maxBodyBytes > 0 && maxEvents > 0 && maxSteps > 0 && minDataRate >= 0 && maxConnections > 0,
        "limits must be positive");
    checkArgument(!requestTimeout.isNegative() && !requestTimeout.isZero(), "requestTimeout must be positive");
    checkArgument(!idleTimeout.isNegative() && !idleTimeout.isZero(), "idleTimeout must be positive");
  }

  /**
   * Returns the defaults: 1 MB bodies, 2,000 events and 500 steps per request, 10 s per request, connections idle
   * 30 s closed, bodies slower than 1 kB/s cut off, 256 connections.
   */
  public static Limits defaults() {
    return new Limits(1 << 20, 2_000, 500, Duration.ofSeconds(10), Duration.ofSeconds(30), 1024, 256);
  }

  /** Returns these limits with another body limit. */
  public Limits withMaxBodyBytes(long bytes) {
    return new Limits(bytes, maxEvents, maxSteps, requestTimeout, idleTimeout, minDataRate, maxConnections);
  }

  /** Returns these limits with another time bound per request. */
  public Limits withRequestTimeout(Duration timeout) {
    return new Limits(maxBodyBytes, maxEvents, maxSteps, timeout, idleTimeout, minDataRate, maxConnections);
  }
}
