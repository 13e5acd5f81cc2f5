package org.opsbook.spring;

import static com.google.common.base.Preconditions.checkNotNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.opsbook.engine.OpsEngine;

/**
 * API: the engine's meters, named {@code opsbook.*} (Prometheus shows {@code opsbook_…}):
 *
 * <ul>
 *   <li>{@code opsbook.duties.open}, {@code opsbook.duties.due}, {@code opsbook.duties.overdue} (gauges): the open
 *       faults' duties; those whose due time has come; those past it.
 *   <li>{@code opsbook.sms.awaiting.review} (gauge): messages submitted for review.
 *   <li>{@code opsbook.sms.in.doubt} (gauge): messages whose send an engine left in doubt (it stopped with the SMS
 *       in the gateway's hands), for the 68284 desk to confirm or resend ({@code Messages.inDoubt}): alert on it.
 *   <li>{@code opsbook.outbox.pending} (gauge) and {@code opsbook.outbox.lag} (time gauge, seconds): released
 *       messages not yet accepted by the gateway, and how long the oldest has waited.
 *   <li>{@code opsbook.storage.errors} (counter, tag {@code loop}: {@code duties}, {@code outbox}): the loops' storage
 *       errors.
 *   <li>{@code opsbook.calendar.days.known} (gauge, only when the calendar says how far its holidays are known,
 *       {@code WorkCalendar.knownThrough}): the days from today to the last day whose holidays it holds; after it,
 *       deadlines count Monday to Friday alone. Alert on it well before 0 and load the next year's holidays.
 * </ul>
 *
 * <p>The gauges read the database at most once per {@code opsbook.metrics.refresh}. Thread-safe.
 */
public final class OpsbookMeterBinder implements MeterBinder {
  private final OpsEngine engine;
  private final OpsbookSnapshot snapshot;
  private final OpsbookStorageErrors errors;

  /**
   * Reads {@code engine} and the outbox in {@code dataSource}.
   *
   * @param refresh how long one reading serves ({@link Duration#ZERO}: read at every scrape)
   */
  public OpsbookMeterBinder(OpsEngine engine, DataSource dataSource, OpsbookStorageErrors errors, Duration refresh) {
    this.engine = checkNotNull(engine, "engine");
    this.snapshot = new OpsbookSnapshot(engine, checkNotNull(dataSource, "dataSource"),
        checkNotNull(refresh, "refresh"));
    this.errors = checkNotNull(errors, "errors");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "opsbook.duties.open", "Open duties of the open faults", r -> r.dutiesOpen());
    gauge(registry, "opsbook.duties.due", "Open duties whose due time has come", r -> r.dutiesDue());
    gauge(registry, "opsbook.duties.overdue", "Open duties past their due time", r -> r.dutiesOverdue());
    gauge(registry, "opsbook.sms.awaiting.review", "SMS submitted for review", r -> r.smsAwaitingReview());
    gauge(registry, "opsbook.sms.in.doubt", "SMS whose send an engine left in doubt, for the 68284 desk",
        r -> r.smsInDoubt());
    gauge(registry, "opsbook.outbox.pending", "Released SMS the gateway has not accepted yet",
        r -> r.outboxPending());
    TimeGauge.builder("opsbook.outbox.lag", snapshot, TimeUnit.SECONDS,
            s -> s.get().outboxLag().toNanos() / 1e9)
        .description("How long the oldest unsent SMS in the outbox has waited").register(registry);
    engine.calendar().knownThrough().ifPresent(last -> Gauge.builder("opsbook.calendar.days.known", engine,
            e -> ChronoUnit.DAYS.between(e.calendar().dateOf(e.clock().instant()), last))
        .description("Days from today to the last day whose holidays the working-day calendar holds")
        .register(registry));
    for (String loop : errors.loops()) {
      FunctionCounter.builder("opsbook.storage.errors", errors, e -> e.count(loop)).tag("loop", loop)
          .description("Storage errors of the engine's loops").register(registry);
    }
  }

  private void gauge(MeterRegistry registry, String name, String description,
      ToDoubleFunction<OpsbookSnapshot.Reading> value) {
    Gauge.builder(name, snapshot, s -> value.applyAsDouble(s.get())).description(description).register(registry);
  }
}
