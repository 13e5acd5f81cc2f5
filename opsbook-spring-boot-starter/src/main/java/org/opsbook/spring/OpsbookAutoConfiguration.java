package org.opsbook.spring;

import com.google.common.base.Suppliers;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Person;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.engine.DutyReminder;
import org.opsbook.engine.OpsEngine;
import org.opsbook.engine.StorageErrorListener;
import org.opsbook.engine.internal.Defaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

/**
 * API: auto-configures one {@link OpsEngine} over the application's {@link DataSource}. It backs off without one
 * {@code DataSource} (a single bean, or the {@code @Primary} one of several): an application with two databases and
 * no primary defines the {@code OpsEngine} itself, over the one opsbook keeps its tables in.
 *
 * <p>opsbook's schema is migrated by the engine itself when it is built (its own Flyway history table,
 * {@code opsbook_schema_history}, and its PostgreSQL or H2 scripts), not by a {@code Flyway} bean: a second Flyway bean
 * would make Spring Boot's Flyway auto-configuration back off and leave the application's own migrations unrun, and
 * the engine migrates the same way in every host, Spring or not. The engine bean is ordered after the application's
 * database initialisation ({@link DependsOnDatabaseInitialization}: Flyway, Liquibase or SQL scripts) and this
 * configuration after {@code DataSourceAutoConfiguration} and {@code FlywayAutoConfiguration}, so the application's
 * migrations run first on an empty schema and opsbook's follow.
 *
 * <p>The application defines a {@link Directory} and a {@link MessageGateway}; every other bean here is a default it
 * replaces by defining its own: {@link DutyReminder}, {@link StorageErrorListener}, {@link Clock},
 * {@link WorkCalendar}, {@link OpsParameters}, and the engine and its lifecycle themselves.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
    afterName = "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration")
@ConditionalOnClass(OpsEngine.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "opsbook", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OpsbookProperties.class)
public class OpsbookAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(OpsbookAutoConfiguration.class);

  /** What the logs mask without the directory's names: phone and ID-card numbers. */
  private static final Masking.Names NO_NAMES = Masking.names(List.of());

  /** How often the names of a directory other than an {@code InMemoryDirectory} are read again, as the engine does. */
  private static final Duration NAMES_REREAD = Duration.ofMinutes(1);

  /** Why the engine refuses a database that outlives the application without a key, in the host's properties. */
  private static final String MISSING_AUDIT_KEY = "opsbook.audit-key: the audit log of a database that outlives the"
      + " application (PostgreSQL, an H2 file) is sealed under the host's secret; set opsbook.audit-key to the base64"
      + " of at least 32 bytes kept outside the database (an environment secret, a vault), or, for demos and tests"
      + " only, opsbook.demo-audit-key=true, which seals it with a published key anyone can forge records with";

  /** Creates the auto-configuration; Spring calls it. */
  public OpsbookAutoConfiguration() {}

  /** The clock every step reads its time from: the system clock in UTC. */
  @Bean
  @ConditionalOnMissingBean
  public Clock opsbookClock() {
    return Clock.systemUTC();
  }

  /** The working-day calendar from {@code opsbook.calendar-file} and {@code opsbook.zone}, else Monday to Friday. */
  @Bean
  @ConditionalOnMissingBean
  public WorkCalendar opsbookWorkCalendar(OpsbookProperties properties, ResourceLoader resources) {
    StandardWorkCalendar calendar = properties.getCalendarFile() == null ? StandardWorkCalendar.weekdays()
        : readCalendar(properties.getCalendarFile(), resources);
    return properties.getZone() == null ? calendar : calendar.toBuilder().zone(properties.getZone()).build();
  }

  /** The thresholds: the catalog's §15 defaults with {@code opsbook.parameters.*} applied. */
  @Bean
  @ConditionalOnMissingBean
  public OpsParameters opsbookParameters(OpsbookProperties properties) {
    return ParameterBinding.bind(properties.getParameters());
  }

  /** Logs each due duty at INFO with the people who owe it, names masked. */
  @Bean
  @ConditionalOnMissingBean
  public DutyReminder opsbookDutyReminder() {
    return (duty, people) -> LOG.info("due {} {} {} -> {}: {} (owed by {})", duty.ruleId(), duty.subjectId(),
        duty.actor(), duty.target(), duty.action(), names(people));
  }

  /**
   * Logs each storage error of the loops at WARN, every message in its cause chain with phone numbers and the names
   * of the application's {@link Directory} masked, as the engine's own default listener masks them.
   */
  @Bean
  @ConditionalOnMissingBean
  public StorageErrorListener opsbookStorageErrorListener(ObjectProvider<Directory> directory) {
    Supplier<Masking.Names> names = directoryNames(directory);
    return (loop, error) -> {
      if (LOG.isWarnEnabled()) {
        LOG.warn("opsbook {} loop: {}", loop, masked(error, names.get()));
      }
    };
  }

  /** Counts the loops' storage errors and passes them on to the application's listener. */
  @Bean
  @ConditionalOnMissingBean
  public OpsbookStorageErrors opsbookStorageErrors(StorageErrorListener listener, Clock clock) {
    return new OpsbookStorageErrors(listener, clock);
  }

  /**
   * The engine over the application's {@code DataSource}, its schema migrated after the application's own.
   *
   * @throws NoSuchBeanDefinitionException naming {@link Directory} or {@link MessageGateway} when the application
   *     defines none
   * @throws IllegalStateException naming {@code opsbook.audit-key} and {@code opsbook.demo-audit-key} when the
   *     database outlives the application and neither is set
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @DependsOnDatabaseInitialization
  public OpsEngine opsEngine(DataSource dataSource, ObjectProvider<Directory> directory,
      ObjectProvider<MessageGateway> gateway, DutyReminder reminder, OpsbookStorageErrors errors, Clock clock,
      WorkCalendar calendar, OpsParameters parameters, OpsbookProperties properties) {
    OpsEngine.Builder b = OpsEngine.builder().dataSource(dataSource)
        .directory(required(directory, Directory.class, "the people: who holds each role and who is in classes A-D"))
        .gateway(required(gateway, MessageGateway.class, "the SMS platform the outbox sends through"))
        .reminder(reminder).storageErrors(errors::onError).clock(clock).calendar(calendar).parameters(parameters)
        .outboxInterval(properties.getOutboxInterval()).stopTimeout(properties.getStopTimeout());
    if (properties.getOwner() != null) {
      b.owner(properties.getOwner());
    }
    byte[] key = properties.auditKeyBytes();
    if (key != null) {
      b.auditKey(key);
    } else if (properties.isDemoAuditKey()) {
      b.demoAuditKey();
    }
    try {
      OpsEngine engine = b.build();
      if (key == null && !properties.isDemoAuditKey()) {
        // given no key, the engine accepts only a database that dies with the process: say so once, since a Boot
        // application gets one (an embedded H2 in memory) without asking for it
        LOG.warn("opsbook runs on an in-memory database: its faults, duties, SMS and audit trail are lost when the"
            + " application stops; set spring.datasource.url to a lasting database, and opsbook.audit-key");
      }
      return engine;
    } catch (IllegalStateException e) {
      // given neither key, only the missing key's refusal names auditKey; it is replaced, not wrapped, since the
      // builder's message names its Java methods, which a Spring application does not call
      if (key == null && !properties.isDemoAuditKey() && String.valueOf(e.getMessage()).startsWith("auditKey:")) {
        throw new IllegalStateException(MISSING_AUDIT_KEY);
      }
      throw e;
    }
  }

  /** Starts the engine's loops with the context (when {@code opsbook.start-loops}) and stops them with it. */
  @Bean
  @ConditionalOnMissingBean
  public OpsEngineLifecycle opsEngineLifecycle(OpsEngine engine, OpsbookProperties properties) {
    return new OpsEngineLifecycle(engine, properties.isStartLoops());
  }

  private static <T> T required(ObjectProvider<T> provider, Class<T> type, String what) {
    T bean = provider.getIfUnique();
    if (bean == null) {
      throw new NoSuchBeanDefinitionException(type, "opsbook needs exactly one bean of type " + type.getName()
          + " (" + what + "); define one in the application, or set opsbook.enabled=false");
    }
    return bean;
  }

  private static StandardWorkCalendar readCalendar(String location, ResourceLoader resources) {
    Resource resource = ResourceUtils.isUrl(location) ? resources.getResource(location)
        : new FileSystemResource(location);
    try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return StandardWorkCalendar.parse(in);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("opsbook.calendar-file", location + ", " + e.field() + ": " + e.reason(), null,
          e);
    } catch (IOException e) {
      throw new InvalidInputException("opsbook.calendar-file", "cannot read " + location + ": " + e.getMessage(),
          null, e);
    } catch (UncheckedIOException e) {
      // the parser's reads fail so, e.g. on a directory
      throw new InvalidInputException("opsbook.calendar-file", "cannot read " + location + ": "
          + e.getCause().getMessage(), null, e);
    }
  }

  private static String names(List<Person> people) {
    return people.isEmpty() ? "nobody in the directory"
        : String.join(", ", people.stream().map(p -> Masking.name(p.name())).toList());
  }

  /**
   * Returns the names of the application's directory that the logs mask, as the engine's own logs mask them
   * ({@link Defaults#liveNames}): read at the first use rather than when the bean is made (the engine checks the
   * directory when it is built), and read again every {@link #NAMES_REREAD} from a directory other than an
   * {@code InMemoryDirectory}. Without a directory, or while it cannot be read, numbers alone are masked: a log line
   * never fails for the directory.
   */
  private static Supplier<Masking.Names> directoryNames(ObjectProvider<Directory> directory) {
    Supplier<Supplier<Masking.Names>> live = Suppliers.memoize(() -> {
      Directory d = directory.getIfUnique();
      return d == null ? () -> NO_NAMES
          : Defaults.liveNames(d, Defaults.checkedNames(d), System::nanoTime, NAMES_REREAD);
    });
    return () -> {
      try {
        return live.get().get();
      } catch (RuntimeException e) {
        return NO_NAMES;
      }
    };
  }

  private static String masked(Throwable error, Masking.Names names) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getSimpleName()).append(": ").append(names.mask(String.valueOf(t.getMessage())));
    }
    return b.toString();
  }
}
