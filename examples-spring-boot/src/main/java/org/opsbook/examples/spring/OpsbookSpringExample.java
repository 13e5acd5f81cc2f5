package org.opsbook.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on opsbook: it adds {@code opsbook-spring-boot-starter}, has a {@code DataSource} from
 * {@code spring.datasource.*} (with its own Flyway migration) and defines the two beans opsbook needs, a
 * {@code Directory} of people and an SMS {@code MessageGateway} ({@link DemoBeans}); the starter builds the
 * {@code OpsEngine} and runs its loops while the application runs.
 */
@SpringBootApplication
public class OpsbookSpringExample {
  /** Runs the application. */
  public static void main(String[] args) {
    SpringApplication.run(OpsbookSpringExample.class, args);
  }
}
