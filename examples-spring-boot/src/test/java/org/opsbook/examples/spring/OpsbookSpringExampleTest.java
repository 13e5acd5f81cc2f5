package org.opsbook.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.time.MutableClock;
import org.opsbook.engine.DutyReminder;
import org.opsbook.engine.OpsEngine;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsState;
import org.opsbook.spring.OpsbookMeterBinder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The "done when": a Spring Boot application that adds the starter and a {@code DataSource} (here a real
 * PostgreSQL) gets a working engine. On a simulated clock a duty falls due and reaches the application's
 * {@link DutyReminder} bean, and a notification SMS is drafted, reviewed, released and sent through its gateway bean.
 */
@SpringBootTest(properties = {"opsbook.start-loops=false", "opsbook.metrics.refresh=0s", "spring.main.keep-alive=false"})
class OpsbookSpringExampleTest {
  static final Instant T0 = Instant.parse("2026-11-25T01:20:00Z");
  private static final EmbeddedPostgres POSTGRES = start();

  @Autowired OpsEngine ops;
  @Autowired MutableClock clock;
  @Autowired LoggingMessageGateway gateway;
  @Autowired RecordingReminder reminder;
  @Autowired JdbcTemplate jdbc;
  @Autowired OpsbookMeterBinder meters;
  @Autowired HealthIndicator opsbookHealthIndicator;

  @TestConfiguration
  static class SimulatedTime {
    @Bean
    MutableClock clock() {
      return MutableClock.at(T0);
    }

    @Bean
    RecordingReminder reminder() {
      return new RecordingReminder();
    }
  }

  /** The application's reminder: here it records each due duty. */
  static final class RecordingReminder implements DutyReminder {
    final List<Obligation> reminded = new CopyOnWriteArrayList<>();

    @Override
    public void remind(Obligation duty, List<org.opsbook.core.Person> people) {
      reminded.add(duty);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    // PostgreSQL outlives the application: its audit log is sealed under the host's key, here a test's
    registry.add("opsbook.audit-key", () -> java.util.Base64.getEncoder().encodeToString(
        "the Spring example test's audit key, 32+ bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }

  @Test
  void theApplicationsMigrationsRanFirstAndOpsbooksSchemaAfterThem() {
    assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM duty_board", Integer.class)).isZero();
    Instant app = jdbc.queryForObject("SELECT max(installed_on) FROM flyway_schema_history", java.sql.Timestamp.class)
        .toInstant();
    Instant opsbook = jdbc.queryForObject("SELECT min(installed_on) FROM opsbook_schema_history",
        java.sql.Timestamp.class).toInstant();
    assertThat(opsbook).isAfterOrEqualTo(app);
    assertThat(opsbookHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
    assertThat(opsbookHealthIndicator.health().getDetails()).containsEntry("database", "reachable")
        .containsEntry("loops", "off");
  }

  @Test
  void ESC_ROOM_01_NOTIFY_TRIG_05_aDutyFiresAndAnSmsIsSentOnTheSimulatedClock() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    meters.bindTo(prometheus);
    ops.faults().open("F-SB-1", FaultFacts.builder().faultId("F-SB-1").nature(FaultNature.SYSTEM)
        .subjectName("BOSS").faultStartTime(clock.instant()).complaintCount(24).build(), "zhangsan");

    OpsEngine.DueWork first = ops.runDueWork();

    assertThat(first.dutiesReminded()).isPositive();
    assertThat(reminder.reminded).extracting(o -> o.ruleId().toString()).contains("ESC-ROOM-01");
    Obligation notify = ops.faults().duties("F-SB-1").stream()
        .filter(o -> o.ruleId().toString().equals("NOTIFY-TRIG-05")).findFirst().orElseThrow();

    SmsKey key = ops.messages().plan(notify).key();
    String text = ops.messages().draft(key, "zhangsan", MessageContent.builder().phenomenon("缴费后无法开机")
        .cause("待查").scope("全市").handlingParty(HandlingParty.IT_CENTER).eta("待定").followUpPerson("张三").build())
        .orThrow().record().text().orElseThrow();
    ops.messages().submit(key, "zhangsan").orThrow();
    assertThat(prometheus.scrape()).contains("opsbook_sms_awaiting_review 1.0");
    ops.messages().approve(key, "lisi", text).orThrow();
    ops.faults().told("F-SB-1", Role.FAULT_TEAM_LEADER, "lisi", "zhangsan");
    ops.faults().told("F-SB-1", Role.ROOM_SUPERVISOR, "wangwu", "zhangsan");
    ops.faults().told("F-SB-1", Role.ROOM_MANAGER, "zhaoliu", "zhangsan");
    ops.messages().release(key, "sunba").orThrow();
    assertThat(gateway.accepted()).doesNotContain(key.toString());

    clock.advance(Duration.ofMinutes(2));
    assertThat(prometheus.scrape()).contains("opsbook_outbox_pending 1.0", "opsbook_outbox_lag_seconds 120.0");
    OpsEngine.DueWork second = ops.runDueWork();

    assertThat(second.messagesSent()).isEqualTo(1);
    assertThat(gateway.accepted()).containsOnlyOnce(key.toString());
    assertThat(ops.messages().find(key).orElseThrow().state()).isEqualTo(SmsState.SENT);
    assertThat(ops.faults().duties("F-SB-1")).extracting(o -> o.ruleId().toString())
        .doesNotContain("NOTIFY-TRIG-05");
    assertThat(prometheus.scrape()).contains("opsbook_outbox_pending 0.0", "opsbook_duties_due",
        "opsbook_duties_overdue", "opsbook_storage_errors_total{loop=\"outbox\"} 0.0");
  }

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
    }
  }
}
