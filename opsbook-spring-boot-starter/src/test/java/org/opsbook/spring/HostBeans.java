package org.opsbook.spring;

import java.time.Clock;
import javax.sql.DataSource;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.engine.EngineFixture;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans a host application gives the starter in these tests, one configuration each, to combine. */
final class HostBeans {
  /** Every configuration of a complete host: a fresh database, the fixture's people and a recording gateway. */
  static final Class<?>[] HOST = {Storage.class, People.class, Gateway.class};

  private HostBeans() {}

  /** Returns a runner with the starter's auto-configurations. */
  static ApplicationContextRunner runner() {
    return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OpsbookAutoConfiguration.class,
        OpsbookMetricsAutoConfiguration.class, OpsbookHealthAutoConfiguration.class));
  }

  /** A fresh in-memory H2 database. */
  @Configuration(proxyBeanMethods = false)
  static class Storage {
    @Bean
    DataSource dataSource() {
      return EngineFixture.freshH2();
    }
  }

  /** The fixture's people. */
  @Configuration(proxyBeanMethods = false)
  static class People {
    @Bean
    Directory directory() {
      return EngineFixture.people();
    }
  }

  /** A gateway that records what it sends, on the system clock. */
  @Configuration(proxyBeanMethods = false)
  static class Gateway {
    @Bean
    MessageGateway gateway() {
      return new RecordingMessageGateway(Clock.systemUTC());
    }
  }
}
