package org.opsbook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsbook.engine.EngineFixture;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.TimeWindow;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.MutableClock;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.engine.DutyReminder;
import org.opsbook.engine.OpsEngine;
import org.opsbook.engine.StorageErrorListener;
import org.opsbook.jdbc.OpsJdbc;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The auto-configuration: what it builds, what it leaves to the host, what it binds and what it refuses. */
class OpsbookAutoConfigurationTest {
  private final ApplicationContextRunner runner = HostBeans.runner();

  @Configuration(proxyBeanMethods = false)
  static class HostsOwnBeans {
    static final MutableClock CLOCK = MutableClock.at(EngineFixture.T0);
    static final WorkCalendar CALENDAR = StandardWorkCalendar.builder().addHolidays(LocalDate.of(2026, 11, 25))
        .build();
    static final OpsParameters PARAMETERS = OpsParameters.builder().l1CustomersMin(42).build();
    static final List<String> ERRORS = new CopyOnWriteArrayList<>();

    @Bean
    MutableClock clock() {
      return CLOCK;
    }

    @Bean
    WorkCalendar calendar() {
      return CALENDAR;
    }

    @Bean
    OpsParameters parameters() {
      return PARAMETERS;
    }

    @Bean
    DutyReminder reminder() {
      return (duty, people) -> { };
    }

    @Bean
    StorageErrorListener errors() {
      return (loop, e) -> ERRORS.add(loop);
    }
  }

