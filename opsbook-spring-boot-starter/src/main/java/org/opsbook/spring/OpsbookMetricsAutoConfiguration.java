package org.opsbook.spring;

import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.opsbook.engine.OpsEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * API: adds {@link OpsbookMeterBinder} when Micrometer is on the classpath and the engine is configured. It backs off
 * with {@code opsbook.enabled=false}, and beside a host's own {@code OpsEngine} when the starter's beans it reads are
 * missing: one {@code DataSource} (the outbox is read from it; the starter backs off without it) and
 * {@link OpsbookStorageErrors}.
 */
@AutoConfiguration(after = OpsbookAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnProperty(prefix = "opsbook", name = "enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean({OpsEngine.class, OpsbookStorageErrors.class, OpsbookProperties.class})
public class OpsbookMetricsAutoConfiguration {
  /** Creates the auto-configuration; Spring calls it. */
  public OpsbookMetricsAutoConfiguration() {}

  /** The {@code opsbook.*} meters. */
  @Bean
  @ConditionalOnMissingBean
  public OpsbookMeterBinder opsbookMeterBinder(OpsEngine engine, DataSource dataSource, OpsbookStorageErrors errors,
      OpsbookProperties properties) {
    return new OpsbookMeterBinder(engine, dataSource, errors, properties.getMetrics().getRefresh());
  }
}
