package org.opsbook.notify.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.notify.MessageType;

/**
 * The settings of the notification side that the catalog's parameter table (§15) does not hold: how the fault time
 * is written, the host's SMS size limit, the business-type wording of follow-up and recovery SMS (OQ-04), and the
 * outbox's retry and lease timing. The §15 numbers themselves (for example {@code dRecipientsCsLevelMin} of
 * NOTIFY-RCPT-04) stay in {@link OpsParameters}, held here as {@link #parameters()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * NotifyConfig config = NotifyConfig.builder().padFaultTime(true).maxSmsSegments(4).build();
 * }</pre>
 */
@Value.Immutable
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = false)
public abstract class NotifyConfig {
  private static final NotifyConfig DEFAULTS = builder().build();

  /** The catalog §15 parameters; {@link OpsParameters#defaults()} by default. */
  @Value.Default
  public OpsParameters parameters() {
    return OpsParameters.defaults();
  }

  /** The zone the fault time is written in (TIME-01); {@code Asia/Shanghai} by default. */
  @Value.Default
  public ZoneId zone() {
    return ZoneId.of("Asia/Shanghai");
  }

  /**
   * Whether month, day, hour and minute of 「*年*月*日*时*分」 are written with two digits (NOTIFY-TPL-00 proposes
   * unpadded); {@code false} by default.
   */
  @Value.Default
  public boolean padFaultTime() {
    return false;
  }

  /**
   * The most UCS-2 segments one SMS may take; a longer draft is refused before it can be sent. 8 by default (536
   * characters), far above the manual's templates filled with ordinary values (2 to 4 segments).
   */
  @Value.Default
  public int maxSmsSegments() {
    return 8;
  }

  /**
   * Templates that replace the default for business-type (业务类) faults, by message type (OQ-04 (b)): the manual has
   * only 「系统」 wordings of the follow-up and recovery SMS, used unchanged by default. A host registers its own
   * wording under a new ID in its {@link TemplateSet} and names it here. Empty by default.
   */
  public abstract Map<MessageType, RuleId> businessTemplates();

  /** The delay before the first retry of a failed send; doubled per further failure. 30 seconds by default. */
  @Value.Default
  public Duration retryBaseDelay() {
    return Duration.ofSeconds(30);
  }

  /** The longest delay between two send attempts; 30 minutes by default. */
  @Value.Default
  public Duration retryMaxDelay() {
    return Duration.ofMinutes(30);
  }

  /** How long a dispatcher holds a claimed message before another may claim it; 2 minutes by default. */
  @Value.Default
  public Duration dispatchLease() {
    return Duration.ofMinutes(2);
  }

  /** How many messages one {@code drainOnce} claims at most; 50 by default. */
  @Value.Default
  public int dispatchBatchSize() {
    return 50;
  }

  /** Returns the fault-time format these settings describe. */
  public FaultTimeFormat faultTimeFormat() {
    return new FaultTimeFormat(zone(), padFaultTime());
  }

  /**
   * Returns the back-off before the next attempt after {@code failures} failed attempts (from 1): the base delay
   * doubled per earlier failure, capped at the maximum.
   */
  public Duration retryDelay(int failures) {
    Duration d = retryBaseDelay();
    for (int i = 1; i < failures && d.compareTo(retryMaxDelay()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(retryMaxDelay()) > 0 ? retryMaxDelay() : d;
  }

  @Value.Check
  protected void check() {
    if (maxSmsSegments() < 1) {
      throw new InvalidInputException("maxSmsSegments", "maxSmsSegments must be >= 1: " + maxSmsSegments());
    }
    if (dispatchBatchSize() < 1) {
      throw new InvalidInputException("dispatchBatchSize", "dispatchBatchSize must be >= 1: " + dispatchBatchSize());
    }
    if (retryBaseDelay().isNegative() || retryBaseDelay().isZero()) {
      throw new InvalidInputException("retryBaseDelay", "retryBaseDelay must be > 0: " + retryBaseDelay());
    }
    if (retryMaxDelay().compareTo(retryBaseDelay()) < 0) {
      throw new InvalidInputException("retryMaxDelay", "retryMaxDelay must be >= retryBaseDelay: " + retryMaxDelay());
    }
    if (dispatchLease().isNegative() || dispatchLease().isZero()) {
      throw new InvalidInputException("dispatchLease", "dispatchLease must be > 0: " + dispatchLease());
    }
    if (businessTemplates().containsKey(MessageType.BUG_NOTICE)) {
      throw new InvalidInputException("businessTemplates.BUG_NOTICE",
          "the BUG notice has one wording (NOTIFY-TPL-05); only SMS types can be overridden");
    }
  }

  /** Returns the defaults. */
  public static NotifyConfig defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.from(this);
    return b;
  }

  /** Builds {@link NotifyConfig}; setters override single settings. */
  public static final class Builder extends ImmutableNotifyConfig.Builder {}
}
