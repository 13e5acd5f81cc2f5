package org.opsbook.spring;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opsbook.core.InvalidInputException;
import org.opsbook.engine.OpsEngine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * API: the {@code opsbook.*} properties. The object validates itself when bound: an invalid value stops the
 * application with an error naming the property (for a threshold, the rule's field as {@code OpsParameters} names it).
 *
 * <pre>
 * opsbook.calendar-file=classpath:opsbook-calendar.txt     # StandardWorkCalendar.parse: holidays, 调休, zone, hours
 * opsbook.zone=Asia/Shanghai                               # overrides the calendar's zone
 * opsbook.owner=${HOSTNAME}                                # lease owner of this instance
 * opsbook.audit-key=${OPSBOOK_AUDIT_KEY}                   # base64, 32+ bytes: seals the audit log (required
 *                                                          # on a database that outlives the process)
 * opsbook.start-loops=true                                 # run the duty timers and the SMS outbox
 * opsbook.parameters.same-fault-customers-for-emergency=11 # any OpsParameters threshold, by its name
 * opsbook.parameters.progress-interval-escalated=20m
 * </pre>
 */
@ConfigurationProperties("opsbook")
public class OpsbookProperties implements Validator {
  /** Whether opsbook is auto-configured at all. */
  private boolean enabled = true;

  /**
   * The working-day calendar in the format of {@code StandardWorkCalendar.parse} ({@code classpath:…}, {@code file:…} or a file path). When
   * unset, Monday to Friday in Asia/Shanghai, 09:00–18:00.
   */
  private String calendarFile;

  /** The zone the calendar reads clock times in; overrides the calendar file's {@code zone} line. */
  private ZoneId zone;

  /**
   * This instance's name as lease owner and actor of deliveries, at most 100 characters; unique per instance when
   * unset.
   */
  private String owner;

  /**
   * The key the audit log is sealed under (HMAC-SHA256), base64 of at least 32 bytes, from a secret the database's
   * administrators cannot read (an environment secret, a vault). Required on a database that outlives the process
   * (PostgreSQL, an H2 file) unless {@code opsbook.demo-audit-key}; an in-memory H2 database needs none.
   */
  private String auditKey;

  /** Whether to seal the audit log with the published demo key, with which anyone can forge records (demos, tests). */
  private boolean demoAuditKey;

  /** Whether the duty timers and the SMS outbox run on the engine's threads while the context runs. */
  private boolean startLoops = true;

  /** The pause between outbox rounds, at least 1 ms. */
  private Duration outboxInterval = Duration.ofSeconds(1);

  /** How long stopping the engine waits for the work in flight. */
  private Duration stopTimeout = Duration.ofSeconds(30);

  /**
   * Thresholds and policies of {@code OpsParameters} by name ({@code l1-customers-min=60},
   * {@code progress-interval-escalated=20m}, {@code stall-mode=progress-and-one},
   * {@code extraction-peak-windows=09:00-12:00,14:00-18:00}); the rest keep the catalog's §15 defaults.
   */
  private Map<String, String> parameters = new LinkedHashMap<>();

  /** How the meters are read. */
  private final Metrics metrics = new Metrics();

  /** Returns {@code opsbook.enabled}. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets {@code opsbook.enabled}. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Returns {@code opsbook.calendar-file}. */
  public String getCalendarFile() {
    return calendarFile;
  }

  /** Sets {@code opsbook.calendar-file}. */
  public void setCalendarFile(String calendarFile) {
    this.calendarFile = calendarFile;
  }

  /** Returns {@code opsbook.zone}. */
  public ZoneId getZone() {
    return zone;
  }

  /** Sets {@code opsbook.zone}. */
  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  /** Returns {@code opsbook.owner}. */
  public String getOwner() {
    return owner;
  }

  /** Sets {@code opsbook.owner}. */
  public void setOwner(String owner) {
    this.owner = owner;
  }

  /** Returns {@code opsbook.audit-key}, base64. */
  public String getAuditKey() {
    return auditKey;
  }

  /** Sets {@code opsbook.audit-key}, base64. */
  public void setAuditKey(String auditKey) {
    this.auditKey = auditKey;
  }

  /** Returns the bytes of {@code opsbook.audit-key}, or null when unset; the value is checked when bound. */
  byte[] auditKeyBytes() {
    return auditKey == null || auditKey.isBlank() ? null : Base64.getDecoder().decode(auditKey.strip());
  }

  /** Returns {@code opsbook.demo-audit-key}. */
  public boolean isDemoAuditKey() {
    return demoAuditKey;
  }

  /** Sets {@code opsbook.demo-audit-key}. */
  public void setDemoAuditKey(boolean demoAuditKey) {
    this.demoAuditKey = demoAuditKey;
  }

  /** Returns {@code opsbook.start-loops}. */
  public boolean isStartLoops() {
    return startLoops;
  }

  /** Sets {@code opsbook.start-loops}. */
  public void setStartLoops(boolean startLoops) {
    this.startLoops = startLoops;
  }

  /** Returns {@code opsbook.outbox-interval}. */
  public Duration getOutboxInterval() {
    return outboxInterval;
  }

  /** Sets {@code opsbook.outbox-interval}. */
  public void setOutboxInterval(Duration outboxInterval) {
    this.outboxInterval = outboxInterval;
  }

  /** Returns {@code opsbook.stop-timeout}. */
  public Duration getStopTimeout() {
    return stopTimeout;
  }

  /** Sets {@code opsbook.stop-timeout}. */
  public void setStopTimeout(Duration stopTimeout) {
    this.stopTimeout = stopTimeout;
  }

  /** Returns {@code opsbook.parameters}. */
  public Map<String, String> getParameters() {
    return parameters;
  }

  /** Sets {@code opsbook.parameters}. */
  public void setParameters(Map<String, String> parameters) {
    this.parameters = parameters;
  }

  /** Returns {@code opsbook.metrics}. */
  public Metrics getMetrics() {
    return metrics;
  }

  @Override
  public boolean supports(Class<?> type) {
    return OpsbookProperties.class.isAssignableFrom(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    OpsbookProperties p = (OpsbookProperties) target;
    // the outbox loop is scheduled in whole milliseconds: 500us would be refused by the engine, not naming the property
    if (p.outboxInterval == null || p.outboxInterval.isNegative() || p.outboxInterval.toMillis() < 1) {
      errors.rejectValue("outboxInterval", "positive",
          "opsbook.outbox-interval must be positive, at least 1ms: " + p.outboxInterval);
    }
    if (p.stopTimeout == null || p.stopTimeout.isNegative()) {
      errors.rejectValue("stopTimeout", "nonNegative", "opsbook.stop-timeout must not be negative: " + p.stopTimeout);
    }
    if (p.owner != null && p.owner.isBlank()) {
      errors.rejectValue("owner", "blank", "opsbook.owner must not be blank when set");
    }
    if (p.owner != null && p.owner.length() > OpsEngine.Builder.MAX_OWNER_LENGTH) {
      errors.rejectValue("owner", "long", "opsbook.owner has at most " + OpsEngine.Builder.MAX_OWNER_LENGTH
          + " characters, not " + p.owner.length());
    }
    if (p.calendarFile != null && p.calendarFile.isBlank()) {
      errors.rejectValue("calendarFile", "blank", "opsbook.calendar-file must not be blank when set");
    }
    // the value is a secret: refused as an object error, since a field error carries the rejected value into the
    // startup failure and its log
    try {
      byte[] key = p.auditKeyBytes();
      if (key != null && key.length < 32) {
        errors.reject("auditKey.short", "opsbook.audit-key needs at least 32 bytes, not " + key.length);
      }
    } catch (IllegalArgumentException e) {
      errors.reject("auditKey.base64", "opsbook.audit-key must be base64");
    }
    if (p.auditKey != null && !p.auditKey.isBlank() && p.demoAuditKey) {
      errors.rejectValue("demoAuditKey", "both", "set at most one of opsbook.audit-key and opsbook.demo-audit-key");
    }
    if (p.metrics.refresh == null || p.metrics.refresh.isNegative()) {
      errors.rejectValue("metrics.refresh", "nonNegative",
          "opsbook.metrics.refresh must not be negative: " + p.metrics.refresh);
    }
    try {
      ParameterBinding.bind(p.parameters);
    } catch (InvalidInputException e) {
      errors.reject("parameters", e.getMessage());
    }
  }

  /** How the meters are read. */
  public static class Metrics {
    /** How long one reading of the database serves the meters (0: read at every scrape). */
    private Duration refresh = Duration.ofSeconds(10);

    /** Returns {@code opsbook.metrics.refresh}. */
    public Duration getRefresh() {
      return refresh;
    }

    /** Sets {@code opsbook.metrics.refresh}. */
    public void setRefresh(Duration refresh) {
      this.refresh = refresh;
    }
  }
}
