/**
 * API: the Spring Boot auto-configuration of the opsbook engine. {@link org.opsbook.spring.OpsbookAutoConfiguration}
 * builds one {@link org.opsbook.engine.OpsEngine} from the application's {@code DataSource} (after the application's
 * own Flyway, when it has one) with {@link org.opsbook.spring.OpsbookProperties} ({@code opsbook.*}), binds its loops
 * to the context's lifecycle ({@link org.opsbook.spring.OpsEngineLifecycle}), and, when Micrometer and Actuator are on
 * the classpath, adds {@link org.opsbook.spring.OpsbookMeterBinder} ({@code opsbook.*} meters) and
 * {@link org.opsbook.spring.OpsbookHealthIndicator}. A host overrides any default bean by defining its own.
 */
package org.opsbook.spring;
