package org.opsbook.spring;

import javax.sql.DataSource;
import org.opsbook.engine.OpsEngine;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * API: adds {@link OpsbookHealthIndicator} (health component {@code opsbook}) when Actuator is on the classpath and the
 * engine is configured; {@code management.health.opsbook.enabled=false} turns it off. It backs off with
 * {@code opsbook.enabled=false}, and beside a host's own {@code OpsEngine} when the starter's beans it reads are
 * missing: one {@code DataSource} (the starter backs off without it) and {@link OpsbookStorageErrors}.
 */
@AutoConfiguration(after = OpsbookAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnProperty(prefix = "opsbook", name = "enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean({OpsEngine.class, OpsbookStorageErrors.class, OpsbookProperties.class})
@ConditionalOnEnabledHealthIndicator("opsbook")
public class OpsbookHealthAutoConfiguration {
  /** Creates the auto-configuration; Spring calls it. */
  public OpsbookHealthAutoConfiguration() {}

  /** The {@code opsbook} health component. */
  @Bean
  @ConditionalOnMissingBean(name = "opsbookHealthIndicator")
  public OpsbookHealthIndicator opsbookHealthIndicator(OpsEngine engine, DataSource dataSource,
      OpsbookStorageErrors errors, OpsbookProperties properties) {
    return new OpsbookHealthIndicator(engine, dataSource, errors, properties.isStartLoops());
  }
}