  @Test
  void buildsAnEngineOverTheApplicationsDataSourceAndRunsItsLoopsWhileTheContextRuns() {
    OpsEngine[] seen = new OpsEngine[1];
    runner.withUserConfiguration(HostBeans.HOST).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(OpsEngine.class).hasSingleBean(OpsEngineLifecycle.class)
          .hasSingleBean(OpsbookMeterBinder.class).hasBean("opsbookHealthIndicator");
      OpsEngine engine = context.getBean(OpsEngine.class);
      seen[0] = engine;
      assertThat(engine.migrationsApplied()).isPositive();
      assertThat(engine.isRunning()).isTrue();
      assertThat(engine.directory()).isSameAs(context.getBean(Directory.class));
      assertThat(engine.parameters()).isEqualTo(OpsParameters.defaults());
      assertThat(engine.calendar()).isEqualTo(StandardWorkCalendar.weekdays());
      assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC());
      assertThat(context).hasSingleBean(DutyReminder.class).hasSingleBean(StorageErrorListener.class);
    });
    assertThat(seen[0].isRunning()).as("the context's close stopped the loops").isFalse();
  }

  @Test
  void theHostsOwnBeansReplaceTheDefaults() {
    runner.withUserConfiguration(HostBeans.HOST).withUserConfiguration(HostsOwnBeans.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Clock.class).hasSingleBean(WorkCalendar.class)
          .hasSingleBean(OpsParameters.class).hasSingleBean(DutyReminder.class)
          .hasSingleBean(StorageErrorListener.class);
      OpsEngine engine = context.getBean(OpsEngine.class);
      assertThat(engine.clock()).isSameAs(HostsOwnBeans.CLOCK);
      assertThat(engine.calendar()).isSameAs(HostsOwnBeans.CALENDAR);
      assertThat(engine.parameters().l1CustomersMin()).isEqualTo(42);
      assertThat(context.getBean(DutyReminder.class)).isSameAs(context.getBean("reminder"));
      context.getBean(OpsbookStorageErrors.class).onError("outbox", new IllegalStateException("x"));
      assertThat(HostsOwnBeans.ERRORS).contains("outbox");
    });
  }

  @Test
  void theHostsOwnEngineReplacesTheAutoConfiguredOne() {
    runner.withUserConfiguration(HostBeans.HOST).withBean("myEngine", OpsEngine.class,
        () -> OpsEngine.builder().dataSource(EngineFixture.freshH2()).directory(EngineFixture.people())
            .gateway(new RecordingMessageGateway(Clock.systemUTC())).build())
        .run(context -> assertThat(context).hasSingleBean(OpsEngine.class).hasBean("myEngine")
            .doesNotHaveBean("opsEngine"));
  }

  /** A host's own engine on a pool it opens itself ({@code Builder.database}): no {@code DataSource} bean. */
  @Configuration(proxyBeanMethods = false)
  static class HostsOwnEngineAndPool {
    @Bean(destroyMethod = "close")
    OpsEngine myEngine() {
      return OpsEngine.builder().database(OpsJdbc.h2MemoryUrl("own_" + System.nanoTime()), 2)
          .directory(EngineFixture.people()).gateway(new RecordingMessageGateway(Clock.systemUTC())).build();
    }
  }

  @Test
  void theMetersAndTheHealthBackOffWhenDisabledOrWhenTheHostsOwnEngineLeavesTheStarterOff() {
    // before: both asked for a DataSource and the starter's OpsbookStorageErrors beside any OpsEngine bean, and the
    // application failed to start
    runner.withUserConfiguration(HostBeans.HOST).withUserConfiguration(HostsOwnEngineAndPool.class)
        .withPropertyValues("opsbook.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpsEngine.class)
            .doesNotHaveBean(OpsbookStorageErrors.class).doesNotHaveBean(OpsbookMeterBinder.class)
            .doesNotHaveBean("opsbookHealthIndicator"));
    runner.withUserConfiguration(HostBeans.People.class, HostBeans.Gateway.class, HostsOwnEngineAndPool.class)
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpsEngine.class)
            .doesNotHaveBean(OpsbookMeterBinder.class).doesNotHaveBean("opsbookHealthIndicator"));
  }

  /** A host's own engine over the application's {@code DataSource}. */
  @Configuration(proxyBeanMethods = false)
  static class HostsOwnEngine {
    @Bean(destroyMethod = "close")
    OpsEngine myEngine(DataSource dataSource, Directory directory, MessageGateway gateway) {
      return OpsEngine.builder().dataSource(dataSource).directory(directory).gateway(gateway).build();
    }
  }

  @Test
  void theHostsOwnEngineOverTheApplicationsDataSourceHasTheMetersAndTheHealth() {
    runner.withUserConfiguration(HostBeans.HOST).withUserConfiguration(HostsOwnEngine.class)
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpsEngine.class)
            .hasSingleBean(OpsbookMeterBinder.class).hasBean("opsbookHealthIndicator"));
  }

  /** One person with a Chinese name, as the duty room's directories list them. */
  private static final InMemoryDirectory ZHANG = InMemoryDirectory.of(List.of(Person.builder().id("zhangsan")
      .name("张三丰").phone("13800138000").addRoles(Role.ESC_DUTY).addRecipientClasses(RecipientClass.C).build()));

  /** A host's own directory over {@link #ZHANG}: its names are read from {@link Directory#people()}. */
  @Configuration(proxyBeanMethods = false)
  static class HostsOwnDirectory {
    @Bean
    Directory directory() {
      return new Directory() {
        @Override
        public List<Person> members(RecipientClass recipientClass) {
          return ZHANG.members(recipientClass);
        }

        @Override
        public Optional<Person> find(String personId) {
          return ZHANG.find(personId);
        }

        @Override
        public List<Person> withRole(Role role) {
          return ZHANG.withRole(role);
        }
      };
    }
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void theDefaultStorageErrorListenerMasksTheDirectorysNamesAsWellAsNumbers(CapturedOutput output) {
    // before: numbers alone were masked, though the engine's own default masks the directory's names too
    IllegalStateException error = new IllegalStateException("no route to 张三丰 at 13800138000",
        new IllegalArgumentException("张三丰 refused"));
    runner.withUserConfiguration(HostBeans.Storage.class, HostBeans.Gateway.class)
        .withBean(Directory.class, () -> ZHANG).withPropertyValues("opsbook.start-loops=false")
        .run(context -> context.getBean(StorageErrorListener.class).onError("outbox", error));
    assertThat(output.getAll()).contains("opsbook outbox loop: IllegalStateException: no route to 张** at 138****8000"
        + " <- IllegalArgumentException: 张** refused").doesNotContain("张三丰", "13800138000");
    runner.withUserConfiguration(HostBeans.Storage.class, HostBeans.Gateway.class, HostsOwnDirectory.class)
        .withPropertyValues("opsbook.start-loops=false")
        .run(context -> context.getBean(StorageErrorListener.class).onError("duties", error));
    assertThat(output.getAll()).contains("opsbook duties loop: IllegalStateException: no route to 张** at")
        .doesNotContain("张三丰");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void anInMemoryDatabaseIsSaidToLoseEverythingAtTheApplicationsStop(CapturedOutput output) {
    // before: Boot's embedded H2 in memory ran the engine without a word, and a restart lost every fault and record
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.start-loops=false")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpsEngine.class));
    assertThat(output.getAll()).contains("opsbook runs on an in-memory database")
        .contains("set spring.datasource.url to a lasting database");
  }

  @Test
  void withoutADirectoryTheContextFailsNamingTheMissingBean() {
    runner.withUserConfiguration(HostBeans.Storage.class, HostBeans.Gateway.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(rootMessage(context.getStartupFailure())).contains("org.opsbook.core.spi.Directory")
          .contains("opsbook needs exactly one bean");
    });
  }

  @Test
  void withoutAGatewayTheContextFailsNamingTheMissingBean() {
    runner.withUserConfiguration(HostBeans.Storage.class, HostBeans.People.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(rootMessage(context.getStartupFailure())).contains("org.opsbook.core.spi.MessageGateway");
    });
  }

  @Test
  void bindsTheProperties() {
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues(
        "opsbook.calendar-file=classpath:test-calendar.txt",
        "opsbook.zone=Asia/Urumqi",
        "opsbook.owner=node-1",
        "opsbook.start-loops=false",
        "opsbook.outbox-interval=250ms",
        "opsbook.parameters.l1-customers-min=60",
        "opsbook.parameters.sameFaultCustomersForEmergency=11",
        "opsbook.parameters.progress-interval-escalated=20m",
        "opsbook.parameters.stall-mode=progress-and-one",
        "opsbook.parameters.timely-deadline=2h",
        "opsbook.parameters.allow-no-backup-for-insert-only=true",
        "opsbook.parameters.batch-financial-yuan=50000.5",
        "opsbook.parameters.daily-progress-entry-due-time=17:00",
        "opsbook.parameters.extraction-peak-windows=09:00-11:30, 14:00-17:00").run(context -> {
          assertThat(context).hasNotFailed();
          OpsbookProperties properties = context.getBean(OpsbookProperties.class);
          assertThat(properties.getOwner()).isEqualTo("node-1");
          assertThat(properties.getOutboxInterval()).isEqualTo(Duration.ofMillis(250));
          OpsEngine engine = context.getBean(OpsEngine.class);
          assertThat(engine.isRunning()).isFalse();
          OpsParameters p = engine.parameters();
          assertThat(p.l1CustomersMin()).isEqualTo(60);
          assertThat(p.sameFaultCustomersForEmergency()).isEqualTo(11);
          assertThat(p.progressIntervalEscalated()).isEqualTo(Duration.ofMinutes(20));
          assertThat(p.stallMode()).isEqualTo(OpsParameters.StallMode.PROGRESS_AND_ONE);
          assertThat(p.timelyDeadline()).contains(Duration.ofHours(2));
          assertThat(p.allowNoBackupForInsertOnly()).isTrue();
          assertThat(p.batchFinancialYuan()).isEqualByComparingTo("50000.5");
          assertThat(p.dailyProgressEntryDueTime()).contains(LocalTime.of(17, 0));
          assertThat(p.extractionPeakWindows()).containsExactly(TimeWindow.of(LocalTime.of(9, 0),
              LocalTime.of(11, 30)), TimeWindow.of(LocalTime.of(14, 0), LocalTime.of(17, 0)));
          assertThat(p.l2CustomersMin()).as("unset parameters keep the defaults").isEqualTo(500);
          WorkCalendar calendar = engine.calendar();
          assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
          assertThat(calendar.workdayEnd()).isEqualTo(LocalTime.of(17, 30));
          assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
          assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        });
  }

  @Test
  void bindsAParameterFromAnEnvironmentVariable() {
    // before: Spring binds OPSBOOK_PARAMETERS_L1_CUSTOMERS_MIN as the key l1.customers.min, refused as unknown
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.start-loops=false")
        .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("OPSBOOK_PARAMETERS_L1_CUSTOMERS_MIN", "60", "OPSBOOK_PARAMETERS_STALL_MODE",
                    "PROGRESS_AND_ONE"))))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(OpsbookProperties.class).getParameters()).containsKey("l1.customers.min");
          OpsParameters p = context.getBean(OpsEngine.class).parameters();
          assertThat(p.l1CustomersMin()).isEqualTo(60);
          assertThat(p.stallMode()).isEqualTo(OpsParameters.StallMode.PROGRESS_AND_ONE);
        });
  }

  @Test
  void refusesAThresholdTheParametersRefuseNamingTheProperty() {
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.parameters.l1-customers-min=600")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(rootMessage(context.getStartupFailure())).contains("opsbook.parameters.l1-customers-min")
              .contains("l1CustomersMin must be <= l1CustomersMax");
        });
  }

  @Test
  void refusesAnUnknownOrUnreadableParameterNamingTheProperty() {
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.parameters.l1-customer-min=60")
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.parameters.l1-customer-min", "no such parameter"));
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.parameters.stall-mode=sometimes")
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.parameters.stall-mode", "PROGRESS_AND_ONE"));
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.parameters.l2-hot-minutes=-1")
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.parameters.l2-hot-minutes", "must be >= 0"));
  }

  /** A host's H2 file database: it outlives the process, so its audit log needs the host's key. */
  @Configuration(proxyBeanMethods = false)
  static class LastingStorage {
    static final Path DIR = newFolder();

    private static Path newFolder() {
      try {
        return Files.createTempDirectory("opsbook-starter");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Bean
    DataSource dataSource() {
      return OpsJdbc.h2DataSource(OpsJdbc.h2FileUrl(
          DIR.resolve("db-" + System.nanoTime())));
    }
  }

  private static final String KEY = Base64.getEncoder().encodeToString(EngineFixture.auditKey());

  @Test
  void sealsALastingDatabasesAuditLogUnderOpsbookAuditKeyAndRefusesToStartWithoutIt() {
    Class<?>[] lasting = {LastingStorage.class, HostBeans.People.class, HostBeans.Gateway.class};
    runner.withUserConfiguration(lasting).run(context -> {
      assertThat(context).hasFailed();
      // before: only the engine builder's message, naming its Java methods auditKey(byte[]) and demoAuditKey()
      assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith("opsbook.audit-key: ")
          .hasMessageContaining("opsbook.demo-audit-key=true").hasMessageContaining("PostgreSQL, an H2 file");
      assertThat(rootMessage(context.getStartupFailure())).doesNotContain("auditKey(byte[])");
    });
    runner.withUserConfiguration(lasting).withPropertyValues("opsbook.audit-key=" + KEY).run(context -> {
      assertThat(context).hasNotFailed();
      OpsEngine engine = context.getBean(OpsEngine.class);
      engine.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      assertThat(engine.auditLog().verify("fault:F-1").intact()).isTrue();
      DataSource db = context.getBean(DataSource.class);
      assertThat(OpsJdbc.create(db).auditLog().verify("fault:F-1").intact())
          .as("not sealed with the published demo key").isFalse();
    });
    runner.withUserConfiguration(lasting).withPropertyValues("opsbook.demo-audit-key=true")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void refusesAShortOrUnreadableAuditKeyNamingThePropertyButNotItsValue() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[20]);
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.audit-key=" + shortKey)
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.audit-key needs at least 32 bytes, not 20").doesNotContain(shortKey));
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.audit-key=not base64 at all!")
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.audit-key must be base64").doesNotContain("not base64 at all!"));
    runner.withUserConfiguration(HostBeans.HOST)
        .withPropertyValues("opsbook.audit-key=" + KEY, "opsbook.demo-audit-key=true")
        .run(context -> assertThat(rootMessage(context.getStartupFailure())).contains("at most one")
            .doesNotContain(KEY));
  }

  @Test
  void refusesANonPositiveOutboxIntervalNamingTheProperty() {
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.outbox-interval=0s").run(context -> {
      assertThat(context).hasFailed();
      assertThat(rootMessage(context.getStartupFailure())).contains("opsbook.outbox-interval must be positive");
    });
  }

  @Test
  void refusesAnOutboxIntervalBelowAMillisecondNamingTheProperty() {
    // before: the engine's builder refused it naming its own method, outboxInterval
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.outbox-interval=500us")
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.outbox-interval must be positive, at least 1ms: PT0.0005S"));
  }

  @Test
  void refusesAnOwnerLongerThanTheEngineRecordsNamingTheProperty() {
    // before: the engine's builder refused it naming its own method, owner
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.owner=" + "n".repeat(101))
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.owner has at most 100 characters, not 101"));
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.owner=" + "n".repeat(100),
        "opsbook.start-loops=false").run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aCalendarFileThatIsAFolderFailsNamingTheProperty() {
    // before: the parser's UncheckedIOException stopped the application without naming the property; the error
    // masks the digits of the folder's temporary name as it masks numbers
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.calendar-file=" + LastingStorage.DIR)
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.calendar-file: cannot read "));
  }

  @Test
  void aBadCalendarFileFailsNamingTheFileAndTheLine() {
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.calendar-file=classpath:bad-calendar.txt")
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.calendar-file", "bad-calendar.txt", "line 2"));
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.calendar-file=/no/such/calendar.txt")
        .run(context -> assertThat(rootMessage(context.getStartupFailure()))
            .contains("opsbook.calendar-file", "/no/such/calendar.txt"));
  }

  @Test
  void backsOffWithoutADataSourceOrWhenDisabled() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OpsEngine.class));
    runner.withUserConfiguration(HostBeans.HOST).withPropertyValues("opsbook.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OpsEngine.class)
            .doesNotHaveBean(OpsbookMeterBinder.class));
  }

  /** Two databases, as an application with a reporting database has them. */
  @Configuration(proxyBeanMethods = false)
  static class TwoDataSources {
    @Bean
    DataSource appDb() {
      return EngineFixture.freshH2();
    }

    @Bean
    DataSource reportingDb() {
      return EngineFixture.freshH2();
    }
  }

  /** Two databases, the application's one {@code @Primary}. */
  @Configuration(proxyBeanMethods = false)
  static class TwoDataSourcesOnePrimary {
    @Bean
    @Primary
    DataSource appDb() {
      return EngineFixture.freshH2();
    }

    @Bean
    DataSource reportingDb() {
      return EngineFixture.freshH2();
    }
  }

  @Test
  void backsOffBesideTwoDataSourcesWithoutAPrimaryAndTakesThePrimaryOne() {
    // before: the engine asked for the one DataSource of two and the application failed to start
    runner.withUserConfiguration(TwoDataSources.class, HostBeans.People.class, HostBeans.Gateway.class)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OpsEngine.class)
            .doesNotHaveBean(OpsbookMeterBinder.class).doesNotHaveBean("opsbookHealthIndicator"));
    runner.withUserConfiguration(TwoDataSourcesOnePrimary.class, HostBeans.People.class, HostBeans.Gateway.class)
        .withPropertyValues("opsbook.start-loops=false").run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(OpsEngine.class).hasSingleBean(OpsbookMeterBinder.class);
          assertThat(EngineFixture.tables(context.getBean("appDb", DataSource.class))).contains("ops_outbox");
          assertThat(EngineFixture.tables(context.getBean("reportingDb", DataSource.class)))
              .doesNotContain("ops_outbox");
        });
  }

  @Test
  void withoutMicrometerOrActuatorThereIsNoMeterBinderOrHealthIndicator() {
    runner.withUserConfiguration(HostBeans.HOST).withClassLoader(new FilteredClassLoader(MeterBinder.class,
        HealthIndicator.class)).run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpsEngine.class)
            .doesNotHaveBean(OpsbookMeterBinder.class).doesNotHaveBean("opsbookHealthIndicator"));
  }

  private static String rootMessage(Throwable failure) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append('\n');
    }
    return b.toString();
  }
}
