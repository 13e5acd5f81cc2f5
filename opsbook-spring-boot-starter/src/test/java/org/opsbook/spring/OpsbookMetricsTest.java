package org.opsbook.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.opsbook.engine.EngineFixture;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.time.MutableClock;
import org.opsbook.engine.Messages;
import org.opsbook.engine.OpsEngine;
import org.opsbook.engine.StorageErrorListener;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.SmsKey;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The meters and the health indicator, read on the engine's simulated clock and after real loop errors. */
class OpsbookMetricsTest {
  private final ApplicationContextRunner runner = HostBeans.runner()
      .withUserConfiguration(HostBeans.Storage.class, HostBeans.People.class, Host.class)
      .withPropertyValues("opsbook.metrics.refresh=0s");

  @Configuration(proxyBeanMethods = false)
  static class Host {
    @Bean
    MutableClock clock() {
      return MutableClock.at(EngineFixture.T0);
    }

    @Bean
    MessageGateway gateway(MutableClock clock) {
      return new RecordingMessageGateway(clock);
    }
  }

  @Test
  void TIME_02_aGaugeCountsTheDaysTheCalendarsHolidaysReach() {
    runner.withPropertyValues("opsbook.start-loops=false", "opsbook.calendar-file=classpath:test-calendar.txt")
        .run(context -> {
          MeterRegistry registry = new SimpleMeterRegistry();
          context.getBean(OpsbookMeterBinder.class).bindTo(registry);
          // the clock reads 2026-11-25 in Shanghai; the file lists 2026's National Day
          assertThat(gauge(registry, "opsbook.calendar.days.known")).isEqualTo(36);
          context.getBean(MutableClock.class).advance(Duration.ofDays(40));
          assertThat(gauge(registry, "opsbook.calendar.days.known")).isEqualTo(-4);
        });
    runner.withPropertyValues("opsbook.start-loops=false").run(context -> {
      MeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(OpsbookMeterBinder.class).bindTo(registry);
      assertThat(registry.find("opsbook.calendar.days.known").gauge()).as("Monday to Friday says nothing").isNull();
    });
  }

