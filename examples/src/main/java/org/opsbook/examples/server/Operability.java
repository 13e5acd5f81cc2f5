package org.opsbook.examples.server;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Obligation;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.engine.OpsEngine;
import org.opsbook.engine.StorageErrorListener;
import org.opsbook.examples.http.OpsHttpServer.Exchange;
import org.opsbook.examples.http.OpsHttpServer.Reply;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.json.OpsJson;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsMessage;
import org.opsbook.notify.SmsState;
import org.opsbook.rules.duty.DutyLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's metrics (Micrometer, Prometheus text at {@code /metrics}) and its health check ({@code /health}).
 *
 * <p>Metrics, all named {@code opsbook_…}: {@code opsbook_duties_due} (duties open now), {@code opsbook_duties_overdue}
 * (open and past their due time), {@code opsbook_duties_missed{rule}} (fell due and ended undone, over the open
 * faults' ledgers), {@code opsbook_sms_awaiting_review}, {@code opsbook_sms_in_doubt} (sends an engine left in doubt,
 * for the 68284 desk), {@code opsbook_outbox_lag_seconds} (from a message's release
 * to the gateway's taking it), {@code opsbook_scheduler_claim_latency_seconds} (from a duty's due time to its reminder),
 * {@code opsbook_storage_errors_total{loop}} and {@code opsbook_reminders_total{channel,outcome}}. The gauges are
 * read from the engine when {@code /metrics} is scraped.
 *
 * <p>Build it before the engine (it wraps the gateway and listens to the loops' storage errors), then {@link #attach}
 * the engine. Thread-safe.
 */
public final class Operability {
  private static final Logger LOG = LoggerFactory.getLogger(Operability.class);
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicReference<OpsEngine> engine = new AtomicReference<>();
  private final AtomicLong due = new AtomicLong();
  private final AtomicLong overdue = new AtomicLong();
  private final AtomicLong awaitingReview = new AtomicLong();
  private final AtomicLong inDoubt = new AtomicLong();
  private final MultiGauge missed;
  private final Timer outboxLag;
  private final Timer claimLatency;

  /** Creates the registry and the server's meters. */
  public Operability() {
    Gauge.builder("opsbook.duties.due", due, AtomicLong::get).description("duties open now").register(registry);
    Gauge.builder("opsbook.duties.overdue", overdue, AtomicLong::get).description("open duties past their due time")
        .register(registry);
    Gauge.builder("opsbook.sms.awaiting.review", awaitingReview, AtomicLong::get)
        .description("SMS submitted and not yet approved or rejected").register(registry);
    Gauge.builder("opsbook.sms.in.doubt", inDoubt, AtomicLong::get)
        .description("SMS whose send an engine left in doubt, for the 68284 desk to confirm or resend")
        .register(registry);
    this.missed = MultiGauge.builder("opsbook.duties.missed")
        .description("duties that fell due and ended undone, by rule, over the open faults").register(registry);
    this.outboxLag = Timer.builder("opsbook.outbox.lag").description("from an SMS's release to the gateway taking it")
        .register(registry);
    this.claimLatency = Timer.builder("opsbook.scheduler.claim.latency")
        .description("from a duty's due time to the engine's handing it to the reminder").register(registry);
    Counter.builder("opsbook.storage.errors").tag("loop", "duties").register(registry);
  }

  /**
   * Sets the engine the gauges and the health check read; once. When its calendar says how far its holidays are known
   * ({@link org.opsbook.core.spi.WorkCalendar#knownThrough()}), the gauge {@code opsbook.calendar.days.known} counts
   * the days left: alert on it before it reaches 0, and load the next year's holidays.
   */
  public void attach(OpsEngine engine) {
    checkState(this.engine.compareAndSet(null, checkNotNull(engine, "engine")), "an engine is attached already");
    if (engine.calendar().knownThrough().isPresent()) {
      Gauge.builder("opsbook.calendar.days.known", engine, e -> daysKnown(e).orElse(0))
          .description("days from today to the last day whose holidays the working-day calendar holds")
          .register(registry);
    }
  }

  /** The days from the engine's today to the last day its calendar holds the holidays of; empty when unsaid. */
  private static java.util.OptionalLong daysKnown(OpsEngine e) {
    return e.calendar().knownThrough().map(last -> java.util.OptionalLong.of(java.time.temporal.ChronoUnit.DAYS
        .between(e.calendar().dateOf(e.clock().instant()), last))).orElse(java.util.OptionalLong.empty());
  }

  /** Returns the listener counting the loops' storage errors (and logging them, phone numbers masked). */
  public StorageErrorListener storageErrors() {
    return (loop, error) -> {
      registry.counter("opsbook.storage.errors", "loop", loop).increment();
      LOG.warn("storage error in the {} loop: {}", loop, Masking.phonesIn(String.valueOf(error)));
    };
  }

  /** Returns {@code gateway} measuring each message's outbox lag. */
  public MessageGateway measuring(MessageGateway gateway) {
    checkNotNull(gateway, "gateway");
    return new MessageGateway() {
      @Override
      public SendReceipt send(OutgoingMessage message) {
        SendReceipt r = gateway.send(message);
        OpsEngine e = engine.get();
        if (e != null) {
          releasedAt(e, message.idempotencyKey()).ifPresent(at -> record(outboxLag, at, e.clock().instant()));
        }
        return r;
      }

      @Override
      public boolean deduplicates() {
        return gateway.deduplicates();
      }
    };
  }

  private static java.util.Optional<Instant> releasedAt(OpsEngine e, String key) {
    try {
      return e.messages().find(SmsKey.parse(key)).flatMap(m -> m.record().sentAt());
    } catch (InvalidInputException notAMessageKey) {
      return java.util.Optional.empty();
    }
  }

  /** Records how late the engine handed {@code duty} to the reminder. */
  void claimed(Obligation duty, Instant now) {
    duty.dueAt().ifPresent(at -> record(claimLatency, at, now));
  }

  /** Counts one reminder delivery. */
  void reminded(String channel, boolean ok) {
    registry.counter("opsbook.reminders", "channel", channel, "outcome", ok ? "sent" : "failed").increment();
  }

  /** Counts one reminder not sent by {@code channel} because its duty fell due too long ago. */
  void stale(String channel) {
    registry.counter("opsbook.reminders", "channel", channel, "outcome", "stale").increment();
  }

  private static void record(Timer timer, Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    timer.record(d.isNegative() ? Duration.ZERO : d);
  }

  /** {@code GET /metrics}: the Prometheus text, the gauges read from the engine first. */
  public Reply metrics(Exchange ex) {
    if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
      return Reply.error(405, "METHOD_NOT_ALLOWED", "use GET /metrics");
    }
    refresh();
    return new Reply(200, PROMETHEUS_TEXT, registry.scrape());
  }

  /** Reads the gauges from the engine. */
  void refresh() {
    OpsEngine e = engine.get();
    if (e == null) {
      return;
    }
    Instant now = e.clock().instant();
    long open = 0;
    long late = 0;
    Map<String, Long> missedByRule = new TreeMap<>();
    for (FaultSummary f : e.faults().openFaults()) {
      for (Obligation d : e.faults().duties(f.faultId())) {
        open++;
        if (d.dueAt().isPresent() && d.dueAt().get().isBefore(now)) {
          late++;
        }
      }
      for (DutyLedger.Entry x : e.faults().ledger(f.faultId()).with(DutyLedger.Status.MISSED)) {
        missedByRule.merge(x.duty().ruleId().value(), 1L, Long::sum);
      }
    }
    due.set(open);
    overdue.set(late);
    missed.register(missedByRule.entrySet().stream()
        .map(m -> MultiGauge.Row.of(Tags.of("rule", m.getKey()), m.getValue())).toList(), true);
    awaitingReview.set(e.messages().live().stream().map(SmsMessage::state).filter(s -> s == SmsState.IN_REVIEW)
        .count());
    inDoubt.set(e.messages().inDoubt().size());
  }

  /**
   * {@code GET /health}: {@code {"status", "database": {"status"}, "loops": {"status", "running"}, "audit":
   * {"status", "key", "seal"}}}, 200 when all are UP, else 503. {@code audit.key} is {@code DEMO} when the log is
   * sealed with the published demo key, else {@code HOST}; {@code audit.seal} is {@link OpsEngine#auditSeal()}, and
   * the audit is DOWN once the log was re-keyed under a key this host does not hold (its every write is refused).
   * {@code "calendar": {"knownThrough", "daysKnown"}} when the working-day calendar says how far its holidays are
   * known (information: it does not change the status).
   */
  public Reply health(Exchange ex) {
    if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
      return Reply.error(405, "METHOD_NOT_ALLOWED", "use GET /health");
    }
    OpsEngine e = engine.get();
    ObjectNode o = OpsJson.object();
    boolean db;
    String dbDetail = null;
    try {
      e.faults().openFaults();
      db = true;
    } catch (RuntimeException failed) {
      db = false;
      dbDetail = Masking.databaseMessage(String.valueOf(failed.getMessage()));
    }
    boolean loops = e.isRunning();
    Optional<OpsJdbc.AuditSeal> seal = Optional.empty();
    if (db) {
      try {
        seal = e.auditSeal();
      } catch (RuntimeException failed) {
        db = false;
        dbDetail = Masking.databaseMessage(String.valueOf(failed.getMessage()));
      }
    }
    // a log re-keyed under a key this host does not hold refuses its every write
    boolean audit = seal.map(OpsJdbc.AuditSeal::appendable).orElse(true);
    boolean up = db && loops && audit;
    o.put("status", up ? "UP" : "DOWN");
    ObjectNode d = o.putObject("database").put("status", db ? "UP" : "DOWN");
    if (dbDetail != null) {
      d.put("detail", dbDetail);
    }
    o.putObject("loops").put("status", loops ? "UP" : "DOWN").put("running", loops);
    if (db) {
      ObjectNode a = o.putObject("audit").put("status", audit ? "UP" : "DOWN")
          .put("key", e.sealsWithDemoKey() ? "DEMO" : "HOST");
      seal.ifPresent(s -> a.put("seal", s.name()));
    }
    e.calendar().knownThrough().ifPresent(last -> o.putObject("calendar").put("knownThrough", last.toString())
        .put("daysKnown", daysKnown(e).orElseThrow()));
    return Reply.json(up ? 200 : 503, OpsJson.write(o));
  }

  /** Returns the registry (for tests and a host's own meters). */
  PrometheusMeterRegistry registry() {
    return registry;
  }

  static List<String> metricNames() {
    return List.of("opsbook_duties_due", "opsbook_duties_overdue", "opsbook_duties_missed",
        "opsbook_sms_awaiting_review", "opsbook_sms_in_doubt", "opsbook_outbox_lag_seconds", "opsbook_scheduler_claim_latency_seconds",
        "opsbook_storage_errors_total", "opsbook_calendar_days_known");
  }
}
