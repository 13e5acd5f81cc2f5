/**
 * opsbook's reference JDBC adapter (API): schema migrations, repositories for every storage port, a tamper-evident
 * audit log and durable escalation timers that several host instances share, on PostgreSQL and H2.
 *
 * <p>Start with {@link org.opsbook.jdbc.OpsJdbc}. {@link org.opsbook.jdbc.spi.Dialect} is the SPI for a further database.
 */
package org.opsbook.jdbc;