  @Test
  void ESC_ROOM_01_theMetersShowDutiesDueAndOverdueSmsInReviewAndTheOutboxLag() {
    runner.withPropertyValues("opsbook.start-loops=false").run(context -> {
      OpsEngine ops = context.getBean(OpsEngine.class);
      MutableClock clock = context.getBean(MutableClock.class);
      MeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(OpsbookMeterBinder.class).bindTo(registry);
      assertThat(gauge(registry, "opsbook.duties.open")).isZero();

      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      double due = gauge(registry, "opsbook.duties.due");
      assertThat(ops.faults().duties("F-1")).extracting(o -> o.ruleId().toString()).contains("ESC-ROOM-01");
      assertThat(due).as("ESC-ROOM-01 is due at once").isPositive();
      assertThat(gauge(registry, "opsbook.duties.overdue")).as("a deadline is inclusive (TIME-08)").isZero();
      assertThat(gauge(registry, "opsbook.duties.open")).isGreaterThanOrEqualTo(due);

      clock.advance(Duration.ofMinutes(1));
      assertThat(gauge(registry, "opsbook.duties.overdue")).isEqualTo(due);

      SmsKey key = ops.messages().plan(notifyDuty(ops)).key();
      String text = ops.messages().draft(key, "zhangsan", EngineFixture.content()).orThrow().record().text()
          .orElseThrow();
      ops.messages().submit(key, "zhangsan").orThrow();
      assertThat(gauge(registry, "opsbook.sms.awaiting.review")).isEqualTo(1);
      ops.messages().approve(key, "lisi", text).orThrow();
      ops.faults().told("F-1", Role.FAULT_TEAM_LEADER, "lisi", "zhangsan");
      ops.faults().told("F-1", Role.ROOM_SUPERVISOR, "wangwu", "zhangsan");
      ops.faults().told("F-1", Role.ROOM_MANAGER, "zhaoliu", "zhangsan");
      ops.messages().release(key, "sunba").orThrow();
      assertThat(gauge(registry, "opsbook.sms.awaiting.review")).isZero();
      assertThat(gauge(registry, "opsbook.outbox.pending")).isEqualTo(1);

      clock.advance(Duration.ofMinutes(5));
      assertThat(registry.get("opsbook.outbox.lag").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(300);
      assertThat(ops.runDueWork().messagesSent()).isEqualTo(1);
      assertThat(gauge(registry, "opsbook.outbox.pending")).isZero();
      assertThat(registry.get("opsbook.outbox.lag").timeGauge().value(TimeUnit.SECONDS)).isZero();
      assertThat(registry.get("opsbook.storage.errors").tag("loop", "outbox").functionCounter().count()).isZero();
    });
  }

  @Test
  void aReadingCountsTheSmsInReviewAmongTheLiveOnesNotTheWholeHistory() {
    // before: every reading loaded every SMS ever planned (Messages.list, a query per message) to count those in review
    runner.withPropertyValues("opsbook.start-loops=false").run(context -> {
      OpsEngine ops = context.getBean(OpsEngine.class);
      EngineFixture.releasedNotification(ops, "F-1");
      assertThat(ops.runDueWork().messagesSent()).isOne();
      ops.faults().open("F-2", EngineFixture.l1("F-2"), "zhangsan");
      SmsKey key = ops.messages().plan(EngineFixture.notifyDuty(ops, "F-2")).key();
      ops.messages().draft(key, "zhangsan", EngineFixture.content()).orThrow();
      ops.messages().submit(key, "zhangsan").orThrow();
      Messages messages = mock(Messages.class, AdditionalAnswers.delegatesTo(ops.messages()));
      OpsEngine engine = spy(ops);
      doReturn(messages).when(engine).messages();
      MeterRegistry registry = new SimpleMeterRegistry();
      new OpsbookMeterBinder(engine, context.getBean(DataSource.class), context.getBean(OpsbookStorageErrors.class),
          Duration.ZERO).bindTo(registry);

      assertThat(gauge(registry, "opsbook.sms.awaiting.review")).isOne();
      verify(messages, never()).list();
    });
  }

  @Test
  void SM_SMS_T05_theMetersShowASendLeftInDoubtUntilThe68284DeskResolvesIt() {
    runner.withPropertyValues("opsbook.start-loops=false").run(context -> {
      OpsEngine ops = context.getBean(OpsEngine.class);
      MeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(OpsbookMeterBinder.class).bindTo(registry);
      SmsKey key = EngineFixture.releasedNotification(ops, "F-1");
      assertThat(gauge(registry, "opsbook.sms.in.doubt")).isZero();

      // a host takes the SMS, marks it as being sent and dies before the gateway answers; its lease lapses (leases
      // run on the database's clock)
      MessageOutbox outbox = OpsJdbc.create(context.getBean(DataSource.class)).outbox();
      Instant now = ops.clock().instant();
      OutboxMessage taken = outbox.claim(now, 1, "a-host-that-died", Duration.ofMillis(1)).get(0);
      assertThat(outbox.markSending(taken, now, Duration.ofMillis(1))).isTrue();
      Thread.sleep(50);

      assertThat(gauge(registry, "opsbook.sms.in.doubt")).isOne();
      assertThat(ops.messages().confirmSent(key, "sunba")).isTrue();
      assertThat(gauge(registry, "opsbook.sms.in.doubt")).isZero();
    });
  }

  @Test
  void theLoopsStorageErrorsAreCountedAndTheHealthFollowsTheLoops() {
    runner.withPropertyValues("opsbook.outbox-interval=20ms").run(context -> {
      OpsEngine ops = context.getBean(OpsEngine.class);
      HealthIndicator health = context.getBean("opsbookHealthIndicator", HealthIndicator.class);
      MeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(OpsbookMeterBinder.class).bindTo(registry);
      assertThat(ops.isRunning()).isTrue();
      Health up = health.health();
      assertThat(up.getStatus()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).containsEntry("database", "reachable").containsEntry("loops", "running")
          .containsEntry("storageErrors", 0L);

      try (Connection c = context.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP TABLE ops_outbox");
      }
      awaitUntil(() -> registry.get("opsbook.storage.errors").tag("loop", "outbox").functionCounter().count() > 0);
      Health failing = health.health();
      assertThat(failing.getStatus()).as("the database answers and the loops retry").isEqualTo(Status.UP);
      assertThat(failing.getDetails()).containsKey("lastStorageError");
      assertThat((long) failing.getDetails().get("storageErrors")).isPositive();

      ops.close();
      Health stopped = health.health();
      assertThat(stopped.getStatus()).isEqualTo(Status.DOWN);
      assertThat(stopped.getDetails()).containsEntry("loops", "stopped");
    });
  }

  /** The application's own engine, built with the starter's listener as the README and OpsbookStorageErrors say. */
  @Configuration(proxyBeanMethods = false)
  static class HostsOwnEngine {
    static final List<String> HEARD = new CopyOnWriteArrayList<>();

    @Bean
    StorageErrorListener listener() {
      return (loop, error) -> HEARD.add(loop);
    }

    @Bean
    OpsEngine myEngine(DataSource dataSource, Directory directory, MessageGateway gateway,
        OpsbookStorageErrors errors) {
      return OpsEngine.builder().dataSource(dataSource).directory(directory).gateway(gateway)
          .outboxInterval(Duration.ofMillis(20)).storageErrors(errors::onError).build();
    }
  }

  @Test
  void theHostsOwnEngineBuiltWithTheStartersListenerHasItsErrorsCountedAndHeard() {
    runner.withUserConfiguration(HostsOwnEngine.class).run(context -> {
      assertThat(context).hasSingleBean(OpsEngine.class).hasBean("myEngine");
      HealthIndicator health = context.getBean("opsbookHealthIndicator", HealthIndicator.class);
      try (Connection c = context.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP TABLE ops_outbox");
      }
      awaitUntil(() -> (long) health.health().getDetails().get("storageErrors") > 0);
      assertThat(HostsOwnEngine.HEARD).contains("outbox");
    });
  }

  @Test
  void theHealthSaysHowTheAuditLogIsSealedAndIsDownOnceItIsReKeyedAway() {
    // before: a host whose log another host or an operator re-keyed stayed UP while its every write was refused
    runner.withPropertyValues("opsbook.start-loops=false").run(context -> {
      OpsEngine ops = context.getBean(OpsEngine.class);
      HealthIndicator health = context.getBean("opsbookHealthIndicator", HealthIndicator.class);
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      Health up = health.health();
      assertThat(up.getStatus()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).containsEntry("auditKey", "demo").containsEntry("auditSeal", "THIS_KEY");

      OpsJdbc.create(context.getBean(DataSource.class))
          .withAuditKey("the next audit key, thirty-two bytes or more".getBytes(StandardCharsets.UTF_8))
          .rekeyAuditFromDemoKey();
      Health down = health.health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails()).containsEntry("auditSeal", "OTHER_KEY").containsEntry("database", "reachable");
    });
  }

  private static double gauge(MeterRegistry registry, String name) {
    return registry.get(name).gauge().value();
  }

  private static Obligation notifyDuty(OpsEngine ops) {
    return ops.faults().duties("F-1").stream().filter(o -> o.ruleId().toString().equals("NOTIFY-TRIG-05"))
        .findFirst().orElseThrow();
  }

  private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
  }
}
